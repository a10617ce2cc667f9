#!/usr/bin/env bash
# Crawler benchmarks (not tests). Usage:
#   bench/crawler.sh http [COUNT=10000] [CONCURRENCY=256] [DELAY_MS=50]   simulated HTTP MCP servers on loopback
#   bench/crawler.sh peers [CONCURRENCY=2] [ROUNDS=1]                     the real npm servers of data/peers, over stdio
#   bench/crawler.sh sandbox [ROUNDS=40]                                  what the stdio sandbox costs per crawl
# Numbers go to BENCHMARKS.md ("Crawler") by hand, with the command that produced them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
mode="${1:-http}"
mvn -B -q -o -pl crawler -am test-compile >/dev/null 2>&1 || mvn -B -q -pl crawler -am test-compile
cp_file="crawler/target/bench.classpath"
mvn -B -q -o -pl crawler dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
CP="crawler/target/test-classes:crawler/target/classes:$(cat "$cp_file")"
CRAWL_OPTS="${CRAWL_OPTS:--Xmx512m}"

case "$mode" in
  http)
    count="${2:-10000}"; concurrency="${3:-256}"; delay="${4:-50}"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    java -Xmx1g -cp "$CP" io.toolrisk.crawler.bench.SimulatedMcpServers "$port" "$delay" &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    echo "crawl: $count servers, concurrency $concurrency, $delay ms per answer, crawler JVM $CRAWL_OPTS"
    /usr/bin/time -f "crawler process: %e s wall, %M KB max RSS, %P CPU" \
      java $CRAWL_OPTS -cp "$CP" io.toolrisk.crawler.bench.CrawlBenchmark http "http://127.0.0.1:$port" "$count" "$concurrency"
    ;;
  peers)
    concurrency="${2:-2}"; rounds="${3:-1}"
    : "${TOOLRISK_PEERS_DIR:=$HOME/.cache/toolrisk/peers}"
    bash .ci/setup-peers.sh >&2
    echo "crawl: real npm servers from data/peers/manifest.json x $rounds, concurrency $concurrency"
    /usr/bin/time -f "crawler process: %e s wall, %M KB max RSS, %P CPU" \
      java $CRAWL_OPTS -cp "$CP" io.toolrisk.crawler.bench.CrawlBenchmark peers "$TOOLRISK_PEERS_DIR" data/peers/manifest.json "$concurrency" "$rounds"
    ;;
  sandbox)
    rounds="${2:-40}"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$CP" io.toolrisk.crawler.bench.SandboxBenchmark "$PWD/crawler/target/test-classes/servers/misbehaving-server.js" "$rounds"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  *) echo "usage: bench/crawler.sh http|peers|sandbox ..." >&2; exit 2 ;;
esac
