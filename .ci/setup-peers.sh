#!/usr/bin/env bash
# Installs the real MCP servers the tests crawl, from the lockfile in data/peers/, into a cache outside the repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TOOLRISK_PEERS_DIR:=$HOME/.cache/toolrisk/peers}"
if ! command -v npm >/dev/null 2>&1; then
  echo "ci: npm is not installed; the crawler tests need Node.js 20+ and npm." >&2
  exit 1
fi
lock="data/peers/package-lock.json"
stamp="$TOOLRISK_PEERS_DIR/.lock.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -d "$TOOLRISK_PEERS_DIR/node_modules" ]]; then
  echo "ci: MCP peers already installed in $TOOLRISK_PEERS_DIR"
  exit 0
fi
echo "ci: installing MCP peers into $TOOLRISK_PEERS_DIR (npm ci, about a minute)"
mkdir -p "$TOOLRISK_PEERS_DIR"
cp data/peers/package.json data/peers/package-lock.json "$TOOLRISK_PEERS_DIR/"
PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  npm ci --prefix "$TOOLRISK_PEERS_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
