#!/usr/bin/env bash
# End-to-end speed of `./toolrisk classify` on a 1,000,000-line JSONL (about 600 MB) built from the corpus,
# including JVM start, against `jq -c .` reformatting the same file, in the same run (BENCHMARKS.md).
# Usage: bench/classify-million.sh [SHARED_DIR] [WORK_DIR]   (the big file goes to WORK_DIR, default a temp dir)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared="${1:-../shared}"
work="${2:-$(mktemp -d)}"
big="$work/million.jsonl"
[[ -f "$big" ]] || python3 bench/make-million.py "$shared/corpus/corpus-tools.jsonl" "$big" 1000000
echo "input: $(wc -l <"$big") lines, $(du -m "$big" | cut -f1) MB, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
./toolrisk --version >/dev/null   # builds the jar if needed, outside the timing
cat "$big" >/dev/null             # both runs start from a warm page cache
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
rc=0
tr=$(t ./toolrisk classify "$big") || rc=$?
tj=$(t jq -c . "$big")
printf 'toolrisk classify: %.2f s (exit %d)\njq -c .          : %.2f s\nratio jq/toolrisk: %.1fx\n' "$tr" "$rc" "$tj" "$(echo "$tj / $tr" | bc -l)"
echo "output check: $(./toolrisk classify "$big" | wc -l) profiles"
