#!/bin/bash
# side.sh: every 6th chain of a 10,000-report store, the product's whole answer then cayley http's Gizmo query, alternated
# (2026-12-06, session 8; the URLs and Gizmo files were written from GET /api/v1/chains; see 2026-12-06-s8-10000-side.md)
k=0
while read u; do
  if [ $((k % 6)) -eq 0 ]; then
    f=$(printf '/tmp/gz/%03d.js' $k)
    p=$(curl -s -o /dev/null --max-time 60 -w '%{time_total} %{size_download} %{http_code}' "$u")
    c=$(curl -s -o /tmp/cayout.json --max-time 60 -w '%{time_total} %{size_download} %{http_code}' -X POST --data-binary @$f 'http://127.0.0.1:8098/api/v2/query?lang=gizmo')
    n=$(python3 -c "import json;d=json.load(open('/tmp/cayout.json'));r=d.get('result') or [];print(len(r[0]) if len(r)==1 and isinstance(r[0],list) else len(r), d.get('error',''))" 2>/dev/null)
    echo "$k $p | $c | $n"
  fi
  k=$((k+1))
done < /tmp/urls5000.txt
