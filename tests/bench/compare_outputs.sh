#!/usr/bin/env bash
# Do two evtxcar builds write the same outputs? A check for changes meant
# to make the scan faster without changing what it writes (issue 12):
#
#     tests/bench/compare_outputs.sh BASE NEW [BENCH_DIR]
#
# Scans testdata/, ../shared/corpus (when present) with the SigmaHQ rules,
# --coverage-detail and --jsonl, and the 256 MiB logs of large_log_bench in
# BENCH_DIR (when present), each at one and two threads, with both builds,
# and compares every output byte for byte; summary.json without its `run`
# object (times, host, command line), report.html with its embedded
# report data without it. Prints one line per comparison and exits 1 when
# any differ.
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 BASE NEW [BENCH_DIR]" >&2
    exit 2
fi
base=$1
new=$2
bench=${3:-/tmp/evtxcar-bench}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/evtxcar-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0

# summary.json and report.html's data without what differs from run to run.
normalize() {
    python3 - "$1" 2> /dev/null <<'EOF'
import json, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if path.endswith(".json"):
    data = json.loads(text)
    data.pop("run", None)
    print(json.dumps(data, sort_keys=True))
else:  # report.html: its embedded report data without the `run` object
    match = re.search(r'(<script type="application/json" id="evtxcar-report">)(.*?)(</script>)', text, re.S)
    data = json.loads(match.group(2))
    data.pop("run", None)
    print(text[:match.start(2)] + json.dumps(data, sort_keys=True) + text[match.end(2):])
EOF
}

compare() {  # label, arguments...
    local label=$1
    shift
    rm -rf "$work/a" "$work/b"
    "$base" scan "$@" -o "$work/a" --quiet --no-json-status > /dev/null 2>&1
    local rc_a=$?
    "$new" scan "$@" -o "$work/b" --quiet --no-json-status > /dev/null 2>&1
    local rc_b=$?
    local differ=""
    [ $rc_a -eq $rc_b ] || differ="exit $rc_a/$rc_b"
    for file in $(cd "$work/a" && ls); do
        [ -f "$work/a/$file" ] || continue
        if [ ! -f "$work/b/$file" ]; then
            differ="$differ $file(missing)"
        elif [ "$file" = summary.json ] || [ "$file" = report.html ]; then
            cmp -s <(normalize "$work/a/$file") <(normalize "$work/b/$file") || differ="$differ $file"
        else
            cmp -s "$work/a/$file" "$work/b/$file" || differ="$differ $file"
        fi
    done
    if [ -n "$differ" ]; then
        echo "DIFFER  $label:$differ"
        status=1
    else
        echo "same    $label ($(cd "$work/a" && ls | tr '\n' ' '))"
    fi
}

for threads in 1 2; do
    compare "testdata, $threads threads" "$repo/testdata" --threads "$threads"
    if [ -d "$repo/../shared/corpus" ]; then
        compare "corpus + SigmaHQ rules, $threads threads" "$repo/../shared/corpus" --threads "$threads" \
            --rules "$repo/../shared/sigma/rules/windows" --coverage-detail --jsonl
    fi
    for log in "$bench"/*-256MiB.evtx; do
        [ -f "$log" ] || continue
        compare "$(basename "$log"), $threads threads" "$log" --threads "$threads" --no-html
    done
done
echo "compare rc=$status"
exit $status
