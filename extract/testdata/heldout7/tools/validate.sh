#!/bin/sh
# Rebuilds the batch (the four .txt documents from tools/*.utf8.txt and
# tools/kunming-jkq-2025.unbroken.txt, and the four golds from tools/gold_*.py),
# checks the rebuild is byte-identical to what is stored, checks the golds
# (names in the decoded documents, no shared aliases, no dangling relations)
# and that each gold, turned into a perfect extraction, scores 1.000.
# Run from anywhere: sh tools/validate.sh  (KGSCORE=path overrides the scorer)
set -e
cd "$(dirname "$0")/.."
if [ -z "$KGSCORE" ]; then
  c=../../../../shared/tools/kgscore.py   # shared/tools beside the repository
  [ -f "$c" ] && KGSCORE=$c
fi
[ -n "$KGSCORE" ] || { echo "kgscore.py not found; set KGSCORE"; exit 2; }
SELF=../tools/selfgold.py   # shared by the batches
DOCS="changchun-qkq-2025 ningbo-qianwan-2025q3 xiangyang-gxq-2025 kunming-jkq-2025"
before=$(for d in $DOCS; do sha256sum $d.txt $d.gold.json; done)
python3 tools/make_txt.py
out=$(for g in changchun ningbo xiangyang kunming; do python3 tools/gold_$g.py; done)
echo "$out"
if echo "$out" | grep -q -e 'NOT IN TEXT' -e 'not entity' -e 'DUP' -e 'not in text'; then echo "gold check FAILED"; exit 1; fi
after=$(for d in $DOCS; do sha256sum $d.txt $d.gold.json; done)
tmp=$(mktemp -d)
if [ "$before" = "$after" ]; then echo "rebuild byte-identical"; else echo "REBUILD DIFFERS"; echo "$before" > $tmp/before; echo "$after" | diff $tmp/before - || true; rm -r $tmp; exit 1; fi
python3 tools/checkcoll.py $(for d in $DOCS; do echo $d.gold.json; done)
for d in $DOCS; do
  python3 "$SELF" $d.gold.json $tmp/$d.json
  printf '%s: ' $d; python3 "$KGSCORE" $d.gold.json $tmp/$d.json | tail -1
  python3 "$KGSCORE" $d.gold.json $tmp/$d.json | tail -1 | grep -q 'overall F1 = 1.000' || { echo "self-score below 1"; exit 1; }
done
rm -r $tmp
echo "all checks passed"
