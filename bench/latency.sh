#!/usr/bin/env bash
# Search service time in-process (no HTTP, one thread) for the request paths bench/load.sh uses.
# Usage: bench/latency.sh [DIR]   (DIR default: target/bench-catalogue; run bench/index.sh and bench/load.sh first)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
DIR="${1:-$ROOT/target/bench-catalogue}"
INDEX="$DIR/index/$(tr -d '[:space:]' < "$DIR/current")"
"$JAVA_HOME/bin/java" -Xmx2g -XX:+UseZGC -cp "$BENCH_CP" io.toolrisk.bench.SearchLatency "$INDEX" \
    "$ROOT/target/bench-load/free.txt" "$ROOT/target/bench-load/filtered.txt" "$ROOT/target/bench-load/faceted.txt" 2>/dev/null
