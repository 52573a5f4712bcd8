#!/bin/sh
# rebuild the golds from tools/gold_*.py and check each scores 1.000 against itself
# (the table values of mianyang are reported as "not in text" by mkgold because norm() drops the tabs between cells; they are checked as tab-separated cells below)
cd "$(dirname "$0")" && for s in chuzhou xinzheng linying mianyang; do python3 gold_$s.py; done
python3 pdfify9.py linying-2024.unbroken.txt ../linying-2024.txt 临颍县休闲食品产业园2024年工作总结 34 26
python3 checkpdf.py ../linying-2024.gold.json ../linying-2024.txt
python3 checkpdf.py ../chuzhou-2024.gold.json ../chuzhou-2024.txt gb18030
python3 checkpdf.py ../xinzheng-zbq-2024.gold.json ../xinzheng-zbq-2024.txt utf-16
python3 checkpdf.py ../mianyang-gxq-2026h1.gold.json ../mianyang-gxq-2026h1.txt utf-8-sig
python3 checkcoll.py
cd .. && for d in chuzhou-2024 xinzheng-zbq-2024 linying-2024 mianyang-gxq-2026h1; do
  python3 ../tools/selfgold.py $d.gold.json /tmp/h9-$d.self.json &&
  printf '%s: ' $d && python3 /work/shared/tools/kgscore.py $d.gold.json /tmp/h9-$d.self.json | tail -1
done
