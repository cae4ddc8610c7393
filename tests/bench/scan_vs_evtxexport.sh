#!/usr/bin/env bash
# Benchmark (not a test): wall time of `evtxcar scan` over a folder of logs
# against running libevtx's `evtxexport -f xml` over the same files one after
# another, measured in the same run with hyperfine: evtxcar as a user runs it
# (default engine, every output including report.html) and with
# `--engine libevtx`. Prints the times and the ratios.
#
#   tests/bench/scan_vs_evtxexport.sh [FOLDER] [extra evtxcar options]
# FOLDER defaults to ../shared/corpus. Needs hyperfine and evtxexport.
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=${1:-../shared/corpus}
shift || true
binary=build/src/evtxcar
[ -x "$binary" ] || { echo "build first: cmake --build build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

find "$folder" -type f -iname '*.evtx' -print0 | sort -z > "$work/files"
cat > "$work/evtxexport-all.sh" <<SCRIPT
#!/usr/bin/env bash
xargs -0 -n1 evtxexport -f xml < "$work/files" > /dev/null 2>&1 || true
SCRIPT
chmod +x "$work/evtxexport-all.sh"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "input: $folder ($(tr -cd '\0' < "$work/files" | wc -c) files, $(du -sh "$folder" | cut -f1))"
hyperfine --ignore-failure --warmup 1 --runs "${RUNS:-5}" --export-json "$work/result.json" \
  -n evtxexport "$work/evtxexport-all.sh" \
  -n evtxcar "$binary scan $folder -o $work/out --overwrite --quiet $*" \
  -n evtxcar-libevtx "$binary scan $folder -o $work/out-libevtx --overwrite --quiet --engine libevtx $*" >&2 || true
python3 - "$work/result.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = results["evtxexport"]
print(f"evtxexport -f xml, one file after another: {base['mean']:.3f} s (± {base['stddev']:.3f})")
for name, label in (("evtxcar", "evtxcar scan (default engine)"), ("evtxcar-libevtx", "evtxcar scan --engine libevtx")):
    ours = results[name]
    print(f"{label + ':':43}{ours['mean']:.3f} s (± {ours['stddev']:.3f}), ratio to evtxexport {ours['mean'] / base['mean']:.3f}")
PY
/usr/bin/time -f "evtxcar peak RSS: %M KiB" "$binary" scan "$folder" -o "$work/out" --overwrite --quiet "$@" 2>&1 | tail -1 || true
