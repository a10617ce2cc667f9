#!/usr/bin/env bash
# Differential check of the classifier: the build at REV (A) against the working tree (B) on COUNT made-up tools
# (bench/ClassifierDiff.java: sentences of the corpus and of the attack set, shuffled, with cue-laden fillers). Prints
# the first differing profiles and the count of those that differ or throw; 0 and 0 is what a speed change must show.
# Usage: bench/classifier-diff.sh [REV] [SHARED_DIR] [COUNT] [SEED]   (REV defaults to HEAD, SHARED_DIR to ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
rev="${1:-HEAD}"; shared="${2:-../shared}"; count="${3:-200000}"; seed="${4:-1}"
work="$(mktemp -d)"; trap 'git worktree remove --force "$work/a" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/a" "$rev"
echo "building A ($rev) and B (working tree)..." >&2
(cd "$work/a" && mvn -B -q -pl classifier -am test-compile >/dev/null 2>&1)
mvn -B -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -DexcludeGroupIds=io.toolrisk >/dev/null 2>&1
classes() { echo "$1/catalogue/target/classes:$1/classifier/target/classes:$1/classifier/target/test-classes"; }
poisoning=classifier/src/test/resources/io/toolrisk/classifier/poisoning
"$JAVA_HOME/bin/java" -Dn="$count" -cp "$(cat "$work/deps.txt")" bench/ClassifierDiff.java "$(classes "$work/a")" "$(classes "$PWD")" \
    "$seed" "$shared/corpus/corpus-tools.jsonl" "$poisoning/poisoned.jsonl" "$poisoning/benign.jsonl"
