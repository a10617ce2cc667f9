#!/usr/bin/env bash
# Measures the classifier against the corpus (BENCHMARKS.md, "Classifier"): agreement with the authors'
# annotations, categories over the whole corpus, and single-thread speed.
# Usage: bench/classifier-measure.sh [SHARED_DIR] [--list]   (SHARED_DIR defaults to ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
shared="${1:-../shared}"; shift || true
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl classifier -am install -DskipTests 2>/dev/null
mvn -B -q -pl classifier test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test 2>/dev/null
cp="$(cat "$cpfile")"
"$JAVA_HOME/bin/java" -cp "classifier/target/test-classes:classifier/target/classes:$cp" \
  io.toolrisk.classifier.CorpusMeasurement "$shared" "$@"
