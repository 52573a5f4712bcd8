# checks of the golds of one batch (heldoutN/*.gold.json, decoded by that batch's
# tools/goldlib.py): per gold, no normalized name or alias shared by two entities, every entity's own name
# in the decoded visible text, relation ends are entities, indicator keys in the text.
import sys, os, json
if len(sys.argv) < 2:
    sys.exit("usage: checkgold.py BATCH/NAME.gold.json ...")
# the batch's own tools/goldlib.py decodes its documents
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "tools"))
from goldlib import doc_text
from mkgold import norm
bad = 0
for gp in sys.argv[1:]:
    g = json.load(open(gp, encoding="utf-8"))
    nt = norm(doc_text(g["document"]))
    seen = {}
    for t, n, a, c in g["entities"]:
        for x in {norm(n)} | {norm(y) for y in a}:
            if x in seen and seen[x] != n:
                print(gp, "SHARED NAME", x, seen[x], n); bad += 1
            seen[x] = n
        if norm(n) not in nt:
            print(gp, "NAME NOT IN TEXT", n); bad += 1
    names = {n for t, n, a, c in g["entities"]} | {x for t, n, a, c in g["entities"] for x in a}
    for s, p, o, c in g["relations"]:
        if s not in names or (p != "stage" and o not in names):
            print(gp, "DANGLING", s, p, o); bad += 1
    for k, v, u, c in g["indicators"]:
        if norm(k) not in nt:
            print(gp, "KEY NOT IN TEXT", k); bad += 1
    for s, v in g.get("planned", []):
        if [s, "stage", v] not in [x[:3] for x in g["relations"]]:
            print(gp, "PLANNED WITHOUT STAGE", s, v); bad += 1
    print(os.path.basename(gp), "checked:", len(g["entities"]), "entities", len(g["relations"]), "relations", len(g["indicators"]), "indicators", len(g.get("planned", [])), "planned")
sys.exit(1 if bad else 0)
