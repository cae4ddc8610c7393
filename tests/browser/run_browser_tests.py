#!/usr/bin/env python3
"""The browser test of report.html (CTest: report_html_in_chromium, label browser).

    run_browser_tests.py --synthetic-report EXE --evtxcar EXE --testdata DIR --out DIR

Writes the reports to check, then checks them in one headless Chromium
(check_report.py):
- synthetic: a made-up scan of 3,000 events (evtxcar_synthetic_report);
- synthetic-hostile: the same with markup, script URLs and
  direction-changing characters planted in host names, users, command
  lines, paths and error reasons;
- synthetic-capped: 6,000 events with a row cap of 600;
- demo and hostile: `evtxcar scan` of testdata/demo and testdata/hostile,
  when present, checked against that scan's summary.json, detections.csv
  and events.jsonl.
Screenshots and a PDF land in OUT/screenshots. Exits 77 (skipped) when no
Chromium is installed.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_report  # noqa: E402
import expected_from_scan  # noqa: E402
from chromium_session import SKIP, find_chromium  # noqa: E402

SYNTHETIC_CASES = [
    ("synthetic", ["--events", "3000"]),
    ("synthetic-hostile", ["--events", "1200", "--hostile"]),
    ("synthetic-capped", ["--events", "6000", "--max-rows", "600"]),
]
SCANNED_CASES = ["demo", "hostile"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic-report", required=True)
    parser.add_argument("--evtxcar", required=True)
    parser.add_argument("--testdata", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromium")
    args = parser.parse_args()
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("SKIP: no chromium installed (Debian package 'chromium')")
        return SKIP
    started = time.monotonic()
    cases = []
    for name, options in SYNTHETIC_CASES:
        folder = os.path.join(args.out, name)
        subprocess.run([args.synthetic_report, folder, *options], check=True, stdout=subprocess.DEVNULL)
        cases.append((name, os.path.join(folder, "report.html"), os.path.join(folder, "expected.json")))
    for name in SCANNED_CASES:
        evidence = os.path.join(args.testdata, name)
        if not os.path.isdir(evidence):
            print("note: %s not found; its report is not checked" % evidence)
            continue
        folder = os.path.join(args.out, name)
        shutil.rmtree(folder, ignore_errors=True)  # evtxcar replaces an earlier run's outputs only when asked
        scan = subprocess.run([args.evtxcar, "scan", evidence, "-o", folder, "--jsonl", "-q"])
        if scan.returncode not in (0, 3):  # 3: some input could not be read, which the report must show
            print("FAILED: evtxcar scan %s exited with %d" % (evidence, scan.returncode))
            return 1
        expected_path = os.path.join(folder, "expected.json")
        with open(expected_path, "w", encoding="utf-8") as out:
            json.dump(expected_from_scan.build(folder), out, ensure_ascii=False, indent=1)
        cases.append((name, os.path.join(folder, "report.html"), expected_path))
    passed, failed = check_report.run_cases(chromium, cases, os.path.join(args.out, "screenshots"))
    print("browser test took %.1f s" % (time.monotonic() - started))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
