#!/usr/bin/env bash
# Installs the Debian 12 packages occam builds against, and any named after it (scripts/fuzz.sh
# asks for clang). Safe to run again: apt skips what is present.
set -euo pipefail
packages=("$@"
  build-essential cmake
  libboost-dev libtbb-dev libeigen3-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libfast-float-dev
  doctest-dev libbenchmark-dev
  libginac-dev pkg-config
  python3-sympy
  python3-dev python3-pybind11 pybind11-dev python3-numpy python3-sklearn python3-pandas python3-pytest
  chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
