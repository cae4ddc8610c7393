#!/usr/bin/env bash
# Builds evtxcar with its tests and runs all of them (unit, integration,
# corpus when ../shared is present, browser).
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVTXCAR_WERROR=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
