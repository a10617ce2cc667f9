#!/usr/bin/env bash
# Sourced by the benchmarks that compare `toolrisk serve` of a BEFORE commit with this working tree on one catalogue
# (bench/attack.sh, bench/pages.sh). Expects ROOT, WORK, BEFORE and PORT; sets before_ref and, on start_serving, server.
# The catalogue: the shared corpus as 423 recorded servers plus `big`, one of 10,000 tools (bench/attack-catalogue.py).
source "$ROOT/.ci/jdk.sh"
mkdir -p "$WORK"

if [[ ! -f "$WORK/catalogue/current" ]]; then
  python3 "$ROOT/bench/attack-catalogue.py" "$ROOT/../shared/corpus/corpus-tools.jsonl" "$WORK/servers"
  "$ROOT/toolrisk" refresh --servers "$WORK/servers/servers.json" --catalogue "$WORK/catalogue" >/dev/null
fi

before_ref="$(git -C "$ROOT" rev-parse "$BEFORE")"
if [[ "$(cat "$WORK/before.ref" 2>/dev/null)" != "$before_ref" ]]; then
  rm -rf "$WORK/before"
  mkdir -p "$WORK/before"
  git -C "$ROOT" archive "$before_ref" | tar -x -C "$WORK/before"
  echo "$before_ref" > "$WORK/before.ref"
fi
"$WORK/before/toolrisk" --help >/dev/null 2>&1   # builds the BEFORE jar, outside the timing
"$ROOT/toolrisk" --help >/dev/null 2>&1

start_serving() { # label, tree, ref: serves the catalogue from that tree's launcher and waits for /health
  local label="$1" tree="$2"
  "$tree/toolrisk" serve --catalogue "$WORK/catalogue" --servers none --port "$PORT" >"$WORK/$label.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
  echo "== $label ($(git -C "$ROOT" log -1 --format='%h %s' "$3" | cut -c1-80)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

stop_serving() {
  kill "$server"
  wait "$server" 2>/dev/null || true
  trap - EXIT
}
