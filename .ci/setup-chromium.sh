#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the page tests, when they are missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "ci: chromium and chromedriver present"
  exit 0
fi
bash "$(dirname "${BASH_SOURCE[0]}")/apt-get-install.sh" chromium chromium-driver
