#!/usr/bin/env bash
# Installs the real MCP servers the tests crawl, from the lockfile in data/peers/, into a cache outside the repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TOOLRISK_PEERS_DIR:=$HOME/.cache/toolrisk/peers}"
bash .ci/npm-ci.sh "MCP peers" data/peers "$TOOLRISK_PEERS_DIR"
