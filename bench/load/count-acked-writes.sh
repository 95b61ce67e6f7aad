#!/usr/bin/env bash
# Losing no acknowledged write (issue #19): after a working-day run against the cluster, compares the uploads and
# proposals Gatling saw acknowledged (OK in the run's simulation.log: 201 for both) with the rows PostgreSQL holds that
# the run made (its titles, created between the run's start and its last response). Prints per kind
#   <kind>: acknowledged N, stored M, lost K
# and exits 1 if any acknowledged write is missing (K > 0), 2 on a usage or database error. M may exceed N: a write
# that committed but whose answer never reached Gatling (in flight on a killed node, or past the client's time-out).
#
#   bench/load/count-acked-writes.sh [target/gatling/<run>[/simulation.log]]     (default: the last run)
# The database: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE; defaults are start-cluster.sh's
# (127.0.0.1:55432, banso / banso-cluster-db, database banso). Read-only.
set -euo pipefail
cd "$(dirname "$0")/../.."
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-55432}" PGUSER="${PGUSER:-banso}" \
  PGPASSWORD="${PGPASSWORD:-banso-cluster-db}" PGDATABASE="${PGDATABASE:-banso}"
run="${1:-}"
if [ -z "$run" ]; then
  last=target/gatling/lastRun.txt
  [ -f "$last" ] || { echo "no run given and no $last" >&2; exit 2; }
  run="target/gatling/$(head -1 "$last")"
fi
[ -d "$run" ] && run="$run/simulation.log"
[ -f "$run" ] || { echo "no simulation.log at $run" >&2; exit 2; }

counts=$(java "$(dirname "$0")/SimulationLog.java" --counts "$run") || { echo "could not read $run" >&2; exit 2; }
field() { printf '%s\n' "$counts" | awk -F '\t' -v k="$1" -v n="$2" '$1 == k && (n == "" || $2 == n) { print $NF; f = 1 } END { if (!f) print 0 }'; }
start_ms=$(field run-start "")
end_ms=$(field run-end "")
if [ "$(field truncated "")" = 1 ]; then
  echo "note: $run is truncated (the run was cut short); counting what it holds"
fi
window="between to_timestamp($start_ms / 1000.0) - interval '1 second' and to_timestamp($end_ms / 1000.0) + interval '1 second'"
# the simulation's own titles (bench/gatling WorkingDaySimulation): nothing else writes them during the run
stored_uploads="select count(*) from information_item where title = '負荷試験の資料' and created_at $window"
stored_proposals="select count(*) from council_proposal p join council_proposal_revision r
  on r.proposal_id = p.id and r.revision = 1
  where r.title = '研究開発の推進について' and p.proposed_at $window"

echo "run $(date -u -d "@$((start_ms / 1000))" +%FT%TZ) – $(date -u -d "@$((end_ms / 1000))" +%FT%TZ) ($run)"
lost_any=0
check() { # kind request-name query
  local acked stored lost
  acked=$(field ok "$2")
  stored=$("$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -c "$3") || { echo "database query failed" >&2; exit 2; }
  lost=$(( acked > stored ? acked - stored : 0 ))
  echo "$1: acknowledged $acked, stored $stored, lost $lost"
  if [ "$lost" -gt 0 ]; then lost_any=1; fi
}
check upload upload "$stored_uploads"
check proposal propose "$stored_proposals"
if [ "$lost_any" = 1 ]; then
  echo "ACKNOWLEDGED WRITES MISSING" >&2
  exit 1
fi
