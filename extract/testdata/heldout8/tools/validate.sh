#!/bin/sh
# Rebuilds the batch from tools/ and checks it:
#  1. the four documents from their UTF-8 sources (mktexts.py, pdfify13.py),
#  2. the four golds from gold_*.py (through mkgold.py, which reports names
#     and indicator values not found in the decoded document),
#  3. that everything is byte-identical to the stored copies (SHA256SUMS),
#  4. no alias collisions, no lost names, no lost indicator keys (checkcoll.py),
#  5. each gold, turned into a perfect extraction by selfgold.py, scores
#     overall F1 = 1.000 with shared/tools/kgscore.py.
# Run from anywhere; every path is relative to this script's folder.
# The shared helpers (mkgold.py, selfgold.py, pdfify.py) are the testdata's
# ../../tools; kgscore.py is shared/tools beside the repository ($KGSCORE overrides).
set -e
cd "$(dirname "$0")"
SELFGOLD=$(realpath ../../tools/selfgold.py)
if [ -z "$KGSCORE" ]; then
  k=../../../../../shared/tools/kgscore.py
  [ -f "$k" ] && KGSCORE=$(realpath "$k")
fi
[ -n "$KGSCORE" ] || { echo "kgscore.py not found: set KGSCORE"; exit 1; }
python3 mktexts.py
for d in nantong weifang luoyang nanning; do python3 gold_$d.py; done
cd ..
sha256sum -c tools/SHA256SUMS
python3 tools/checkcoll.py *.gold.json
tmp=$(mktemp -d)
fail=0
for g in *.gold.json; do
  python3 "$SELFGOLD" "$g" "$tmp/x.json"
  s=$(python3 "$KGSCORE" "$g" "$tmp/x.json" | tail -1)
  echo "$g: $s"
  [ "$s" = "overall F1 = 1.000" ] || fail=1
done
rm -rf "$tmp"
[ $fail = 0 ] && echo "all golds score 1.000 against themselves"
exit $fail
