#!/usr/bin/env bash
# Install the Debian packages marsad needs to build and test. Idempotent:
# does nothing when everything is already installed. Needs root (or sudo).
set -euo pipefail
pkgs=(build-essential pkg-config python3 clang libclang-rt-dev
      libutf8proc-dev libstemmer-dev libicu-dev libxml2-dev libjansson-dev libyajl-dev
      hunspell-ar iso-codes)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
