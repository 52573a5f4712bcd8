# checks of a gold: no normalized name or alias shared by two entities, every
# entity keeps a name in the decoded document, every indicator key occurs in it,
# and relation ends name entities. usage: checkcoll.py DOC.txt GOLD.json
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import doc_text
from mkgold import norm
doc, gold = sys.argv[1], sys.argv[2]
text = norm(doc_text(os.path.basename(doc)))
g = json.load(open(gold, encoding='utf-8'))
bad, owner = 0, {}
for t, n, a, c in g['entities']:
    for x in {norm(n)} | {norm(y) for y in a}:
        if x in owner and owner[x] != n:
            print('ALIAS COLLISION', x, owner[x], n); bad += 1
        owner[x] = n
    if not any(norm(x) in text for x in [n] + a):
        print('NOT IN TEXT', t, n); bad += 1
for s, p, o, c in g['relations']:
    if norm(s) not in owner or (p != 'stage' and norm(o) not in owner):
        print('DANGLING', s, p, o); bad += 1
for k, v, u, c in g['indicators']:
    if norm(k) not in text:
        print('KEY NOT IN TEXT', k); bad += 1
print('%s: %s' % (os.path.basename(gold), 'ok' if not bad else '%d problems' % bad))
sys.exit(1 if bad else 0)
