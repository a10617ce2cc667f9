#!/usr/bin/env bash
# Installs Debian's bubblewrap, when it is missing, so that the sandbox tests run on it as well as on util-linux's
# unshare (which every Debian has; the tests force each in turn).
set -euo pipefail
if command -v bwrap >/dev/null 2>&1; then
  echo "ci: bubblewrap present ($(bwrap --version))"
  exit 0
fi
bash "$(dirname "${BASH_SOURCE[0]}")/apt-get-install.sh" bubblewrap
