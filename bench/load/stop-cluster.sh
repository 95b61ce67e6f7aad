#!/usr/bin/env bash
# Stops what bench/load/start-cluster.sh started: the proxy, both nodes, PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/../.."
DIR=target/cluster
for pid in "$DIR"/proxy.pid "$DIR"/node-a.pid "$DIR"/node-b.pid; do
  [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
done
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop
else "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop; fi
