#!/bin/sh
# loadtest.sh: the chain-firms question and an entity lookup through kg serve,
# beside the same chain question as a Gizmo query through Cayley's own
# `cayley http` (memstore, its fastest backend) on the same quads, measured
# with wrk from a second process on 127.0.0.1.
#
# usage: web/testdata/loadtest.sh WORKDIR
#   WORKDIR/kg.db   a bolt store, e.g. built by
#                     kg gen --docs 1000 --seed 1 --out WORKDIR/synth
#                     kg build --db bolt:WORKDIR/kg.db WORKDIR/synth
#   $KG, $CAYLEY    the binaries (default WORKDIR/kg, WORKDIR/cayley); cayley at
#                   the go.mod version: go build -o WORKDIR/cayley github.com/cayleygraph/cayley/cmd/cayley
#   $CHAIN          the chain asked about (default 新一代信息技术)
#   $DURATION, $CONNS  wrk's duration and concurrent connections (default 20s, 16)
set -eu
W=${1:?usage: loadtest.sh WORKDIR}
KG=${KG:-$W/kg}
CAYLEY=${CAYLEY:-$W/cayley}
CHAIN=${CHAIN:-新一代信息技术}
DURATION=${DURATION:-20s}
CONNS=${CONNS:-16}
KGPORT=18090
CAYPORT=18091
BASE=http://127.0.0.1:$KGPORT/api/v1

"$KG" serve --db "bolt:$W/kg.db" --empty --addr 127.0.0.1:$KGPORT --export-timeout 30m --write-timeout 30m > "$W/serve.log" 2>&1 &
KGPID=$!
CAYPID=
trap 'kill $KGPID $CAYPID 2>/dev/null' EXIT
for i in $(seq 1 3600); do
  curl -sf http://127.0.0.1:$KGPORT/readyz > /dev/null && break
  sleep 1
done
echo "kg serve ready after ${i}s"

# The same quads for Cayley, exported by the server itself.
[ -s "$W/kg.nq" ] || curl -sf "$BASE/export?format=nquads" -o "$W/kg.nq"
echo "quads: $(wc -l < "$W/kg.nq")"
"$CAYLEY" http -d memstore -i "$W/kg.nq" --host 127.0.0.1:$CAYPORT > "$W/cayley.log" 2>&1 &
CAYPID=$!
for i in $(seq 1 3600); do
  curl -sf -XPOST --data 'g.V().Limit(1).All()' "http://127.0.0.1:$CAYPORT/api/v2/query?lang=gizmo" > /dev/null && break
  sleep 1
done
echo "cayley http ready after ${i}s"

enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
CHAINID=industry/$CHAIN
FIRMS="$BASE/chains/$(enc "$CHAINID")/firms"
FIRM=$(curl -sf "$FIRMS" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["firms"][len(a["firms"])//2]["entity"]["id"])')
ENTITY="$BASE/entities/$(enc "$FIRM")"
NS=$(grep -o '<[^>]*/ns#inIndustry>' "$W/kg.nq" | head -1 | sed 's/ns#inIndustry>//; s/^<//')
CHAINIRI=$(grep -o "<[^>]*/id/$CHAINID>" "$W/kg.nq" | head -1)
# The chain question in Gizmo: the chain and every narrower one, the
# enterprises in any of them, their names.
GIZMO="g.V(\"$CHAINIRI\").Union(g.V(\"$CHAINIRI\").FollowRecursive(g.M().In(\"<http://www.w3.org/2004/02/skos/core#broader>\"))).In(\"<${NS}ns#inIndustry>\").Has(\"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\", \"<${NS}ns#Enterprise>\").Unique().Out(\"<http://www.w3.org/2000/01/rdf-schema#label>\").All()"
cat > "$W/gizmo.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$GIZMO]]
wrk.headers["Content-Type"] = "text/plain"
LUA

echo "kg firms of $CHAIN: $(curl -sf "$FIRMS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') (pages of 500 by default)"
echo "cayley firms of $CHAIN: $(curl -sf -XPOST --data-binary "$GIZMO" "http://127.0.0.1:$CAYPORT/api/v2/query?lang=gizmo" | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("result") or []))') (cayley http stops at 100 results)"

# Like for like: 100 firms from each (kg's with evidence, projects and stages;
# Cayley's names only).
run() { echo "== $1"; shift; wrk --latency "$@" | grep -E 'Requests/sec|50%|99%|Non-2xx|errors'; }
run "kg chain firms (100), 1 connection" -t1 -c1 -d"$DURATION" "$FIRMS?limit=100"
run "cayley gizmo chain firms (100), 1 connection" -t1 -c1 -d"$DURATION" -s "$W/gizmo.lua" "http://127.0.0.1:$CAYPORT/api/v2/query?lang=gizmo"
run "kg chain firms (default page of 500), 1 connection" -t1 -c1 -d"$DURATION" "$FIRMS"
run "kg entity, 1 connection" -t1 -c1 -d"$DURATION" "$ENTITY"
run "kg chain firms (100), $CONNS connections" -t2 -c"$CONNS" -d"$DURATION" "$FIRMS?limit=100"
run "cayley gizmo chain firms (100), $CONNS connections" -t2 -c"$CONNS" -d"$DURATION" -s "$W/gizmo.lua" "http://127.0.0.1:$CAYPORT/api/v2/query?lang=gizmo"
run "kg entity, $CONNS connections" -t2 -c"$CONNS" -d"$DURATION" "$ENTITY"
