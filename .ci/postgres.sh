#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the store's tests and
# prints the line that exports its URL, so that callers can
#
#	eval "$(bash .ci/postgres.sh [DIR])"
#
# DIR holds the cluster (default: a new temporary directory). Installs
# Debian's postgresql when missing. Works as root (the server runs as the
# unprivileged user "postgres") and as a normal user. Stop the server with
#	pg_ctl -D DIR/data stop   (as the same user that started it)
# (KG_TEST_POSTGRES_DIR, exported beside the URL, is DIR).
# Everything but the export line goes to stderr.
set -euo pipefail

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ]; then
  log "installing postgresql"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

dir=${1:-$(mktemp -d /tmp/kg-postgres.XXXXXX)}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# A free port on 127.0.0.1, starting at 55432.
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

# initdb and postgres refuse to run as root: use the postgres user then.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /bin/sh postgres
  chown -R postgres "$dir"
  chmod 0755 "$dir"
  as() { su postgres -s /bin/sh -c "$*"; }
else
  as() { sh -c "$*"; }
fi

data=$dir/data
if [ ! -f "$data/PG_VERSION" ]; then
  as "'$bindir/initdb' -D '$data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N" >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
fi
# Durability does not matter for a throwaway test server; speed does.
as "'$bindir/pg_ctl' -D '$data' -l '$dir/server.log' -w -t 60 \
  -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=1GB\" start" >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }

db=kgtest
as "'$bindir/psql' -h 127.0.0.1 -p $port -U postgres -d postgres -qtAc \"CREATE DATABASE $db\"" >&2 2>/dev/null || true

url="postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
log "server in $dir, stop with: pg_ctl -D $data stop"
echo "export KG_TEST_POSTGRES='$url' KG_TEST_POSTGRES_DIR='$dir'"
