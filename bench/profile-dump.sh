#!/usr/bin/env bash
# Writes every profile the classifier gives the shared corpora (each tool alone, with its server's tools, and with its
# server's tools and instructions; with and without annotations) and the attack set, one JSON line each, to OUT: two
# builds whose dumps are byte-identical detect the same things (the check behind every speed change of the classifier).
# Compiles only (no install): safe beside other builds.
# Usage: bench/profile-dump.sh OUT [SHARED_DIR]   (SHARED_DIR defaults to ../shared); then cmp two dumps.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
out="$(realpath -m "$1")"; shared="${2:-../shared}"
cpfile="$(mktemp)"; trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test \
  -DexcludeGroupIds=io.toolrisk 2>/dev/null
"$JAVA_HOME/bin/java" -cp "classifier/target/test-classes:classifier/target/classes:catalogue/target/classes:$(cat "$cpfile")" \
  io.toolrisk.classifier.ProfileDump "$shared" "$out"
wc -l "$out"
