#!/usr/bin/env bash
# Sourced by the bench scripts: compiles the app module and what it depends on, with their tests (targeted build), and
# exports BENCH_CP, the test classpath built from the reactor's own target/ directories (never stale jars from ~/.m2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source .ci/jdk.sh
mkdir -p "$ROOT/target"
# One reactor run: the sibling modules resolve to their target/ directories, so nothing needs installing into
# ~/.m2 first (a fresh clone works). Every module writes the output file; app, built last, writes it last.
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/target/bench-deps.txt" -DexcludeGroupIds=io.toolrisk \
    >"$ROOT/target/bench-build.log" 2>&1 || { cat "$ROOT/target/bench-build.log" >&2; exit 1; }
BENCH_CP=""
for module in app search-api index crawler classifier catalogue; do
  BENCH_CP="$BENCH_CP$ROOT/$module/target/test-classes:$ROOT/$module/target/classes:"
done
BENCH_CP="$BENCH_CP$(cat "$ROOT/target/bench-deps.txt")"
export BENCH_CP ROOT
