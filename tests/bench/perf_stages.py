#!/usr/bin/env python3
"""Shares of an evtxcar scan's time by stage, from a `perf script` dump.

A benchmark aid, not a test (docs/benchmarks.md). Record with call graphs
that reach the stage functions, then dump and read:

    perf record -F 999 --call-graph dwarf,16384 -o scan.data \\
        build/src/evtxcar scan LOG -o /tmp/out --overwrite --quiet --no-html --threads 1
    perf script -i scan.data > scan.txt
    tests/bench/perf_stages.py scan.txt

Each sample counts for the first stage of the list below whose function is
anywhere in its stack (the list goes from the innermost stages out).
"""
import collections
import sys

STAGES = [
    ("writers (timeline.csv, detections.csv)", "write_to_all"),
    ("writers (timeline.csv, detections.csv)", "detections_csv_writer::finish"),
    ("analytics in the pass", "run_analytics"),
    ("detections kept", "(anonymous namespace)::keep"),
    ("merge: read and decode runs", "run_cursor::advance"),
    ("duplicate filter, pass bookkeeping", "timeline_sorter::merge"),
    ("Sigma/catalogue markers (scan)", "sigma_marker::mark"),
    ("sort runs: encode, sort, spill", "run_builder::add"),
    ("normalization", "record_consumer::normalize"),
    ("normalization", "keep_record_values"),
    ("scan bookkeeping", "record_consumer::on_record"),
    ("reading (parsing)", "read_segment"),
    ("coverage, summary, publish", "run_scan"),
]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: perf_stages.py PERF_SCRIPT_OUTPUT")
    counts = collections.Counter()
    total = 0
    with open(sys.argv[1], encoding="utf-8", errors="replace") as dump:
        for sample in dump.read().split("\n\n"):
            frames = [line.strip() for line in sample.strip().split("\n")[1:]]
            if not frames:
                continue
            total += 1
            stage = next((label for label, function in STAGES if any(function in f for f in frames)), "other")
            counts[stage] += 1
    for stage, count in counts.most_common():
        print(f"{100 * count / total:5.1f}%  {stage}")
    print(f"{total} samples")


if __name__ == "__main__":
    main()
