#!/bin/sh
# rebuild batch 20's documents and golds, check them, and score each gold against itself
set -e
T=$(cd "$(dirname "$0")" && pwd); B=$(dirname "$T")
KG=${KGSCORE:-}
for k in "$B/../../../../shared/tools/kgscore.py" "$B/../shared/tools/kgscore.py" /work/shared/tools/kgscore.py; do
  [ -z "$KG" ] && [ -f "$k" ] && KG="$k"
done
[ -n "$KG" ] || { echo "kgscore.py not found: set KGSCORE"; exit 2; }
# the shared helpers: ../../tools (batch inside extract/testdata/) or copies here
if [ -f "$B/../tools/selfgold.py" ]; then SH="$B/../tools"; else SH="$T"; fi
cd "$T"
out=$(python3 mktexts.py); echo "$out"
for g in fuzhou linyi caofeidian baotou; do
  out=$(python3 gold_$g.py)
  echo "$out"
  # "note: alias not in text" marks an owner-prefixed alias the text does not write (fuzhou); anything else fails
  if echo "$out" | grep -v '^wrote ' | grep -v '^note: alias not in text: ' | grep -q .; then
    echo "FAIL: warnings from gold_$g.py"; exit 1; fi
done
if ! (cd "$B" && sha256sum -c --quiet tools/SHA256SUMS); then echo "FAIL: not byte-identical"; exit 1; fi
echo "documents and golds byte-identical to tools/SHA256SUMS"
python3 "$SH/checkgold.py" "$B"/*.gold.json
tmp=$(mktemp -d "$T/self.XXXXXX")
for g in "$B"/*.gold.json; do
  python3 "$SH/selfgold.py" "$g" "$tmp/self.json"
  printf '%s: ' "$(basename "$g")"; python3 "$KG" "$g" "$tmp/self.json" | tail -1
done
rm -rf "$tmp"
