#!/usr/bin/env bash
# The pages' cost (BENCHMARKS.md, "Pages"): `toolrisk serve` of a BEFORE commit and of this working tree on the
# catalogue of bench/attack.sh (the shared corpus as 423 recorded servers plus `big`, 10,000 tools), each page asked
# one request at a time with curl: 20 not counted (the JIT compiles the new code), then 10; prints the median and max
# in ms and the answer's bytes.
# Usage: bench/pages.sh [BEFORE=the commit this branch grew from on main]   (works in target/bench-pages)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BEFORE="${1:-$(git merge-base HEAD main)}"
PORT="${BENCH_PORT:-18182}"
WORK="$ROOT/target/bench-pages"
source bench/before-after.sh

alone() { # path: 20 requests not counted, then 10 one after another
  local path="$1" times
  for _ in $(seq 1 20); do curl -s -o /dev/null --max-time 60 -H 'Accept: text/html' "http://127.0.0.1:$PORT$path"; done
  times="$(for _ in $(seq 1 10); do
    curl -s -o /dev/null --max-time 60 -H 'Accept: text/html' -w '%{time_total} %{size_download} %{http_code}\n' "http://127.0.0.1:$PORT$path"
  done)"
  sort -n <<<"$times" | awk -v path="$path" '{ t[NR] = $1 * 1000; size = $2; code = $3 }
    END { printf "| `%s` | %s | %.1f | %.1f | %d |\n", path, code, (t[5] + t[6]) / 2, t[NR], size }'
}

run() { # label, tree, ref
  local label="$1" tree="$2"
  start_serving "$label" "$tree" "$3"
  echo "| page | status | median ms | max ms | bytes |"
  echo "|---|---|---|---|---|"
  for path in / "/?q=delete" /servers "/servers?sort=name&page=3" /servers/big "/servers/big?profile=strict" /servers/github \
      /servers/big/tools/delete_repository_22 /servers/githib /servers/big/tools/delete_repositry_22; do
    alone "$path"
  done
  stop_serving
}

run before "$WORK/before" "$before_ref"
run after "$ROOT" HEAD
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
