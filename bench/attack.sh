#!/usr/bin/env bash
# The server under attack (BENCHMARKS.md, "Under attack"): `toolrisk serve` of a BEFORE commit and of this working
# tree, each through its own launcher (so with its own heap policy), on the same catalogue — the shared corpus as
# 423 recorded servers plus one of 10,000 tools — under SECONDS of bench/AttackLoad.java: 16 connections of mixed
# good, bad and 10,000-tool requests, 300 sockets sending a classify body a byte a second, /health every 100 ms.
# A warm-up of 10 s of the same mix without the slow sockets comes first, not counted.
# Usage: bench/attack.sh [BEFORE=main] [SECONDS=60]   (work files in target/bench-attack, git-ignored)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source .ci/jdk.sh
BEFORE="${1:-main}"
SECONDS_RUN="${2:-60}"
PORT="${BENCH_PORT:-18181}"
WORK="$ROOT/target/bench-attack"
CORPUS="$ROOT/../shared/corpus/corpus-tools.jsonl"
mkdir -p "$WORK"

if [[ ! -f "$WORK/catalogue/current" ]]; then
  python3 bench/attack-catalogue.py "$CORPUS" "$WORK/servers"
  ./toolrisk refresh --servers "$WORK/servers/servers.json" --catalogue "$WORK/catalogue" >/dev/null
fi

before_ref="$(git rev-parse "$BEFORE")"
if [[ "$(cat "$WORK/before.ref" 2>/dev/null)" != "$before_ref" ]]; then
  rm -rf "$WORK/before"
  mkdir -p "$WORK/before"
  git archive "$before_ref" | tar -x -C "$WORK/before"
  echo "$before_ref" > "$WORK/before.ref"
fi
"$WORK/before/toolrisk" --help >/dev/null 2>&1   # builds the BEFORE jar, outside the timing
./toolrisk --help >/dev/null 2>&1

run() { # label, tree
  local label="$1" tree="$2" server
  "$tree/toolrisk" serve --catalogue "$WORK/catalogue" --servers none --port "$PORT" >"$WORK/$label.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
  echo "== $label ($(git -C "$ROOT" log -1 --format='%h %s' "${3:-HEAD}" | cut -c1-80)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "heap: $(tr '\0' ' ' < "/proc/$server/cmdline" | grep -o -- '-Xmx[^ ]*' || echo 'JVM default')"
  "$JAVA_HOME/bin/java" "$ROOT/bench/AttackLoad.java" "http://127.0.0.1:$PORT" 10 16 0 >/dev/null
  "$JAVA_HOME/bin/java" "$ROOT/bench/AttackLoad.java" "http://127.0.0.1:$PORT" "$SECONDS_RUN" 16 300
  echo "server memory: $(grep -E 'VmHWM|VmRSS' "/proc/$server/status" | tr -s ' \n' ' ')"
  echo "log lines: $(wc -l < "$WORK/$label.log"), of which stack-trace lines: $(grep -c $'^\tat ' "$WORK/$label.log" || true)"
  kill "$server"
  wait "$server" 2>/dev/null || true
  trap - EXIT
}

run before "$WORK/before" "$before_ref"
run after "$ROOT" HEAD
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
