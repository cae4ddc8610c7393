#!/usr/bin/env bash
# CI's fuzz smoke: every fuzz target of the fast engine for a short while
# (default 20 s each) under libFuzzer with ASan and UBSan. Fails when a
# target finds a crash, a leak or a hang. docs/fuzzing.md.
#
#   tests/fuzz/smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
mkdir -p build-fuzz
for target in fuzz_chunk fuzz_file fuzz_value; do
  echo "== fuzz smoke: $target, ${seconds} s"
  tests/fuzz/fuzz.sh "$target" "$seconds" -print_final_stats=0 > "build-fuzz/$target.smoke.log" 2>&1 || {
    tail -40 "build-fuzz/$target.smoke.log"
    echo "fuzz smoke: $target failed; the input is in build-fuzz/artifacts/$target/" >&2
    exit 1
  }
  grep -E '^Done [0-9]+ runs' "build-fuzz/$target.smoke.log" || true
done
