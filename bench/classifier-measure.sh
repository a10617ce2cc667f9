#!/usr/bin/env bash
# Measures the classifier against the corpus (BENCHMARKS.md, "Classifier"): agreement with the public catalogue's
# labels (policylayer-dev.jsonl, name + description only), agreement with the authors' annotations, categories over
# the whole corpus, and single-thread speed; then the annotations it suggests against the authors' own
# (BENCHMARKS.md, "Suggested annotations").
# Usage: bench/classifier-measure.sh [SHARED_DIR] [--list] [--nospeed]   (SHARED_DIR defaults to ../shared)
# --list prints every disagreement of the labelled sets. Nothing is installed into ~/.m2: the reactor builds the
# classes and the classpath.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
shared="${1:-../shared}"; shift || true
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test 2>/dev/null
cp="classifier/target/test-classes:classifier/target/classes:$(cat "$cpfile")"
"$JAVA_HOME/bin/java" -cp "$cp" io.toolrisk.classifier.PolicyLayerMeasurement "$shared" "$@"
echo
"$JAVA_HOME/bin/java" -cp "$cp" io.toolrisk.classifier.CorpusMeasurement "$shared" "$@"
echo
"$JAVA_HOME/bin/java" -cp "$cp" io.toolrisk.annotations.AnnotationMeasurement "$shared" "$@"
