#!/usr/bin/env bash
# Interleaved A/B of the classifier's speed in one JVM: the build at REV (A) against the working tree (B), over
# the corpus, CPU time per pass (bench/ClassifierAb.java). Load on the machine touches both alike, so a change of
# a few per cent shows, which separate runs of bench/classifier-measure.sh cannot tell from noise.
# Usage: bench/classifier-ab.sh [REV] [SHARED_DIR] [PASSES]   (REV defaults to HEAD, SHARED_DIR to ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
rev="${1:-HEAD}"; shared="${2:-../shared}"; passes="${3:-200}"
work="$(mktemp -d)"; trap 'git worktree remove --force "$work/a" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/a" "$rev"
echo "building A ($rev) and B (working tree)..." >&2
(cd "$work/a" && mvn -B -q -pl classifier -am test-compile >/dev/null 2>&1)
mvn -B -q -pl classifier -am test-compile >/dev/null 2>&1
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -DexcludeGroupIds=io.toolrisk >/dev/null 2>&1
classes() { echo "$1/catalogue/target/classes:$1/classifier/target/classes:$1/classifier/target/test-classes"; }
"$JAVA_HOME/bin/java" -cp "$(cat "$work/deps.txt")" bench/ClassifierAb.java "$(classes "$work/a")" "$(classes "$PWD")" \
    "$shared/corpus/corpus-tools.jsonl" "$passes"
