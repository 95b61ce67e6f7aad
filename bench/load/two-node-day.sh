#!/usr/bin/env bash
# The two-node working day of issue #19 in one command: starts the cluster (bench/load/start-cluster.sh: PostgreSQL 15,
# nodes A and B, each reporting ready only once warmed up, the round-robin proxy), runs the Gatling working day against
# the proxy, kills node A with SIGKILL at KILL_AFTER seconds into the simulation, stops everything, and prints the
# run read from Gatling's simulation.log (bench/load/SimulationLog.java) with `uptime` before and after.
#   bench/load/two-node-day.sh                       # 200 people, 1 min ramp + 10 min, kill at 390 s (6.5 min)
#   USERS=200 MINUTES=2 RAMP=60 KILL_AFTER=130 bench/load/two-node-day.sh     # a short run (about 3 min)
#   KILL_AFTER=0 bench/load/two-node-day.sh          # no kill
# Everything on loopback; it ends by itself (Gatling's run is bounded by its minutes, the script by a time-out).
# Output: target/two-node-day-<UTC time>.txt (the same as printed), the report under target/gatling/.
# Build the jar first: ./mvnw -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS="${USERS:-200}"
MINUTES="${MINUTES:-10}"
RAMP="${RAMP:-60}"
KILL_AFTER="${KILL_AFTER:-390}"
OUT="target/two-node-day-$(date -u +%Y%m%dT%H%M%S).txt"
mkdir -p target
exec > >(tee "$OUT") 2>&1
echo "two-node working day: $USERS people, ${RAMP}s ramp + $MINUTES min, node A killed at ${KILL_AFTER}s (0: never)"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores; uptime before start: $(uptime)"
cleanup() { bench/load/stop-cluster.sh > /dev/null 2>&1 || true; }
trap cleanup EXIT
bench/load/start-cluster.sh
echo "uptime with the cluster ready: $(uptime)"
before=$(ls -d target/gatling/workingdaysimulation-* 2>/dev/null | sort | tail -1 || true)
timeout $(( (RAMP + MINUTES * 60) + 600 )) ./mvnw -B -q -f bench/gatling/pom.xml gatling:test \
    -Dgatling.simulationClass=org.banso.load.WorkingDaySimulation -Dbanso.url=http://127.0.0.1:8080 \
    -Dbanso.users="$USERS" -Dbanso.minutes="$MINUTES" -Dbanso.rampSeconds="$RAMP" > target/two-node-day-gatling.log 2>&1 &
gatling=$!
if [ "$KILL_AFTER" -gt 0 ]; then
  # the simulation starts once Gatling has compiled it and DemoWorld has set up its item: count from there
  for _ in $(seq 1 600); do
    grep -q "Simulation org.banso.load.WorkingDaySimulation started" target/two-node-day-gatling.log 2>/dev/null && break
    kill -0 "$gatling" 2>/dev/null || break
    sleep 1
  done
  sleep "$KILL_AFTER"
  if kill -0 "$gatling" 2>/dev/null; then
    echo "uptime before the kill: $(uptime)"
    bench/load/kill-node.sh a
  fi
fi
status=0
wait "$gatling" || status=$?
echo "uptime at the end: $(uptime)"
grep -E "Global:|failed events|BUILD|^> " target/two-node-day-gatling.log | head -40 || true
report=$(ls -d target/gatling/workingdaysimulation-* 2>/dev/null | sort | tail -1 || true)
if [ -n "$report" ] && [ "$report" != "$before" ]; then
  echo "report: $report"
  java bench/load/SimulationLog.java "$report"
fi
echo "Gatling's assertions (0 failed requests, p95 <= 150 ms): $([ "$status" = 0 ] && echo passed || echo 'FAILED')"
echo "written to $OUT"
