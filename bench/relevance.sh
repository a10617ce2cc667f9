#!/usr/bin/env bash
# Search relevance on a fixed query set: the top 5 of 20 queries people type, over the default catalogue (the 19
# servers of data/servers.json), as Markdown rows. Builds that catalogue first when DIR has none.
# Usage: bench/relevance.sh [DIR]    (DIR default: target/relevance-catalogue)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
DIR="${1:-$ROOT/target/relevance-catalogue}"
if [[ ! -f "$DIR/current" ]]; then
  "$ROOT/toolrisk" refresh --catalogue "$DIR" >/dev/null
fi
"$JAVA_HOME/bin/java" -cp "$BENCH_CP" io.toolrisk.bench.SearchRelevance "$DIR" 2>/dev/null
