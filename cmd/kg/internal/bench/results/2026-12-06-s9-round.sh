#!/bin/bash
# round.sh BIN LABEL: start kg serve (BIN) on the 10k store, ask the
# chain-firms questions with s9load as kg bench's HTTP stage does, stop it.
# s9load: go build -o /tmp/s9load/s9load 2026-12-06-s9-load.go; chains.txt:
# the ids of the industries named as the synthetic corpus's chains.
set -u
BIN=$1; L=$2; D=/work/s9-10k; LG=/tmp/s9load/s9load
OUT=$D/round-$L.txt
: > $OUT
say() { echo "$@" | tee -a $OUT; }
GODEBUG=gctrace=1 KG_CPUPROFILE=$D/prof-$L.cpu nice -n 5 $BIN serve --db bolt:$D/kg.bolt --addr 127.0.0.1:8099 --rate-limit -1 2> $D/serve-$L.log &
PID=$!
say "== $L pid $PID start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
until curl -sf -o /dev/null http://127.0.0.1:8099/readyz; do sleep 2; kill -0 $PID || exit 1; done
say "ready $(date -u +%T) rss $(grep VmRSS /proc/$PID/status) load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -s $D/chains.txt ]; then
  curl -s http://127.0.0.1:8099/api/v1/chains | python3 -c '
import json,sys
names=[l.strip() for l in open("/tmp/s9load/chainnames.txt") if l.strip()]
t=json.load(sys.stdin)["chains"]
ids=[]
def walk(n):
    if n["name"] in names: ids.append(n["id"])
    for c in n["children"]: walk(c)
for n in t: walk(n)
print("\n".join(sorted(set(ids))))' > $D/chains.txt
fi
[ -s $D/tree.json ] || curl -s http://127.0.0.1:8099/api/v1/chains > $D/tree.json
[ -s /tmp/s9-whole.json ] || curl -s "http://127.0.0.1:8099/api/v1/chains/$(head -1 $D/chains.txt | sed 's|/|%2F|')/firms?limit=5000" > /tmp/s9-whole.json
run() { say "-- $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"; $LG -chains $D/chains.txt -label $L "$@" | tee -a $OUT; }
run -q limit=5000 -samples 50 -clients 32
run -q "" -samples 50 -clients 32
run -q limit=5000 -samples 50 -clients 32 -identity
run -q "" -samples 50 -clients 0
say "end $(date -u +%T) $(grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)"
kill -INT $PID; wait $PID
say "stopped $(date -u +%T)"
