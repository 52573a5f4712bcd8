#!/usr/bin/env bash
# serve-open.sh BIN ADDR PORT LOG: starts kg serve under /usr/bin/time -v,
# waits for /readyz, prints the seconds from start to ready, stops it (SIGTERM to kg).
set -u
bin=$1 addr=$2 port=$3 log=$4
start=$(date +%s.%N)
/usr/bin/time -v nice -n 10 "$bin" serve --db "$addr" --addr 127.0.0.1:$port --empty >"$log" 2>&1 &
tpid=$!
while :; do
  if curl -sf -o /dev/null http://127.0.0.1:$port/readyz; then break; fi
  if ! kill -0 $tpid 2>/dev/null; then echo "exited"; cat "$log"; exit 1; fi
  sleep 0.2
done
ready=$(date +%s.%N)
echo "ready after $(echo "$ready - $start" | bc) s"
kpid=$(pgrep -P $(pgrep -P $tpid) -x kg || pgrep -P $tpid)
kill -TERM $kpid
wait $tpid
grep -E "Maximum resident|Elapsed|User time|System time" "$log"
