#!/usr/bin/env bash
# Builds evtxcar and scans the demo evidence in testdata/demo.
# Outputs go to evtxcar-out/ (timeline.csv, detections.csv, summary.json,
# events.jsonl, report.html), replacing those of an earlier ./demo.sh.
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target evtxcar
./build/src/evtxcar scan testdata/demo -o evtxcar-out --overwrite --jsonl "$@"
