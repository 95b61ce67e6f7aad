#!/usr/bin/env bash
# Two Banso nodes on one external PostgreSQL 15 (Debian's packages) behind a round-robin proxy (issue #19), all on
# loopback, all under target/cluster (wiped at each start unless FRESH=0):
#   PostgreSQL 15 on 127.0.0.1:55432 (its own cluster, initdb'd here), node A on 8081, node B on 8082, proxy on 8080.
# Node A starts first and may create the instance's keys; node B may not (banso.keys.may-create=false) and must find
# them in the same key store. Content: one blob directory both mount (S3 works too: see README, Deployment).
# Then run the working day against the proxy (-Dbanso.url=http://127.0.0.1:8080), kill a node with
#   bench/load/kill-node.sh a      and stop everything with      bench/load/stop-cluster.sh
# Build the jar first: ./mvnw -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=target/cluster
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-55432}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 is missing: apt-get install -y postgresql" >&2; exit 1
fi
if [ "${FRESH:-1}" = 1 ]; then rm -rf "$DIR"; fi
mkdir -p "$DIR"
cp target/banso-0.1.0-SNAPSHOT.jar "$DIR/banso.jar"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses root: the database runs as "nobody" in a directory it owns
  chown -R nobody "$DIR"; RUN_AS=(runuser -u nobody --)
fi
if [ ! -d "$DIR/pg" ]; then
  echo banso-cluster-db > "$DIR/pg.password"; chmod 600 "$DIR/pg.password"
  [ "$(id -u)" = 0 ] && chown nobody "$DIR/pg.password"
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/pg" -U banso --auth=scram-sha-256 --pwfile="$DIR/pg.password" > "$DIR/initdb.log"
fi
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c max_connections=100"
export PGPASSWORD=banso-cluster-db
"${RUN_AS[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U banso -d postgres -tc \
  "select 1 from pg_database where datname = 'banso'" | grep -q 1 \
  || "${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U banso banso
start_node() { # name port may-create
  local name=$1 port=$2 create=$3
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/banso" SPRING_DATASOURCE_USERNAME=banso \
  SPRING_DATASOURCE_PASSWORD=banso-cluster-db BANSO_INFORMATION_CONTENT_KEYSTORE_PASSWORD=banso-cluster-keys \
  BANSO_ADMIN_PASSWORD=load-test-operator-2026 \
  java ${JAVA_OPTS:--Xms512m -Xmx1g} -jar "$DIR/banso.jar" \
    --spring.profiles.active=demo,cluster \
    --server.address=127.0.0.1 --server.port="$port" \
    --banso.cluster.node-name="node-$name" --banso.keys.may-create="$create" \
    --banso.keys.directory="$DIR/keys" \
    --banso.information.content.blob-directory="$DIR/blobs" \
    --banso.information.content.keystore="$DIR/keys/information-kek.p12" \
    --banso.search.index-directory="$DIR/index-$name" \
    --logging.file.name="$DIR/node-$name.log" > "$DIR/node-$name.console" 2>&1 &
  echo $! > "$DIR/node-$name.pid"
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; then
      echo "node $name up on 127.0.0.1:$port (pid $(cat "$DIR/node-$name.pid"))"; return 0
    fi
    sleep 1
  done
  echo "node $name did not start; see $DIR/node-$name.console" >&2; return 1
}
start_node a 8081 true
start_node b 8082 false
java bench/load/RoundRobinProxy.java 8080 8081 8082 > "$DIR/proxy.log" 2>&1 &
echo $! > "$DIR/proxy.pid"
sleep 3
echo "proxy on 127.0.0.1:8080 (pid $(cat "$DIR/proxy.pid"))"
