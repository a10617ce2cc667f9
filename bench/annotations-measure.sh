#!/usr/bin/env bash
# Measures the annotations `scan --suggest-annotations` suggests against the ones the authors declared on the corpus's
# annotated tools (BENCHMARKS.md, "Suggested annotations"), at the classifier's rates.
# Usage: bench/annotations-measure.sh [SHARED_DIR] [--list]   (SHARED_DIR defaults to ../shared)
# --list prints every disagreement. Nothing is installed into ~/.m2: the reactor builds the classes and the classpath.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
shared="${1:-../shared}"; shift || true
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test 2>/dev/null
cp="classifier/target/test-classes:classifier/target/classes:$(cat "$cpfile")"
"$JAVA_HOME/bin/java" -cp "$cp" io.toolrisk.annotations.AnnotationMeasurement "$shared" "$@"
