#!/bin/sh
# rebuild the golds and documents of batch 11 and check them; run from anywhere
set -e
T=$(cd "$(dirname "$0")" && pwd); B="$T/.."
KG="$T/../../../../../shared/tools/kgscore.py"   # ../shared/tools/kgscore.py beside the repository
cd "$T"
python3 pdfify11.py xiantao-kfq-2025.unbroken.txt xiantao-kfq-2025.pdf.txt '仙桃经济开发区2025年重点工作完成情况'
for s in guiyang xiamen xiantao zhanjiang; do python3 gold_$s.py; done
python3 encode.py
python3 checkgold.py "$B/guiyang-gxq-2025.gold.json" "$B/guiyang-gxq-2025.txt" gb18030
python3 checkgold.py "$B/xiamen-ftz-2025h1.gold.json" "$B/xiamen-ftz-2025h1.txt" utf-16
python3 checkgold.py "$B/xiantao-kfq-2025.gold.json" "$B/xiantao-kfq-2025.txt" utf-8
python3 checkgold.py "$B/zhanjiang-kfq-2025.gold.json" "$B/zhanjiang-kfq-2025.txt" utf-8
TMP=$(mktemp -d)
for n in guiyang-gxq-2025 xiamen-ftz-2025h1 xiantao-kfq-2025 zhanjiang-kfq-2025; do
  python3 ../../tools/selfgold.py "$B/$n.gold.json" "$TMP/$n.json"
  printf '%s: ' "$n"; python3 "$KG" "$B/$n.gold.json" "$TMP/$n.json" | tail -1
done
rm -rf "$TMP"
