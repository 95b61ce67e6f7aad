#!/usr/bin/env bash
# Stops what bench/load/start-cluster.sh started: the proxy, both nodes, PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/../.."
DIR=target/cluster
for pid in "$DIR"/proxy.pid "$DIR"/node-a.pid "$DIR"/node-b.pid; do
  [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
done
# the nodes release their leases and locks while shutting down: PostgreSQL stops only after they have gone (at most
# 60 s), otherwise each node waits out its pool's connection time-out against a database that is no longer there
for _ in $(seq 1 60); do
  alive=0
  for pid in "$DIR"/node-a.pid "$DIR"/node-b.pid; do
    [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null && alive=1
  done
  [ "$alive" = 0 ] && break
  sleep 1
done
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop
else "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop; fi
