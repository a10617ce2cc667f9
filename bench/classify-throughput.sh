#!/usr/bin/env bash
# Steady-state throughput of the classify pipeline (parse, classify, write), JIT warm, no JVM start
# (BENCHMARKS.md). Usage: bench/classify-throughput.sh FILE.jsonl   (e.g. 200,000 lines of bench/make-million.py)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl search-api -am install -DskipTests 2>/dev/null
mvn -B -q -pl search-api test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test 2>/dev/null
"$JAVA_HOME/bin/java" -Xmx4g -cp "search-api/target/test-classes:search-api/target/classes:$(cat "$cpfile")" \
  io.toolrisk.cli.ClassifyThroughput "$1"
