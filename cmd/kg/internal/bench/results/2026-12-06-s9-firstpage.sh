#!/bin/bash
# firstpage.sh DB OUTDIR: kg serve on a bolt store; every chain's first page (limit 500), two passes, curl one at a time;
# prints p50/p99 by curl's clock and by the server's own request log ("took").
set -e
DB=$1; OUT=$2; KG=${KG:-kg}; mkdir -p $OUT
$KG serve --db bolt:$DB --addr 127.0.0.1:8097 --log-json --rate-limit -1 2> $OUT/serve.log &
pid=$!
t0=$(date +%s)
until curl -sf http://127.0.0.1:8097/readyz >/dev/null 2>&1; do sleep 2; done
echo "ready in $(( $(date +%s) - t0 )) s"
curl -s 'http://127.0.0.1:8097/api/v1/chains' > $OUT/chains.json
python3 -c "
import json,urllib.parse
d=json.load(open('$OUT/chains.json'))
def walk(cs):
    for c in cs:
        yield c
        yield from walk(c.get('children') or [])
for c in walk(d['chains']):
    if c.get('firms'):
        print(urllib.parse.quote(c['id'],safe=''))
" > $OUT/ids.txt
echo "$(wc -l < $OUT/ids.txt) chains with firms (the whole tree)"
for pass in 1 2; do
  while read id; do
    curl -s -o /dev/null -w "$pass %{time_total} %{size_download}\n" "http://127.0.0.1:8097/api/v1/chains/$id/firms?limit=500"
  done < $OUT/ids.txt
done > $OUT/curl.txt
kill $pid; wait $pid 2>/dev/null || true
python3 - $OUT <<'PY'
import json,sys,statistics
out=sys.argv[1]
def pct(v,p): v=sorted(v); return v[min(len(v)-1,int(round(p/100*(len(v)-1))))]
for pas in ('1','2'):
    c=[float(l.split()[1])*1000 for l in open(out+'/curl.txt') if l.split()[0]==pas]
    print(f"pass {pas}: curl p50 {pct(c,50):.2f} ms p99 {pct(c,99):.2f} ms max {max(c):.2f} ms over {len(c)}")
took=[]
for l in open(out+'/serve.log'):
    try: r=json.loads(l)
    except: continue
    if r.get('msg')=='request' and r.get('route','').endswith('/firms'):
        t=r['took']
        took.append(t/1e6 if isinstance(t,(int,float)) else float(t))
print(f"server log: p50 {pct(took,50):.3f} ms p99 {pct(took,99):.3f} ms max {max(took):.3f} ms over {len(took)}")
PY
