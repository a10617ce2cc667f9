#!/usr/bin/env bash
# What the stdio sandbox costs per crawl, bubblewrap and unshare against --no-sandbox (not a test). Usage:
#   bench/sandbox.sh [ROUNDS=40]
# Numbers go to BENCHMARKS.md ("Sandbox") by hand, with the command that produced them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
rounds="${1:-40}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$ROOT/crawler/target/test-classes:$BENCH_CP" io.toolrisk.crawler.bench.SandboxBenchmark \
  "$ROOT/crawler/target/test-classes/servers/misbehaving-server.js" "$rounds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
