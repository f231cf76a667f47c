#!/usr/bin/env bash
# Installs the Debian 12 packages Tenlik builds and tests with. Safe to re-run:
# it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libicu-dev libstemmer-dev libsodium-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev libsimdjson-dev libcsv-dev libxxhash-dev libcli11-dev
  libgtest-dev clang libclang-rt-14-dev libvectorscan-dev libxlsxwriter-dev libyaml-cpp-dev unzip libxml2-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
