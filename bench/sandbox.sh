#!/usr/bin/env bash
# What the stdio sandbox costs per crawl, bubblewrap and unshare against --no-sandbox (not a test). Usage:
#   bench/sandbox.sh [ROUNDS=40]
# Numbers go to BENCHMARKS.md ("Sandbox") by hand, with the command that produced them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/jdk.sh
rounds="${1:-40}"
mvn -B -q -o -pl crawler -am test-compile >/dev/null 2>&1 || mvn -B -q -pl crawler -am test-compile
cp_file="crawler/target/bench.classpath"
mvn -B -q -o -pl crawler dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
CP="crawler/target/test-classes:crawler/target/classes:$(cat "$cp_file")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" io.toolrisk.crawler.bench.SandboxBenchmark "$PWD/crawler/target/test-classes/servers/misbehaving-server.js" "$rounds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
