#!/usr/bin/env bash
# Installs the Debian packages evtxcar needs that are missing.
#   ./install-deps.sh build   compiler, CMake and the libraries
#   ./install-deps.sh test    the above, plus the independent readers and the browser the tests use,
#                             and clang with its runtime libraries (libFuzzer, sanitizers) for the fuzz targets
set -euo pipefail

build_packages=(g++ cmake ninja-build pkg-config libevtx-dev libbfio-dev libpugixml-dev nlohmann-json3-dev
                libboost-program-options-dev catch2 libyaml-dev libpcre2-dev)
test_packages=(libevtx-utils python3 python3-evtx chromium clang libclang-rt-dev)

wanted=("${build_packages[@]}")
if [ "${1:-build}" = "test" ]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
