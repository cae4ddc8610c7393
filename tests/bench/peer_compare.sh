#!/usr/bin/env bash
# Benchmark (not a test): `evtxcar scan --no-html` end to end against the
# Rust evtx crate's `evtx_dump -o jsonl` when one is on PATH, else against
# evtxcar's own reading alone (`engine_bench`: every record decoded,
# nothing written), on the inputs of docs/benchmarks.md:
#   - large_log_bench's synthetic Sysmon and Security logs (256 MiB),
#   - real records: the corpus (../shared/corpus) when it is there.
# Rounds interleave the tools; each cell is the median of ROUNDS (default 3)
# at 1 and 2 threads. Prints the times and the ratios.
#
#   tests/bench/peer_compare.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/evtxcar-bench}
rounds=${ROUNDS:-3}
scan=build/src/evtxcar
reader=build/tests/bench/engine_bench
[ -x "$scan" ] && [ -x "$reader" ] && [ -x build/tests/bench/large_log_bench ] || {
  echo "build first: cmake --build build" >&2; exit 1; }
mkdir -p "$work"
# The synthetic logs (written once, then reused): large_log_bench writes them on its first scan.
for kind in sysmon security; do
  [ -f "$work/$kind-256MiB.evtx" ] || build/tests/bench/large_log_bench --kind "$kind" --sizes 256 --threads 1 --rounds 1 "$work" >/dev/null
done
inputs=("$work/sysmon-256MiB.evtx" "$work/security-256MiB.evtx")
[ -d ../shared/corpus ] && inputs+=(../shared/corpus)

peer=""
if command -v evtx_dump >/dev/null 2>&1; then peer=evtx_dump; fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$peer" ]; then
  echo "peer: $(evtx_dump --version 2>&1 | head -1) (evtx_dump -o jsonl > /dev/null)"
else
  echo "peer: evtx_dump not on PATH; stand-in: evtxcar's own reading (engine_bench --no-check, every record decoded)"
fi

seconds() {  # wall seconds of a command
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
parallel_reading() {  # engine_bench's own wall time for the many-thread reading
  "$reader" --no-check --scaling "$2" "$1" 2>/dev/null | awk -v t="$2" '$0 ~ "fast, " t " threads" { print $(NF-4) }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for input in "${inputs[@]}"; do
  for threads in 1 2; do
    ours=(); theirs=()
    for ((round = 0; round < rounds; ++round)); do
      ours+=("$(seconds "$scan" scan "$input" -o "$work/peer-out" --overwrite --quiet --no-html --no-json-status --threads "$threads")")
      if [ -n "$peer" ]; then
        theirs+=("$(seconds sh -c "evtx_dump -t $threads -o jsonl '$input' > /dev/null")")
      elif [ -d "$input" ]; then
        theirs+=("$(seconds "$reader" --no-check --rounds 1 --profile fast "$input")")
      elif [ "$threads" = 1 ]; then
        theirs+=("$(seconds "$reader" --no-check --rounds 1 --profile fast "$input")")
      else
        theirs+=("$(parallel_reading "$input" "$threads")")
      fi
    done
    a=$(median "${ours[@]}"); b=$(median "${theirs[@]}")
    printf '%-40s %u thread(s): evtxcar scan %6.2f s, %s %6.2f s, ratio %.2f\n' "$(basename "$input")" "$threads" "$a" \
      "${peer:-reading}" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')"
  done
done
