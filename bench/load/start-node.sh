#!/usr/bin/env bash
# Starts one Banso node from the packaged standalone jar (the one with the embedded PostgreSQL; the production jar has
# none, issue #14) for the load simulations (issue #13): demo profile, its own data under
# target/load (so the run never touches ./data), on 127.0.0.1:${PORT:-8080}. Prints the pid; stop it with
#   kill "$(cat target/load/banso.pid)"
# Build the jar first: ./mvnw -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${PORT:-8080}"
DIR=target/load
if [ "${FRESH:-1}" = 1 ]; then rm -rf "$DIR"; fi
mkdir -p "$DIR"
# a copy: a build running meanwhile rewrites target/*.jar under the running node
cp target/banso-0.1.0-SNAPSHOT-standalone.jar "$DIR/banso.jar"
java ${JAVA_OPTS:--Xms1g -Xmx2g} -jar "$DIR/banso.jar" \
  --spring.profiles.active=demo \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --banso.embedded-postgres.data-directory="$DIR/postgres" \
  --banso.keys.directory="$DIR/keys" \
  --banso.information.content.blob-directory="$DIR/blobs" \
  --banso.information.content.keystore="$DIR/keys/information-kek.p12" \
  --banso.search.index-directory="$DIR/index" \
  --logging.file.name="$DIR/banso.log" "$@" > "$DIR/console.log" 2>&1 &
echo $! > "$DIR/banso.pid"
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; then
    echo "Banso is up on 127.0.0.1:$PORT (pid $(cat "$DIR/banso.pid"))"; exit 0
  fi
  sleep 1
done
echo "Banso did not start; see $DIR/console.log" >&2
exit 1
