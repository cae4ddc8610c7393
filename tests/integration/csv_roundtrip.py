#!/usr/bin/env python3
"""Reads evtxcar's CSV outputs for testdata/hostile with Python's csv module
(a CSV parser independent of evtxcar) and checks every hostile value comes
back exactly as the log holds it, with a leading apostrophe where a
spreadsheet would otherwise evaluate it.

usage: csv_roundtrip.py EVTXCAR_BINARY SOURCE_DIR"""
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

binary, source = sys.argv[1], Path(sys.argv[2])
testdata = source / "testdata"


def neutralized(value):
    return "'" + value if value and value != "-" and value[0] in "=+-@\t\r" else value


with tempfile.TemporaryDirectory() as out:
    run = subprocess.run([binary, "scan", str(testdata / "hostile"), "-o", out, "--quiet", "--no-html"])
    assert run.returncode == 0, f"evtxcar exited {run.returncode}"
    with open(Path(out) / "timeline.csv", newline="", encoding="utf-8-sig") as f:
        timeline = {int(row["record_id"]): row for row in csv.DictReader(f)}
    with open(Path(out) / "detections.csv", newline="", encoding="utf-8-sig") as f:
        detections = list(csv.DictReader(f))

expected = [json.loads(line) for line in open(testdata / "expected/hostile/hostile_strings.evtx.jsonl", encoding="utf-8")]
checked = 0
columns = {"CommandLine": "command_line", "Image": "image_path", "User": "user", "ParentImage": "parent_image_path",
           "SourceIp": "src_ip", "DestinationIp": "dest_ip"}
for record in expected:
    row = timeline[record["record_id"]]
    fields = dict(record["fields"])
    for name, column in columns.items():
        if name in fields:
            assert row[column] == neutralized(fields[name]), (record["case"], column, row[column], fields[name])
            checked += 1
    host = record["computer"].split(".")[0]
    assert row["hostname"] == neutralized(host), (row["hostname"], host)

wanted = sorted((r["record_id"], d) for r in expected for d in r["detections"])
found = sorted((int(d["record_id"]), d["analytic_id"] + ":" + d["variant"]) for d in detections)
assert found == wanted, (found, wanted)
print(f"csv round trip: {checked} hostile values and {len(found)} detections read back exactly")
