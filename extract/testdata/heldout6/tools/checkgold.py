# check a gold against its ENCODED document: every entity keeps a name in the text, every indicator key and
# first value occur, no alias is shared by two entities, every relation end is an entity name.
# usage: checkgold.py GOLD DOC ENCODING
import json, os, re, sys, unicodedata
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))  # mkgold.py, shared by the batches
from mkgold import norm, fmt
gold, doc, enc = sys.argv[1:4]
t = open(doc, "rb").read().decode(enc)
nt = norm(t)
g = json.load(open(gold, encoding="utf-8"))
bad = 0
owner = {}
for typ, n, a, c in g["entities"]:
    if not any(norm(x) in nt for x in [n] + a): print("name not in text:", n); bad += 1
    for x in set(norm(y) for y in [n] + a):
        if x in owner and owner[x] != n: print("alias collision:", x, owner[x], n); bad += 1
        owner[x] = n
names = {x for _, n, a, _ in g["entities"] for x in [n] + a}
for s, p, o, c in g["relations"]:
    if s not in names or (p != "stage" and o not in names): print("relation end missing:", s, p, o); bad += 1
for k, v, u, c in g["indicators"]:
    if norm(k) not in nt: print("key not in text:", k); bad += 1
    if not re.search(r'(?<![\d.])' + re.escape(fmt(v[0])) + r'(?![\d])', nt): print("value not in text:", k, v); bad += 1
print("%s: %d problems" % (gold.split("/")[-1], bad))
sys.exit(1 if bad else 0)
