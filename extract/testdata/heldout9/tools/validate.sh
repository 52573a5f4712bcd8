#!/bin/sh
# Rebuild the four documents and their golds of this batch, check they come out
# byte-identical (SHA256SUMS), check the golds (checkcoll.py, mkgold warnings)
# and that each gold scores 1.000 against itself (selfgold.py + kgscore.py).
# Run from anywhere. KGSCORE may point at shared/tools/kgscore.py.
set -e
T=$(cd "$(dirname "$0")" && pwd)
B=$(dirname "$T")
cd "$T"
# the shared helpers: ../../tools (batch inside extract/testdata/) or the copies here
if [ -f "$B/../tools/selfgold.py" ]; then SG="$B/../tools/selfgold.py"; else SG="$T/selfgold.py"; fi
KG=${KGSCORE:-}
for k in "$B/../../../../shared/tools/kgscore.py" "$B/../shared/tools/kgscore.py" /work/shared/tools/kgscore.py; do
  [ -z "$KG" ] && [ -f "$k" ] && KG="$k"
done
[ -n "$KG" ] || { echo "kgscore.py not found: set KGSCORE"; exit 2; }
python3 mktexts.py
WARN=$(for s in jiujiang xiangyang kunshan ganzhou; do python3 gold_$s.py; done | tee /dev/stderr | grep -v '^wrote' || true)
[ -z "$WARN" ] || { echo "mkgold warnings"; exit 1; }
(cd "$B" && sha256sum -c "$T/SHA256SUMS")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for d in jiujiang-etdz-2025 xiangyang-gxq-2024h1 kunshan-zbq-2023 ganzhou-etdz-2025; do
  python3 checkcoll.py "$B/$d.txt" "$B/$d.gold.json"
  python3 "$SG" "$B/$d.gold.json" "$TMP/$d.json"
  printf '%s: ' "$d"
  python3 "$KG" "$B/$d.gold.json" "$TMP/$d.json" | tail -1
  python3 "$KG" "$B/$d.gold.json" "$TMP/$d.json" | tail -1 | grep -q 'overall F1 = 1.000' || { echo "self-score is not 1.000"; exit 1; }
done
echo "all checks passed"
