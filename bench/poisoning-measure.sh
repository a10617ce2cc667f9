#!/usr/bin/env bash
# Measures tool-poisoning detection (BENCHMARKS.md, "Tool poisoning"): recall per attack class and false flags on
# the attack set in classifier/src/test/resources/io/toolrisk/classifier/poisoning/, then the corpus tools that
# carry an injection flag. Compiles only (no install): safe beside other builds.
# Usage: bench/poisoning-measure.sh [SHARED_DIR] [--list]   (SHARED_DIR defaults to ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
shared="${1:-../shared}"; shift || true
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
# Compiled and resolved in one reactor run, so that the catalogue module comes from its classes, not a repository.
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test \
  -DexcludeGroupIds=io.toolrisk 2>/dev/null
"$JAVA_HOME/bin/java" -cp "classifier/target/test-classes:classifier/target/classes:catalogue/target/classes:$(cat "$cpfile")" \
  io.toolrisk.classifier.PoisoningMeasurement "$shared" "$@"
