#!/bin/sh
# rebuild the documents and golds and check them; every gold must score overall F1 = 1.000 against itself
set -e
cd "$(dirname "$0")"
python3 encode.py
for s in yinchuan yingkou taixing anji; do python3 gold_$s.py; done
python3 check.py
for d in yinchuan-jkq-2024 yingkou-jkq-2025 taixing-kfq-2025 anji-kfq-2026h1; do
  python3 -c "import json; json.load(open('../$d.gold.json', encoding='utf-8'))"
  python3 ../../tools/selfgold.py ../$d.gold.json /tmp/self10-$d.json
  printf '%s: ' $d; python3 ../../../../../shared/tools/kgscore.py ../$d.gold.json /tmp/self10-$d.json | tail -1
  rm -f /tmp/self10-$d.json
done
