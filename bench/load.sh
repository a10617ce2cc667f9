#!/usr/bin/env bash
# Query latency and throughput of the running API under 16 concurrent connections (wrk), against the index
# that bench/index.sh built, with the same server's constant-JSON routes as the HTTP baseline, in one run.
# Usage: bench/load.sh [DIR] [SECONDS]   (DIR default: target/bench-catalogue; SECONDS per scenario, default 30)
# BENCH_CACHE_BYTES=0 turns the server's answer cache off (default: the server's default, 64 MB).
# BENCH_COLD=1 runs only the faceted scenario, first on the fresh server (every broad query cold, 16 clients asking
# the same ones at once: the answer cache's worst case), then again warm.
# The machine has 2 cores: wrk and the server share them, so every number includes wrk's own CPU use.
#
# Workloads: free-text, filtered and faceted cycle through 2,000 paths each, so with the cache on they are
# cache-friendly (each path comes back every ~2,000 requests); *-distinct cycle through 200,000 distinct paths,
# more than a run asks, so the cache answers none of them. The "cache hits" column says what the cache did.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
DIR="${1:-$ROOT/target/bench-catalogue}"
SECONDS_EACH="${2:-30}"
PORT="${BENCH_PORT:-18080}"
OUT="$ROOT/target/bench-load"
mkdir -p "$OUT"
"$JAVA_HOME/bin/java" -Dtoolrisk.shared.dir="$ROOT/../shared" -cp "$BENCH_CP" io.toolrisk.bench.BenchQueries "$OUT" 120
"$JAVA_HOME/bin/java" -Xmx2g -Xms2g ${BENCH_SERVER_OPTS:--XX:+UseZGC} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_CP" \
    io.toolrisk.api.BenchServer "$DIR" "$PORT" ${BENCH_CACHE_BYTES:-} &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/bench/constant" >/dev/null
export THREADS=2

cache() { curl -sf "http://127.0.0.1:$PORT/bench/cache"; }

run() { # name, paths file or fixed path
  local name="$1" target="$2" before after
  before="$(cache)"
  if [[ -f "$target" ]]; then
    PATHS="$target" wrk -t$THREADS -c16 -d"${SECONDS_EACH}s" --latency -s "$ROOT/bench/paths.lua" "http://127.0.0.1:$PORT" > "$OUT/result-$name.txt"
  else
    wrk -t$THREADS -c16 -d"${SECONDS_EACH}s" --latency "http://127.0.0.1:$PORT$target" > "$OUT/result-$name.txt"
  fi
  after="$(cache)"
  local rps p50 p99 errors hits
  rps="$(awk '/Requests\/sec/ {print $2}' "$OUT/result-$name.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$OUT/result-$name.txt")"
  p99="$(awk '$1=="99%" {print $2}' "$OUT/result-$name.txt")"
  errors="$(grep -E 'Non-2xx|Socket errors' "$OUT/result-$name.txt" | tr '\n' ' ' || true)"
  hits="$(awk -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " "); h = y[1] - x[1]; m = y[2] - x[2];
    if (h + m == 0) print "-"; else printf "%.0f %%", 100 * h / (h + m) }')"
  printf '| %-22s | %10s | %9s | %9s | %10s | %s\n' "$name" "$rps" "$p50" "$p99" "$hits" "$errors"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "${BENCH_COLD:-}" ]]; then
  echo "| scenario               |  req/s     |  p50      |  p99      | cache hits |"
  run faceted-cold "$OUT/faceted.txt"
  run faceted-warm "$OUT/faceted.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
# Warm-up and the distinct free-text run use different halves of free-distinct.txt, so nothing is cached twice.
head -n 100000 "$OUT/free-distinct.txt" > "$OUT/free-distinct-warmup.txt"
tail -n 100000 "$OUT/free-distinct.txt" > "$OUT/free-distinct-rest.txt"
echo "warming up (free text, distinct, ${SECONDS_EACH}s; not counted)"
PATHS="$OUT/free-distinct-warmup.txt" wrk -t2 -c16 -d"${SECONDS_EACH}s" -s "$ROOT/bench/paths.lua" "http://127.0.0.1:$PORT" >/dev/null
echo "| scenario               |  req/s     |  p50      |  p99      | cache hits |"
run constant-json /bench/constant
run tiny-json /bench/tiny
run free-text "$OUT/free.txt"
run filtered "$OUT/filtered.txt"
run faceted "$OUT/faceted.txt"
run free-text-distinct "$OUT/free-distinct-rest.txt"
run filtered-distinct "$OUT/filtered-distinct.txt"
run constant-json-again /bench/constant
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
