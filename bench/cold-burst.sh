#!/usr/bin/env bash
# Many clients on one cold query at once, with the answer cache on: p50/p99 latency (BENCHMARKS.md, "Index and API").
# Usage: bench/cold-burst.sh [DIR] [CLIENTS] [ROUNDS]   (DIR default: target/bench-catalogue, made by bench/index.sh)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
DIR="${1:-$ROOT/target/bench-catalogue}"
INDEX="$DIR/index/$(tr -d '[:space:]' < "$DIR/current")"
"$JAVA_HOME/bin/java" -Xmx2g -XX:+UseZGC -cp "$BENCH_CP" io.toolrisk.bench.ColdBurst "$INDEX" "${2:-16}" "${3:-5}" 2>/dev/null
