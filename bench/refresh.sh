#!/usr/bin/env bash
# Refresh benchmark (BENCHMARKS.md, "Refresh"): a full refresh of N recorded servers (default 10,000 x 100 tools
# = 1,000,000 tools), then an incremental refresh after 1% of them changed. Prints wall time and peak memory
# (GNU time), snapshot and index sizes.
# Usage: bench/refresh.sh [WORKDIR=/tmp/toolrisk-bench-refresh] [SERVERS=10000] [TOOLS=100]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="${1:-/tmp/toolrisk-bench-refresh}"; servers="${2:-10000}"; tools="${3:-100}"
rm -rf "$work"; mkdir -p "$work"
python3 bench/refresh-data.py "$work/servers" --servers "$servers" --tools "$tools"
./toolrisk --version >/dev/null   # build first, outside the timing

run() { # label, extra args
  local label="$1"; shift
  /usr/bin/time -f "$label: wall %e s, peak RSS %M KB, user %U s, sys %S s" \
    ./toolrisk refresh --servers "$work/servers/servers.json" --catalogue "$work/catalogue" --concurrency 8 "$@" \
    >"$work/$label.out" 2>"$work/$label.err" || { tail -5 "$work/$label.err"; exit 1; }
  tail -n 1 "$work/$label.err"
  head -n 3 "$work/$label.out"
}
run full --full
id="$(cat "$work/catalogue/current")"
echo "snapshot: $(du -h "$work/catalogue/snapshots/$id.json" | cut -f1), index: $(du -sh "$work/catalogue/index/$id" | cut -f1), policies: $(du -sh "$work/catalogue/policies" | cut -f1)"
python3 bench/refresh-data.py "$work/servers" --servers "$servers" --tools "$tools" --change 1
run incremental
id="$(cat "$work/catalogue/current")"
echo "snapshot: $(du -h "$work/catalogue/snapshots/$id.json" | cut -f1), index: $(du -sh "$work/catalogue/index/$id" | cut -f1)"
