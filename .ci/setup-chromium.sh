#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the page tests, when they are missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "ci: chromium and chromedriver present"
  exit 0
fi
echo "ci: installing chromium and chromium-driver (apt-get)"
SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
