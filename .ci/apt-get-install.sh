#!/usr/bin/env bash
# Installs Debian packages with apt-get (as root, or through sudo). Usage: .ci/apt-get-install.sh PACKAGE...
set -euo pipefail
echo "ci: installing $* (apt-get)"
SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "$@" >/dev/null
