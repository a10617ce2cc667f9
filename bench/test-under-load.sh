#!/usr/bin/env bash
# Tests under load (BENCHMARKS.md, "Tests under load"): runs ./test RUNS times in a row while stress-ng keeps both
# cores busy, one line per run (seconds, exit code, load average, failing test classes); stops at the end the
# stress-ng it started. Needs Debian's stress-ng (apt-get install stress-ng).
# Usage: bench/test-under-load.sh [RUNS=5] [LOGDIR=target/test-under-load]
# TEST_COMMAND='bash .ci/run' runs CI's whole script (set-ups, then ./test) instead of ./test.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"; logs="${2:-target/test-under-load}"
command -v stress-ng >/dev/null || { echo "stress-ng is missing: apt-get install stress-ng" >&2; exit 2; }
mkdir -p "$logs"
stress-ng --cpu 2 --timeout 0 >/dev/null 2>&1 &
stress=$!
trap 'kill "$stress" 2>/dev/null; wait "$stress" 2>/dev/null' EXIT
sleep 2
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s); load=$(cut -d' ' -f1 /proc/loadavg)
  ${TEST_COMMAND:-./test} >"$logs/run-$i.log" 2>&1; rc=$?
  classes=$(grep -oE '<<< FAILURE! -- in \S+' "$logs/run-$i.log" | awk '{print $NF}' | sort -u | tr '\n' ' ')
  echo "run $i: $(( $(date +%s) - start )) s, exit $rc, load average $load at the start, $(cut -d' ' -f1 /proc/loadavg) at the end${classes:+; failed: $classes}"
  [ "$rc" -eq 0 ] || failed=$((failed + 1))
done
echo "$((runs - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
