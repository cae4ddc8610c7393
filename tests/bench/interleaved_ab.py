#!/usr/bin/env python3
"""Wall and CPU time of evtxcar builds run in turn on one input.

A benchmark aid, not a test (docs/benchmarks.md). On a shared machine whose
speed drifts from minute to minute, builds timed one after the other
(hyperfine's order) compare minutes, not builds; here each round runs every
build once, in alternating order, after one warm-up round, and the medians
are compared:

    tests/bench/interleaved_ab.py ROUNDS INPUT THREADS BUILD...

INPUT is an .evtx file or a folder; a folder named `corpus` is scanned with
`--rules ../shared/sigma/rules/windows` beside this checkout. Outputs go to
/tmp/evtxcar-ab-out (replaced). Prints, per build, the median wall and CPU
time (user + system of the child) and the ratio of its median to the first
build's.
"""
import pathlib
import resource
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit("usage: interleaved_ab.py ROUNDS INPUT THREADS BUILD...")
    rounds, source, threads, builds = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    extra = []
    if pathlib.Path(source).name == "corpus":
        rules = pathlib.Path(__file__).resolve().parents[3] / "shared" / "sigma" / "rules" / "windows"
        extra = ["--rules", str(rules)]
    walls = {build: [] for build in builds}
    cpus = {build: [] for build in builds}
    for round_number in range(rounds + 1):  # round 0 warms up
        for build in builds if round_number % 2 == 0 else builds[::-1]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([build, "scan", source, "-o", "/tmp/evtxcar-ab-out", "--overwrite", "--quiet", "--no-html",
                            "--no-json-status", "--threads", threads] + extra, check=False)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_number == 0:
                continue
            walls[build].append(wall)
            cpus[build].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    first = statistics.median(walls[builds[0]])
    for build in builds:
        median = statistics.median(walls[build])
        print(f"{build}: wall median {median:.3f} s (min {min(walls[build]):.3f}), "
              f"cpu median {statistics.median(cpus[build]):.3f} s, ratio to first {median / first:.3f}")


if __name__ == "__main__":
    main()
