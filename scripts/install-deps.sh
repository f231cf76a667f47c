#!/usr/bin/env bash
# Installs the Debian 12 packages Tenlik builds and tests with. Safe to re-run:
# it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libicu-dev libstemmer-dev libsodium-dev libsqlite3-dev sqlite3 libpqxx-dev postgresql
  nlohmann-json3-dev libsimdjson-dev libcsv-dev libxxhash-dev libcli11-dev
  libgtest-dev clang libclang-rt-14-dev libvectorscan-dev libxlsxwriter-dev libyaml-cpp-dev unzip libxml2-utils
  libzip-dev libxml2-dev
  libcpp-httplib-dev
  libcctz-dev tzdata
  libqrencode-dev
  libabsl-dev
)
# The browser test (tests/browser/): node and npm unless some are there already
# (the nodejs of nodesource brings its own npm), and Debian's chromium.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The npm packages of the browser tests and of the web front end (web/: vite,
# typescript), exactly as locked; playwright-core drives the system chromium and never
# downloads a browser (no install scripts run).
for folder in tests/browser web; do
  dir="$(cd "$(dirname "$0")/../$folder" && pwd)"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
     [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund)
  fi
done
