#!/usr/bin/env bash
# Measures how much tool-poisoning detection depends on how a text is laid out (BENCHMARKS.md, "Tool poisoning",
# "Layout"): the open attack sets with every text relaid (two spaces, capitals, wrapped, bold, no-break spaces).
# Compiles only (no install): safe beside other builds.
# Usage: bench/poisoning-layout.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
# Compiled and resolved in one reactor run, so that the catalogue module comes from its classes, not a repository.
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test \
  -DexcludeGroupIds=io.toolrisk 2>/dev/null
"$JAVA_HOME/bin/java" -cp "classifier/target/test-classes:classifier/target/classes:catalogue/target/classes:$(cat "$cpfile")" \
  io.toolrisk.classifier.PoisoningLayoutMeasurement
