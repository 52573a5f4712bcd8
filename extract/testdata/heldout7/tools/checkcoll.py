# checks a gold: no name or alias shared by two entities (after the scorer's
# normalisation), every relation end is an entity name or alias.
import json, sys, os
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', '..', 'tools'))  # mkgold.py, shared by the batches
from mkgold import norm
bad = 0
for path in sys.argv[1:]:
    g = json.load(open(path, encoding='utf-8'))
    owner, names = {}, set()
    for t, n, a, c in g['entities']:
        for x in {norm(n)} | {norm(y) for y in a}:
            if x in owner and owner[x] != n:
                print(path, 'shared name', x, owner[x], n); bad += 1
            owner[x] = n
        names |= {n} | set(a)
    for s, p, o, c in g['relations']:
        if s not in names or (p != 'stage' and o not in names):
            print(path, 'dangling relation', s, p, o); bad += 1
    print(path, 'ok' if not bad else 'PROBLEMS')
sys.exit(1 if bad else 0)
