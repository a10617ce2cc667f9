#!/usr/bin/env bash
# Index build benchmark: a catalogue of N tools (default 1,000,000) from the shared corpus, then its index.
# Usage: bench/index.sh [DIR] [TOOLS]    (DIR default: target/bench-catalogue; delete it to regenerate the snapshot)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
DIR="${1:-$ROOT/target/bench-catalogue}"
TOOLS="${2:-1000000}"
/usr/bin/time -v "$JAVA_HOME/bin/java" -Xmx6g -Dtoolrisk.shared.dir="$ROOT/../shared" -cp "$BENCH_CP" \
    io.toolrisk.bench.IndexBench "$DIR" "$TOOLS" 2> >(grep -E "bench:|Maximum resident|Elapsed|Exception|at " >&2)
