#!/usr/bin/env python3
"""What report.html must show for an `evtxcar scan ... --jsonl` output folder.

    expected_from_scan.py OUTPUT_DIR > expected.json

Everything comes from the scan's other outputs, never from report.html:
summary.json gives the numbers and the coverage, detections.csv the detections, and
events.jsonl the events the scripted searches must leave. The format is
the one check_report.py reads (and write_synthetic_report writes).
"""

import collections
import csv
import json
import os
import re
import sys

# report.html shows these characters as marked code points "U+XXXX".
CONTROL = re.compile("[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]")
SHOWN_AS = {"\n": "\u21B5", "\t": "\u21E5", "\r": "CR"}


def as_shown(text):
    return CONTROL.sub(lambda m: SHOWN_AS.get(m.group(0), "U+%04X" % ord(m.group(0))), text)


def csv_value(text):
    """Undoes detections.csv's spreadsheet-formula neutralization (a leading apostrophe)."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


# events.jsonl members that are not searched as text in the report (a
# generic event's payload values are, below)
NOT_SEARCHED = {"datetime", "message", "record_id", "version", "level", "task", "opcode", "keywords", "user_sid",
                "event_data", "user_data", "user_data_name"}


def is_generic(event):
    return event["object"] == "event" and event["action"] == ""


def event_label(event):
    """The Event column and filter: object/action, or for a generic event its channel and event id."""
    if is_generic(event):
        return (event["channel"] or event["provider"]) + " " + str(event["event_id"])
    return event["object"] + "/" + event["action"]


def searchable_texts(event):
    texts = []
    for key, value in event.items():
        if key in NOT_SEARCHED:
            continue
        if isinstance(value, list):
            texts.extend(str(item) for item in value)
        else:
            texts.append(str(value))
    if is_generic(event):
        texts.extend(str(value) for value in event.get("event_data", event.get("user_data", {})).values())
    texts.append(event_label(event))
    return [text.lower() for text in texts]


def build(folder):
    with open(os.path.join(folder, "summary.json"), encoding="utf-8") as handle:
        summary = json.load(handle)
    with open(os.path.join(folder, "detections.csv"), encoding="utf-8", newline="") as handle:
        detections = [{key: csv_value(value) for key, value in row.items()} for row in csv.DictReader(handle)]
    events = []
    with open(os.path.join(folder, "events.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                events.append(json.loads(line))

    files = summary["files"]
    expected = {
        "events": summary["records"]["timeline_events"],
        "capped": False,
        "facts": {
            "files_read": files["complete"] + files["partial"],
            "files_unreadable": files["unreadable"],
            "records_read": summary["records"]["read"],
            "records_failed": summary["records"]["failed"],
            "timeline_events": summary["records"]["timeline_events"],
            "hosts": len(summary["hosts"]),
            "detections": summary["detections"]["total"],
            "coverage_not_evaluable": sum(1 for row in summary["coverage"] if not row["evaluable"]),
        },
        # Where each analytic variant could look, as summary.json says (the
        # page shows host names with control characters marked).
        "coverage": [dict(row, host=as_shown(row["host"])) for row in summary["coverage"]],
        "events_by_object_action": sorted(summary["events_by_object_action"].items()),
        "detections_by_analytic": sorted(summary["detections"]["by_analytic_variant"].items()),
        "detections": [{
            "time": row["datetime"],
            "host": as_shown(row["hostname"]),
            "analytic": row["analytic_id"],
            "variant": row["variant"],
            "file": row["source_file"],
            "record_id": row["record_id"],
        } for row in detections],
    }

    # Scripted searches: a word from the analytic's story, the busiest host,
    # that host's most common event, and the events that fired.
    hosts = collections.Counter(event.get("hostname", "") for event in events)
    searches = [{"text": "cmstp", "host": None, "event": None, "hits": False}]
    if hosts:
        busiest = hosts.most_common(1)[0][0]
        kinds = collections.Counter(event_label(e) for e in events if e.get("hostname", "") == busiest)
        searches.append({"text": "", "host": busiest, "event": None, "hits": False})
        searches.append({"text": "", "host": busiest, "event": kinds.most_common(1)[0][0], "hits": False})
    searches.append({"text": "", "host": None, "event": None, "hits": True})
    for search in searches:
        needle = search["text"].lower()
        search["shown"] = sum(
            1 for event in events
            if (search["host"] is None or event.get("hostname", "") == search["host"])
            and (search["event"] is None or event_label(event) == search["event"])
            and (not search["hits"] or event["analytics"])
            and (not needle or any(needle in text for text in searchable_texts(event))))
    expected["searches"] = searches

    # Text an attacker could have planted: markup, script URLs, controls.
    planted = set()
    for row in detections:
        for column in ("hostname", "user", "command_line", "parent_command_line", "image_path"):
            value = row.get(column, "")
            if re.search(r"[<>\"]|javascript:", value, re.IGNORECASE) or CONTROL.search(value):
                planted.add(as_shown(value))
    expected["literal_texts"] = sorted(planted)
    return expected


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(build(sys.argv[1]), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
