#!/bin/sh
# validate.sh BATCH [EXPECTED]: rebuild a held-out batch's documents and golds (BATCH/tools/mktexts.py,
# then each BATCH/tools/gold_*.py), check they are byte-identical to BATCH/tools/SHA256SUMS, check
# the golds (checkgold.py, and the batch's own checkdocs.py if it has one), and score each gold
# against itself. A gold script's output lines other than "wrote …" fail the run (mkgold's
# warnings: NOT IN TEXT, DUP, dangling ends, values or keys not in the text), unless they match
# EXPECTED, a grep pattern of the notes the batch expects (aliases the text does not write...).
set -e
B=$(cd "$1" && pwd); T="$B/tools"; SH=$(cd "$(dirname "$0")" && pwd)
EXPECTED=${2:-'^$'}
KG=${KGSCORE:-}
for k in "$B/../../../../shared/tools/kgscore.py" /work/shared/tools/kgscore.py; do
  [ -z "$KG" ] && [ -f "$k" ] && KG="$k"
done
[ -n "$KG" ] || { echo "kgscore.py not found: set KGSCORE"; exit 2; }
cd "$T"
out=$(python3 mktexts.py); echo "$out"
for f in gold_*.py; do
  out=$(python3 "$f")
  echo "$out"
  if echo "$out" | grep -v '^wrote ' | grep -v "$EXPECTED" | grep -q .; then
    echo "FAIL: warnings from $f"; exit 1; fi
done
if ! (cd "$B" && sha256sum -c --quiet tools/SHA256SUMS); then echo "FAIL: not byte-identical"; exit 1; fi
echo "documents and golds byte-identical to tools/SHA256SUMS"
python3 "$SH/checkgold.py" "$B"/*.gold.json
if [ -f checkdocs.py ]; then python3 checkdocs.py; fi
tmp=$(mktemp -d "$T/self.XXXXXX")
for g in "$B"/*.gold.json; do
  python3 "$SH/selfgold.py" "$g" "$tmp/self.json"
  printf '%s: ' "$(basename "$g")"; python3 "$KG" "$g" "$tmp/self.json" | tail -1
done
rm -rf "$tmp"
