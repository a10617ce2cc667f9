#!/usr/bin/env bash
# The default refresh (the 19 servers of data/servers.json, over stdio) into an empty temporary catalogue, timed for
# this checkout (bubblewrap's sandbox, unshare's, --no-sandbox) and for another one (BASE, e.g. main before the
# sandbox), interleaved round by round so that the machine's load falls on all alike (not a test). Usage:
#   bench/default-refresh.sh BASE_CHECKOUT [ROUNDS=5]
# Numbers go to BENCHMARKS.md ("Sandbox") by hand, with the command that produced them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base="$(cd "$1" && pwd)"; rounds="${2:-5}"
here="$PWD"
"$base/toolrisk" --version >/dev/null && ./toolrisk --version >/dev/null   # build both first, outside the timing
work="$(mktemp -d "${TMPDIR:-/tmp}/toolrisk-default-refresh.XXXXXX")"
trap 'rm -rf "$work"' EXIT

run() { # label, checkout, then options for refresh; prints the wall time in seconds
  local label="$1" checkout="$2"; shift 2
  rm -rf "$work/catalogue"
  /usr/bin/time -f "%e" -o "$work/time" "$checkout/toolrisk" refresh --catalogue "$work/catalogue" "$@" \
    >"$work/out" 2>"$work/err" || { tail -5 "$work/err" >&2; exit 1; }
  grep -q "19 servers (19 crawled" "$work/out" || { echo "$label: not every server crawled:" >&2; head -12 "$work/out" >&2; }
  echo "$label $(cat "$work/time") ($(grep -o '[0-9,]* tools' "$work/out" | head -1))" | tee -a "$work/times"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  run before "$base"
  run bwrap "$here"
  TOOLRISK_JAVA_OPTS=-Dtoolrisk.sandbox=unshare run unshare "$here"
  run no-sandbox "$here" --no-sandbox
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median wall seconds over $rounds rounds:"
for label in before bwrap unshare no-sandbox; do
  printf '  %-10s %s\n' "$label" "$(awk -v l="$label" '$1 == l {print $2}' "$work/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
