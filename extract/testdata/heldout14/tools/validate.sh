#!/bin/sh
# rebuild batch 19's documents and golds, check them, and score each gold against itself
set -e
T=$(cd "$(dirname "$0")" && pwd); B=$(dirname "$T")
KG=${KGSCORE:-}
for k in "$B/../../../../shared/tools/kgscore.py" "$B/../shared/tools/kgscore.py" /work/shared/tools/kgscore.py; do
  [ -z "$KG" ] && [ -f "$k" ] && KG="$k"
done
[ -n "$KG" ] || { echo "kgscore.py not found: set KGSCORE"; exit 2; }
# the shared helpers: ../../tools (batch inside extract/testdata/) or copies here
if [ -f "$B/../tools/selfgold.py" ]; then SG="$B/../tools/selfgold.py"; CG="$B/../tools/checkgold.py"; else SG="$T/selfgold.py"; CG="$T/checkgold.py"; fi
cd "$T"
# the PDF is printed only when missing (PDF=1 forces it): Chromium's output differs from run to run, so
# SHA256SUMS holds its HTML source instead
out=$(python3 mktexts.py); echo "$out"
for g in daqing yangpu lanzhou xining; do
  out=$(python3 gold_$g.py)
  echo "$out"
  if echo "$out" | grep -v '^wrote ' | grep -v '^note: alias not in text' | grep -q .; then
    echo "FAIL: warnings from gold_$g.py"; exit 1; fi
done
if ! (cd "$B" && sha256sum -c --quiet tools/SHA256SUMS); then echo "FAIL: not byte-identical"; exit 1; fi
echo "documents, PDF source and golds byte-identical to tools/SHA256SUMS"
python3 "$CG" "$B"/*.gold.json
tmp=$(mktemp -d "$T/self.XXXXXX")
for g in "$B"/*.gold.json; do
  python3 "$SG" "$g" "$tmp/self.json"
  printf '%s: ' "$(basename "$g")"; python3 "$KG" "$g" "$tmp/self.json" | tail -1
done
rm -rf "$tmp"
