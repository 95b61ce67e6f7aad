#!/usr/bin/env bash
# Kills one node of bench/load/start-cluster.sh with SIGKILL (no shutdown hook, no graceful drain): what it had
# acknowledged must be in the database; requests in flight on it fail; the proxy sends new connections to the other.
#   bench/load/kill-node.sh a          (or b)
set -euo pipefail
cd "$(dirname "$0")/../.."
kill -9 "$(cat "target/cluster/node-$1.pid")"
echo "node $1 killed at $(date -u +%H:%M:%S.%3N)"
