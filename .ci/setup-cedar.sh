#!/usr/bin/env bash
# Installs the real Cedar engine (@cedar-policy/cedar-wasm, pinned in classifier/src/test/cedar/) that the policy
# tests validate and evaluate the generated Cedar policies with, into a cache outside the repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TOOLRISK_CEDAR_DIR:=$HOME/.cache/toolrisk/cedar}"
bash .ci/npm-ci.sh "the Cedar engine" classifier/src/test/cedar "$TOOLRISK_CEDAR_DIR"
