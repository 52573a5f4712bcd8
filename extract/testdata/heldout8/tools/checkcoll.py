# no name or alias may belong to two entities of a gold (after the scorer's
# normalisation), and every entity must keep a name in the decoded document
import json, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import doc_text
from mkgold import norm
bad = 0
for path in sys.argv[1:]:
    g = json.load(open(path, encoding='utf-8'))
    nt = norm(doc_text(g['document']))
    owner = {}
    for t, n, a, c in g['entities']:
        for x in {norm(y) for y in [n] + a}:
            if x in owner and owner[x] != (t, n):
                print('%s: alias %s shared by %s and %s' % (path, x, owner[x], (t, n))); bad += 1
            owner[x] = (t, n)
        if not any(norm(y) in nt for y in [n] + a):
            print('%s: entity %s has no name in the text' % (path, n)); bad += 1
    for k, v, u, c in g['indicators']:
        if norm(k) not in nt:
            print('%s: indicator key %s not in the text' % (path, k)); bad += 1
    print('%s: %d entities, no collisions' % (os.path.basename(path), len(g['entities'])) if not bad else '')
sys.exit(1 if bad else 0)
