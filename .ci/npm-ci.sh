#!/usr/bin/env bash
# Installs the packages a lockfile pins into a cache outside the repo, once per lockfile:
#   .ci/npm-ci.sh WHAT PACKAGE_DIR TARGET_DIR
# PACKAGE_DIR holds package.json and package-lock.json; a stamp in TARGET_DIR remembers which lockfile it installed.
set -euo pipefail
what="$1" package_dir="$2" target="$3"
if ! command -v npm >/dev/null 2>&1; then
  echo "ci: npm is not installed; the tests need Node.js 20+ and npm for $what." >&2
  exit 1
fi
lock="$package_dir/package-lock.json"
stamp="$target/.lock.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -d "$target/node_modules" ]]; then
  echo "ci: $what already installed in $target"
  exit 0
fi
echo "ci: installing $what into $target (npm ci)"
mkdir -p "$target"
cp "$package_dir/package.json" "$lock" "$target/"
PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  npm ci --prefix "$target" --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
