#!/usr/bin/env bash
# The server under attack (BENCHMARKS.md, "Under attack"): `toolrisk serve` of a BEFORE commit and of this working
# tree, each through its own launcher (so with its own heap policy), on the same catalogue — the shared corpus as
# 423 recorded servers plus one of 10,000 tools. For each, after a warm-up of 10 s of the mix below without the slow
# sockets (not counted):
#   1. the 10,000-tool server's endpoints one request at a time (curl, 10 each after 2 not counted);
#   2. the slow-body attack alone for 30 s: 300 sockets sending a classify body a byte a second, /health every 100 ms;
#   3. SECONDS of bench/AttackLoad.java: 16 connections of mixed good, bad and 10,000-tool requests, with the attack.
# Usage: bench/attack.sh [BEFORE=the commit this branch grew from on main] [SECONDS=60]   (work in target/bench-attack)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BEFORE="${1:-$(git merge-base HEAD main)}"
SECONDS_RUN="${2:-60}"
PORT="${BENCH_PORT:-18181}"
WORK="$ROOT/target/bench-attack"
source bench/before-after.sh

alone() { # url: 2 requests not counted, then 10 one after another; prints median and max ms and the answer's size
  local url="$1" times size
  for _ in 1 2; do curl -s -o /dev/null --max-time 60 "$url"; done
  times="$(for _ in $(seq 1 10); do curl -s -o /dev/null --max-time 60 -w '%{time_total} %{size_download}\n' "$url"; done)"
  size="$(tail -n 1 <<<"$times" | cut -d' ' -f2)"
  sort -n <<<"$times" | awk -v url="${url#http://*/}" -v size="$size" '{ t[NR] = $1 * 1000 } END { printf "| /%s | %.1f | %.1f | %d |\n", url, (t[5] + t[6]) / 2, t[NR], size }'
}

run() { # label, tree, ref
  local label="$1" tree="$2"
  start_serving "$label" "$tree" "$3"
  echo "heap: $(tr '\0' ' ' < "/proc/$server/cmdline" | grep -o -- '-Xmx[^ ]*' || echo 'JVM default')"
  "$JAVA_HOME/bin/java" "$ROOT/bench/AttackLoad.java" "http://127.0.0.1:$PORT" 10 16 0 >/dev/null
  echo "-- the 10,000-tool server alone, one request at a time (ms: median, max of 10; bytes)"
  for path in /api/v1/servers/big "/api/v1/servers/big?page=20" /servers/big "/api/v1/servers/big/policy?format=intercept&profile=strict" \
      "/api/v1/servers/big/policy?format=claude-code"; do
    alone "http://127.0.0.1:$PORT$path"
  done
  echo "-- the slow-body attack alone, 30 s"
  "$JAVA_HOME/bin/java" "$ROOT/bench/AttackLoad.java" "http://127.0.0.1:$PORT" 30 0 300 | grep -E '^\| (kind|---|/health|slow)'
  echo "-- mixed load and the attack, $SECONDS_RUN s"
  "$JAVA_HOME/bin/java" "$ROOT/bench/AttackLoad.java" "http://127.0.0.1:$PORT" "$SECONDS_RUN" 16 300
  echo "server memory: $(grep -E 'VmHWM|VmRSS' "/proc/$server/status" | tr -s ' \n' ' ')"
  echo "log lines: $(wc -l < "$WORK/$label.log"), of which stack-trace lines: $(grep -c $'^\tat ' "$WORK/$label.log" || true)"
  stop_serving
}

run before "$WORK/before" "$before_ref"
run after "$ROOT" HEAD
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
