#!/usr/bin/env bash
# Installs Debian's bubblewrap, when it is missing, so that the sandbox tests run on it as well as on util-linux's
# unshare (which every Debian has; the tests force each in turn).
set -euo pipefail
if command -v bwrap >/dev/null 2>&1; then
  echo "ci: bubblewrap present ($(bwrap --version))"
  exit 0
fi
echo "ci: installing bubblewrap (apt-get)"
SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq bubblewrap >/dev/null
