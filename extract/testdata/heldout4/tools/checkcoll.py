# alias collisions between entities of one gold, and names that are substrings of the text in one document only once checked
import json, sys
sys.path.insert(0, '../../tools')  # mkgold.py, shared by the batches
from mkgold import norm
for d in ["chuzhou-2024", "xinzheng-zbq-2024", "linying-2024", "mianyang-gxq-2026h1"]:
    g = json.load(open("../%s.gold.json" % d, encoding="utf-8"))
    seen = {}
    for t, n, a, c in g["entities"]:
        for x in set(norm(y) for y in [n] + a):
            if x in seen and seen[x] != n: print(d, "COLLISION", x, seen[x], n)
            seen[x] = n
    ids = {n for t, n, a, c in g["entities"]}
    for s, p, o, c in g["relations"]:
        if s not in ids or (p != "stage" and o not in ids): print(d, "REL NOT BY NAME", s, p, o)
