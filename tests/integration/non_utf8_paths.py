#!/usr/bin/env python3
"""File names that are not UTF-8 (the bytes 0xFF 0xFE, as a foreign system
may leave them) are shown with U+FFFD in evtxcar's outputs and messages and
kept exactly, in base64, in summary.json. Read back with Python's own
readers, strictly: json.load for summary.json and each events.jsonl line,
the csv module for the CSVs, a strict UTF-8 decode for report.html, the
messages and the status line.

usage: non_utf8_paths.py EVTXCAR_BINARY SOURCE_DIR"""
import base64
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

binary, source = sys.argv[1], Path(sys.argv[2])
demo = source / "testdata" / "demo" / "DC01"
broken = source / "testdata" / "broken" / "truncated.evtx"
REPLACEMENT = "\ufffd"

with tempfile.TemporaryDirectory() as work:
    work = os.fsencode(work)
    evidence = os.path.join(work, b"evidence")
    folder = os.path.join(evidence, b"host\xff")  # a folder name that is not UTF-8
    os.makedirs(folder)
    security = os.path.join(evidence, b"Sec\xff\xfe.evtx")
    damaged = os.path.join(folder, b"truncated.evtx")
    shutil.copyfile(demo / "Security.evtx", security)
    shutil.copyfile(demo / "Microsoft-Windows-Sysmon%4Operational.evtx", os.path.join(folder, b"Sysmon.evtx"))
    shutil.copyfile(broken, damaged)
    out = os.path.join(work, b"out")

    run = subprocess.run([os.fsencode(binary), b"scan", evidence, b"-o", out, b"--jsonl"], capture_output=True)
    messages = run.stderr.decode("utf-8")  # strict: raises on invalid UTF-8
    status = json.loads(run.stdout.decode("utf-8"))
    assert run.returncode == 3, (run.returncode, messages)  # truncated.evtx lost records
    assert status["status"] == "incomplete", status

    def shown(path):
        return path.decode("utf-8", errors="replace")

    assert shown(security) == os.fsdecode(evidence) + "/Sec" + REPLACEMENT * 2 + ".evtx"
    assert shown(damaged) in messages, messages

    with open(os.path.join(out, b"summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    files = {entry["path"]: entry for entry in summary["files"]["list"]}
    for exact in (security, damaged, os.path.join(folder, b"Sysmon.evtx")):
        entry = files[shown(exact)]
        assert base64.b64decode(entry["path_base64"]) == exact, entry
    assert files[shown(damaged)]["status"] == "partial"
    damaged_problems = [p for p in summary["problems"]["list"] if p["file"] == shown(damaged)]
    assert damaged_problems, summary["problems"]
    assert all(base64.b64decode(p["file_base64"]) == damaged for p in damaged_problems)
    assert summary["run"]["inputs"] == [shown(evidence)]

    sources = set()
    for name in (b"timeline.csv", b"detections.csv"):
        with open(os.path.join(out, name), newline="", encoding="utf-8-sig") as f:  # after the byte-order mark
            rows = list(csv.DictReader(f))
        sources |= {row["source_file"] for row in rows}
    assert shown(security) in sources and shown(os.path.join(folder, b"Sysmon.evtx")) in sources, sources
    with open(os.path.join(out, b"events.jsonl"), encoding="utf-8") as f:
        events = [json.loads(line) for line in f]
    assert {event["source_file"] for event in events} <= set(files), "events.jsonl names a file summary.json does not"
    with open(os.path.join(out, b"report.html"), "rb") as f:
        report = f.read().decode("utf-8")
    assert "Sec" + REPLACEMENT * 2 + ".evtx" in report

print(f"non-UTF-8 paths: {len(files)} files shown with U+FFFD and kept exactly in summary.json")
