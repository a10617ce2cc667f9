#!/usr/bin/env bash
# End-to-end speed of `./toolrisk classify` on a 1,000,000-line JSONL (about 600 MB) built from the corpus,
# including JVM start, against `jq -c .` reformatting the same file, alternately in the same run (BENCHMARKS.md).
# Usage: bench/classify-million.sh [SHARED_DIR] [WORK_DIR] [ROUNDS]   (the big file goes to WORK_DIR, default a temp
# dir; ROUNDS default 3). Prints each run with the load average, then the best and the median of each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared="${1:-../shared}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
rounds="${3:-3}"
big="$work/million.jsonl"
[[ -f "$big" ]] || python3 bench/make-million.py "$shared/corpus/corpus-tools.jsonl" "$big" 1000000
echo "input: $(wc -l <"$big") lines, $(du -m "$big" | cut -f1) MB, $(nproc) CPUs"
./toolrisk --version >/dev/null   # builds the jar (and on JDK 25+ its AOT cache) if needed, outside the timing
cat "$big" >/dev/null             # every run starts from a warm page cache
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
tr_all=(); tj_all=()
for r in $(seq "$rounds"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  tr=$(t ./toolrisk classify "$big")
  tj=$(t jq -c . "$big")
  tr_all+=("$tr"); tj_all+=("$tj")
  printf 'round %d (load %s): toolrisk classify %.2f s, jq -c . %.2f s, ratio %.1fx\n' "$r" "$load" "$tr" "$tj" "$(echo "$tj / $tr" | bc -l)"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "best %.2f s, median %.2f s", a[1], a[int((NR+1)/2)]}'; }
echo "toolrisk classify: $(stats "${tr_all[@]}")"
echo "jq -c .          : $(stats "${tj_all[@]}")"
echo "output check: $(./toolrisk classify "$big" | wc -l) profiles"
