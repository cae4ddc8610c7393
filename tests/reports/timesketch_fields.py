#!/usr/bin/env python3
"""The outputs open right in timeline tools, read with Python's own csv and
json modules (independent of evtxcar's writers).

    timesketch_fields.py EVTXCAR_BINARY SOURCE_DIR [SHARED_DIR]

Scans testdata/demo and testdata/hostile (and ../shared/corpus with the
Sigma rules of ../shared/sigma/rules/windows, when present) and checks:
- every row of events.jsonl, timeline.csv and detections.csv has the three
  members Timesketch's import requires: `message` (not empty), `datetime`
  (ISO 8601, UTC) and `timestamp_desc`;
- every member of events.jsonl has one JSON type in every record, and the
  ids, ports and counts are JSON numbers;
- every CSV file begins with a UTF-8 byte-order mark, and with
  `--csv-bom no` none does; any other value is a usage error.
coverage.csv is no timeline (no time, no event): it is checked for the mark only.
"""
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$")
BOM = b"\xef\xbb\xbf"
# Members that must be JSON numbers wherever they appear (docs: README, events.jsonl).
NUMBERS = {"pid", "ppid", "tid", "src_port", "dest_port", "local_port", "target_pid", "src_pid", "src_tid", "tgt_pid",
           "tgt_tid", "login_type", "terminal_session_id", "message_number", "message_total", "threat_id",
           "query_status", "event_id", "record_id", "version", "level", "task", "opcode", "copies"}
CSV_FILES = ("timeline.csv", "detections.csv", "coverage.csv")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def scan(binary, evidence, out, options=()):
    run = subprocess.run([binary, "scan", evidence, "-o", out, "--jsonl", "--no-html", "--quiet", *options],
                         stdout=subprocess.DEVNULL)
    assert run.returncode in (0, 3), "evtxcar exited %d for %s" % (run.returncode, evidence)


def required(row, where):
    check(isinstance(row.get("message"), str) and row["message"] != "", where + ": a message")
    check(isinstance(row.get("datetime"), str) and DATETIME.match(row["datetime"]) is not None,
          where + ": an ISO 8601 datetime (%r)" % row.get("datetime"))
    check(isinstance(row.get("timestamp_desc"), str) and row["timestamp_desc"] != "", where + ": a timestamp_desc")


def json_type(value):
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object",
            type(None): "null"}[type(value)]


def check_outputs(out, name):
    rows = 0
    types = collections.defaultdict(collections.Counter)
    with open(os.path.join(out, "events.jsonl"), encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            event = json.loads(line)
            required(event, "%s events.jsonl line %d" % (name, number))
            for key, value in event.items():
                types[key][json_type(value)] += 1
            rows += 1
    check(rows > 0, name + ": events.jsonl has events")
    for key, seen in types.items():
        check(len(seen) == 1, "%s events.jsonl: member %s has one JSON type, not %s" % (name, key, dict(seen)))
        if key in NUMBERS:
            check(set(seen) == {"number"}, "%s events.jsonl: %s is a JSON number (%s)" % (name, key, dict(seen)))
    check("timestamp_desc" in types, name + ": events.jsonl has timestamp_desc")
    for file_name in CSV_FILES:
        with open(os.path.join(out, file_name), "rb") as handle:
            data = handle.read()
        check(data.startswith(BOM), "%s %s begins with a UTF-8 byte-order mark" % (name, file_name))
        if file_name == "coverage.csv":
            continue
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        check({"message", "datetime", "timestamp_desc"} <= set(reader.fieldnames or []),
              "%s %s has the columns message, datetime, timestamp_desc" % (name, file_name))
        for number, row in enumerate(reader, 2):
            required(row, "%s %s row %d" % (name, file_name, number))
    return rows


def main():
    binary, source = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(source, "..", "shared")
    cases = [("demo", os.path.join(source, "testdata", "demo"), []),
             ("hostile", os.path.join(source, "testdata", "hostile"), [])]
    corpus = os.path.join(shared, "corpus")
    rules = os.path.join(shared, "sigma", "rules", "windows")
    if os.path.isdir(corpus) and os.path.isdir(rules):
        cases.append(("corpus with Sigma rules", corpus, ["--rules", rules]))
    else:
        print("note: ../shared/corpus or its Sigma rules not found; only testdata is checked")
    checked = 0
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, evidence, options) in enumerate(cases):
            out = os.path.join(folder, str(index))
            scan(binary, evidence, out, options)
            checked += check_outputs(out, name)
        # --csv-bom no: no mark, the header first.
        out = os.path.join(folder, "no-bom")
        scan(binary, cases[0][1], out, ["--csv-bom", "no"])
        for file_name in CSV_FILES:
            with open(os.path.join(out, file_name), "rb") as handle:
                data = handle.read()
            check(not data.startswith(BOM) and data[:1].isalpha(), "--csv-bom no: %s begins with its header" % file_name)
        # Anything but yes or no is a usage error (exit 2), and nothing is written.
        refused = subprocess.run([binary, "scan", cases[0][1], "-o", os.path.join(folder, "refused"), "--csv-bom", "maybe",
                                  "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        check(refused.returncode == 2 and b"--csv-bom" in refused.stderr, "--csv-bom maybe is a usage error")
        check(not os.path.exists(os.path.join(folder, "refused")), "--csv-bom maybe writes nothing")
    for failure in failures[:50]:
        print("FAILED: " + failure)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("timesketch fields: %d events of %d scans have message, datetime and timestamp_desc, one type per member"
          % (checked, len(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
