#!/usr/bin/env bash
# Installs the SARIF 2.1.0 JSON schema and its validator (@microsoft/jest-sarif and its ajv, pinned in app/src/test/sarif/)
# that the scan tests validate `scan --format sarif` with, into a cache outside the repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TOOLRISK_SARIF_DIR:=$HOME/.cache/toolrisk/sarif}"
bash .ci/npm-ci.sh "the SARIF schema and validator" app/src/test/sarif "$TOOLRISK_SARIF_DIR"
