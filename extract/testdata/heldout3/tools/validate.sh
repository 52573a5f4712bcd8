#!/bin/sh
# rebuild the golds from tools/gold_*.py and check each scores 1.000 against itself
cd "$(dirname "$0")" && for s in siyang zhuhai chongqing shunde; do python3 gold_$s.py; done
cd .. && for d in siyang-2024 zhuhai-gxq-2024 chongqing-jkq-2024 shunde-2025; do
  python3 ../tools/selfgold.py $d.gold.json /tmp/$d.self.json &&
  printf '%s: ' $d && python3 /work/shared/tools/kgscore.py $d.gold.json /tmp/$d.self.json | tail -1
done
