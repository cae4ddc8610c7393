#!/usr/bin/env bash
# Runs a fuzz target of the fast engine with libFuzzer (clang, ASan, UBSan).
#
#   tests/fuzz/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   TARGET: fuzz_chunk, fuzz_file or fuzz_value
#
# Builds build-fuzz/ if needed, seeds the target from the EVTX files of
# testdata/ and, when present, ../shared/corpus (tests/fuzz/make_seeds.py),
# and fuzzes for SECONDS. The working corpus grows in build-fuzz/corpus/TARGET;
# crashes, leaks and timeouts land in build-fuzz/artifacts/TARGET/ (copy
# each into testdata/fuzz-regressions/TARGET/ once fixed). docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?target: fuzz_chunk, fuzz_file or fuzz_value}
seconds=${2:?seconds}
shift 2

if [ ! -f build-fuzz/build.ninja ]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DEVTXCAR_FUZZ=ON -DEVTXCAR_WERROR=ON \
    -DEVTXCAR_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C build-fuzz -j2 "$target" >/dev/null

seeds=build-fuzz/seeds/$target
corpus=build-fuzz/corpus/$target
artifacts=build-fuzz/artifacts/$target
mkdir -p "$seeds" "$corpus" "$artifacts"
if [ -z "$(ls -A "$seeds")" ]; then
  sources=(testdata)
  [ -d ../shared/corpus ] && sources+=(../shared/corpus)
  python3 tests/fuzz/make_seeds.py "$target" "$seeds" "${sources[@]}"
fi

case "$target" in
  fuzz_file) max_len=262144 ;;   # four chunks
  fuzz_chunk) max_len=131073 ;;  # the options byte, a chunk and a second one
  *) max_len=4096 ;;
esac
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "build-fuzz/parsers/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" "$corpus" "$seeds"
