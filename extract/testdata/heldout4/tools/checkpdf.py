# which gold entities have no name surviving in the (page-broken) file; which page breaks split text
import json, sys, re
sys.path.insert(0, '../../tools')  # mkgold.py, shared by the batches
from mkgold import norm
g = json.load(open(sys.argv[1], encoding='utf-8'))
t = open(sys.argv[2], encoding=sys.argv[3] if len(sys.argv) > 3 else 'utf-8').read()
nt = norm(t)
for ty, n, a, c in g['entities']:
    if not any(norm(x) in nt for x in [n] + a): print('LOST', ty, n, c)
for k, v, u, c in g['indicators']:
    if norm(k) not in nt: print('LOST key', k)
