#!/usr/bin/env bash
# Installs the MCP clients that test ToolRisk's own MCP server (the official TypeScript SDK and the MCP Inspector,
# pinned in app/src/test/mcp-clients/) into a cache outside the repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TOOLRISK_MCP_CLIENTS_DIR:=$HOME/.cache/toolrisk/mcp-clients}"
bash .ci/npm-ci.sh "the MCP clients" app/src/test/mcp-clients "$TOOLRISK_MCP_CLIENTS_DIR"
