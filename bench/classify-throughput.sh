#!/usr/bin/env bash
# Steady-state throughput of the classify pipeline (parse, classify, write), JIT warm, no JVM start
# (BENCHMARKS.md). Usage: bench/classify-throughput.sh FILE.jsonl   (e.g. 200,000 lines of bench/make-million.py)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
"$JAVA_HOME/bin/java" -Xmx4g -cp "$BENCH_CP" io.toolrisk.cli.ClassifyThroughput "$1"
