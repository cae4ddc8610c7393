#!/usr/bin/env python3
"""The browser test of report.html (CTest: report_html_in_chromium, label browser).

    run_browser_tests.py --synthetic-report EXE --evtxcar EXE --testdata DIR --out DIR [--shared DIR]

Writes the reports to check, then checks them in one headless Chromium
(check_report.py):
- synthetic: a made-up scan of 3,000 events (evtxcar_synthetic_report);
- synthetic-hostile: the same with markup, script URLs and
  direction-changing characters planted in host names, users, command
  lines, paths and error reasons;
- synthetic-capped: 6,000 events with a row cap of 600;
- synthetic-large: 200,000 events, the size the report is made for;
- demo and hostile: `evtxcar scan` of testdata/demo and testdata/hostile,
  when present, checked against that scan's summary.json, detections.csv
  and events.jsonl;
- corpus: `evtxcar scan` of ../shared/corpus with the Sigma rules of
  ../shared/sigma/rules/windows and rules-emerging-threats (some of which
  evtxcar refuses: the report lists them), when both are present.
The synthetic scans' own counts (expected.json) are joined by what their
events.jsonl, detections.csv and summary.json say (expected_from_scan.py),
except for the large one, whose queries the synthetic scan counts itself.
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
    ("synthetic", ["--events", "3000", "--all-outputs"]),
    ("synthetic-hostile", ["--events", "1200", "--hostile", "--all-outputs"]),
    ("synthetic-capped", ["--events", "6000", "--max-rows", "600"]),
    ("synthetic-large", ["--events", "200000"]),
]
SCANNED_CASES = ["demo", "hostile"]


def scan(evtxcar, evidence, folder, options=()):
    shutil.rmtree(folder, ignore_errors=True)  # evtxcar replaces an earlier run's outputs only when asked
    run = subprocess.run([evtxcar, "scan", evidence, "-o", folder, "--jsonl", "-q", *options])
    if run.returncode not in (0, 3):  # 3: some input could not be read, which the report must show
        print("FAILED: evtxcar scan %s exited with %d" % (evidence, run.returncode))
        return False
    expected_path = os.path.join(folder, "expected.json")
    with open(expected_path, "w", encoding="utf-8") as out:
        json.dump(expected_from_scan.build(folder), out, ensure_ascii=False, indent=1)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic-report", required=True)
    parser.add_argument("--evtxcar", required=True)
    parser.add_argument("--testdata", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shared", help="../shared: the corpus and the Sigma rules (optional)")
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
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([args.synthetic_report, folder, *options], check=True, stdout=subprocess.DEVNULL)
        expected_path = os.path.join(folder, "expected.json")
        if "--all-outputs" in options:
            with open(expected_path, encoding="utf-8") as handle:
                expected = json.load(handle)
            from_outputs = expected_from_scan.build(folder)
            for key, value in from_outputs.items():
                expected.setdefault(key, value)
            with open(expected_path, "w", encoding="utf-8") as out:
                json.dump(expected, out, ensure_ascii=False, indent=1)
        cases.append((name, os.path.join(folder, "report.html"), expected_path))
    for name in SCANNED_CASES:
        evidence = os.path.join(args.testdata, name)
        if not os.path.isdir(evidence):
            print("note: %s not found; its report is not checked" % evidence)
            continue
        folder = os.path.join(args.out, name)
        if not scan(args.evtxcar, evidence, folder):
            return 1
        cases.append((name, os.path.join(folder, "report.html"), os.path.join(folder, "expected.json")))
    corpus = os.path.join(args.shared or "", "corpus")
    rules = os.path.join(args.shared or "", "sigma", "rules", "windows")
    if args.shared and os.path.isdir(corpus) and os.path.isdir(rules):
        folder = os.path.join(args.out, "corpus")
        options = ["--rules", rules]
        emerging = os.path.join(args.shared, "sigma", "rules-emerging-threats")
        if os.path.isdir(emerging):
            options += ["--rules", emerging]
        if not scan(args.evtxcar, corpus, folder, options):
            return 1
        cases.append(("corpus", os.path.join(folder, "report.html"), os.path.join(folder, "expected.json")))
    else:
        print("note: ../shared/corpus or ../shared/sigma not found; the corpus report is not checked")
    passed, failed = check_report.run_cases(chromium, cases, os.path.join(args.out, "screenshots"))
    print("browser test took %.1f s" % (time.monotonic() - started))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
