#!/usr/bin/env python3
"""What report.html must show for an `evtxcar scan ... --jsonl` output folder.

    expected_from_scan.py OUTPUT_DIR > expected.json

Everything comes from the scan's other outputs, never from report.html:
summary.json gives the numbers, the rules and the coverage, detections.csv
the detections and their groups, and events.jsonl the events the scripted
searches, filters, columns and the detail pane must show. The format is the
one check_report.py reads (and write_synthetic_report writes, for the parts
it has).

The query semantics written out here (what a word, a field, a phrase, a
regular expression, a negation and OR match) are docs/report.md's, worked
out on events.jsonl independently of the page's script.
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
LEVELS = ["critical", "high", "medium", "low", "informational"]
RECORD_LEVELS = ["LogAlways", "Critical", "Error", "Warning", "Information", "Verbose"]


def as_shown(text, multiline=False):
    """The text as the page shows it; `multiline`: where line breaks and tabs stay (the detail pane)."""
    def marked(match):
        character = match.group(0)
        if multiline and character in "\n\t":
            return character
        return SHOWN_AS.get(character, "U+%04X" % ord(character))
    return CONTROL.sub(marked, text)


def csv_value(text):
    """Undoes the CSV's spreadsheet-formula neutralization (a leading apostrophe)."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [{key: csv_value(value) for key, value in row.items()} for row in csv.DictReader(handle)]


# events.jsonl members that are not CAR fields
META = {"datetime", "timestamp_desc", "object", "action", "message", "analytics", "channel", "provider", "event_id",
        "record_id", "version", "level", "task", "opcode", "keywords", "user_sid", "event_data", "user_data",
        "user_data_name", "source_file", "copies", "source_files"}


def is_generic(event):
    return event["object"] == "event" and event["action"] == ""


def event_label(event):
    """The Event column and filter: object/action, or for a generic event its channel and event id."""
    if is_generic(event):
        return (event["channel"] or event["provider"]) + " " + str(event["event_id"])
    return event["object"] + "/" + event["action"]


def car_fields(event):
    """CAR field name -> text (a number field written as <name>_text is that field)."""
    fields = {}
    for key, value in event.items():
        if key in META:
            continue
        name = key[:-5] if key.endswith("_text") else key
        fields[name] = str(value)
    return fields


def payload_pairs(event):
    """[(name as the page names it, value)], in record order: events.jsonl's [2], [3] of repeated names undone."""
    pairs = []
    seen = set()
    for key, value in (event.get("event_data") or event.get("user_data") or {}).items():
        match = re.match(r"^(.*)\[(\d+)\]$", key)
        name = match.group(1) if match and match.group(1) in seen else key
        seen.add(name)
        pairs.append((name, value))
    return pairs


class Events:
    """The events with what the page's search looks at."""

    def __init__(self, events, summary, detections):
        self.events = events
        # Analytic labels -> names: Sigma rule titles from detections.csv, CAR analytics' names from the coverage.
        names = {}
        for row in summary["coverage"]:
            names.setdefault(row["analytic_id"] + ":" + row["variant"], row["analytic_name"])
        for row in detections:
            label = row["analytic_id"] + ":" + row["variant"]
            if row["variant"] == "sigma":
                names[label] = row["rule_title"]
        self.names = {label: name for label, name in names.items()
                      if label in {d["analytic_id"] + ":" + d["variant"] for d in detections}}
        self.display = display_paths(summary)

    def shape_texts(self, event, paths):
        texts = [event.get("hostname", ""), event["object"] + "/" + event["action"], event["channel"], event["provider"],
                 str(event["event_id"])]
        if is_generic(event):
            texts.append(event_label(event))
        for label in event["analytics"]:
            texts.append(label)
            texts.append(self.names.get(label, ""))
        if paths:
            texts.append(self.display.get(event["source_file"], event["source_file"]))
            texts.append(event["source_file"])
        return texts

    def value_texts(self, event):
        fields = car_fields(event)
        texts = [text for name, text in fields.items() if name != "hostname"]
        texts.extend(value for _, value in payload_pairs(event))
        if event.get("user_sid"):
            texts.append(event["user_sid"])
        return texts

    def word(self, event, word, paths=False):
        needle = word.lower()
        if any(needle in text.lower() for text in self.shape_texts(event, paths) + self.value_texts(event)):
            return True
        return str(event["record_id"]) == word

    def regex(self, event, pattern):
        return any(pattern.search(text) for text in self.shape_texts(event, False) + self.value_texts(event))

    def field_values(self, event, name):
        """The texts of a field as the page's field search finds them (None: the event lacks the field)."""
        key = name.lower()
        special = {
            "host": [event.get("hostname", "")], "event": [event_label(event)], "object": [event["object"]],
            "action": [event["action"]], "channel": [event["channel"]], "provider": [event["provider"]],
            "event_id": [str(event["event_id"])], "record_id": [str(event["record_id"])],
        }
        if key in special:
            return special[key]
        values = [text for field, text in car_fields(event).items() if field.lower() == key and field != "hostname"]
        first = {}
        for payload_name, value in payload_pairs(event):
            first.setdefault(payload_name.lower(), value)
        if key in first:
            values.append(first[key])
        return values or None

    def count(self, predicate):
        return sum(1 for event in self.events if predicate(event))


def display_paths(summary):
    """Source paths below the scanned folder (docs/report.md), worked out from summary.json's inputs."""
    inputs = [re.sub(r"[\\/]+$", "", path) for path in summary["run"]["inputs"]]
    out = {}
    for entry in summary["files"]["list"]:
        path = entry["path"]
        best = None
        for base in inputs:
            if base and len(path) > len(base) and path.startswith(base) and path[len(base)] in "/\\":
                if best is None or len(base) > len(best):
                    best = base
        if best is None:
            out[path] = os.path.basename(path) if path in inputs else path
        else:
            below = path[len(best) + 1:]
            out[path] = os.path.basename(best) + "/" + below if len(inputs) > 1 else below
    return out


def level_rank(level):
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def detection_groups(detections):
    """Detections grouped by rule (analytic variant) and host, in the order the page must list them."""
    groups = collections.OrderedDict()
    for row in detections:
        key = (row["analytic_id"] + ":" + row["variant"], row["hostname"])
        group = groups.setdefault(key, {"analytic": key[0], "host": key[1], "count": 0, "first": row["datetime"],
                                        "last": row["datetime"], "level": row.get("level", ""), "detections": []})
        group["count"] += 1
        group["first"] = min(group["first"], row["datetime"])
        group["last"] = max(group["last"], row["datetime"])
        group["detections"].append({"time": row["datetime"], "host": as_shown(row["hostname"]),
                                    "analytic": row["analytic_id"], "variant": row["variant"],
                                    "file": row["source_file"], "record_id": row["record_id"]})
    return list(groups.values())


def queries(index, summary):
    """Typed searches and the number of events each must leave; from the data, so that each says something."""
    events = index.events
    out = []

    def add(query, predicate, paths=False):
        out.append({"query": query, "paths": paths, "shown": index.count(predicate), "predicate": predicate})

    exes = collections.Counter(car_fields(e).get("exe", "").lower() for e in events if car_fields(e).get("exe"))
    exe = "cmstp.exe" if "cmstp.exe" in exes else (exes.most_common(1)[0][0] if exes else "")
    if exe:
        add("exe:" + exe, lambda e: any(exe in v.lower() for v in index.field_values(e, "exe") or []))
        add("exe=" + exe, lambda e: any(exe == v.lower() for v in index.field_values(e, "exe") or []))
        other = [name for name, _ in exes.most_common(3) if name != exe]
        if other:
            add("exe:%s OR exe:%s" % (exe, other[0]), lambda e: any(
                exe in v.lower() or other[0] in v.lower() for v in index.field_values(e, "exe") or []))
    ids = collections.Counter(e["event_id"] for e in events)
    if ids:
        common = ids.most_common(1)[0][0]
        add("event_id:%d" % common, lambda e: e["event_id"] == common)
        add("-event_id:%d" % common, lambda e: e["event_id"] != common)
        if exe:
            add("-event_id:%d %s" % (common, exe), lambda e: e["event_id"] != common and index.word(e, exe))
    # A phrase: two words of a value with a space in it, as common as can be.
    phrases = collections.Counter()
    for event in events[:5000]:
        for text in index.value_texts(event):
            match = re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", text)
            if match:
                phrases[match.group(0)] += 1
    if phrases:
        phrase = phrases.most_common(1)[0][0]
        add('"%s"' % phrase, lambda e: index.word(e, phrase))
    pattern = r"cmstp\.exe$" if exe == "cmstp.exe" else r"\.exe$"
    compiled = re.compile(pattern, re.IGNORECASE)
    add("/%s/" % pattern, lambda e: index.regex(e, compiled))
    path_pattern = re.compile(r"\\(cmd|powershell|cmstp)\.exe$", re.IGNORECASE)
    add(r"image_path:/\\(cmd|powershell|cmstp)\.exe$/",
        lambda e: any(path_pattern.search(v) for v in index.field_values(e, "image_path") or []))
    add("user:*", lambda e: index.field_values(e, "user") is not None)
    # A payload field by its EventData name, matched exactly.
    pairs = collections.Counter()
    for event in events:
        names = [name for name, _ in payload_pairs(event)]
        for name, value in payload_pairs(event):
            if names.count(name) == 1 and 2 <= len(value) <= 40 and value != "-" and re.fullmatch(r"[\w.\\:-]+", value):
                pairs[(name, value)] += 1
    if pairs:
        (name, value), _ = pairs.most_common(1)[0]
        add("%s=%s" % (name, value), lambda e: any(v.lower() == value.lower() for v in index.field_values(e, name) or []))
    # A word only the file paths hold: found only when asked to search them.
    words = collections.Counter()
    for full, display in index.display.items():
        for part in re.split(r"[\\/.]", display):
            if len(part) >= 4:
                words[part.lower()] += 1
    for word, _ in words.most_common(40):
        if not any(index.word(e, word) for e in events) and any(index.word(e, word, paths=True) for e in events):
            add(word, lambda e: index.word(e, word))
            add(word, lambda e: index.word(e, word, paths=True), paths=True)
            break
    return out


def facets(index):
    """One choice in each of the timeline's filters, and the events it must leave."""
    events = index.events
    out = []
    for facet, of in (("channel", lambda e: [e["channel"]]), ("eventId", lambda e: [str(e["event_id"])]),
                      ("level", lambda e: [str(e["level"])]), ("analytic", lambda e: e["analytics"])):
        counts = collections.Counter(value for e in events for value in of(e))
        if not counts:
            continue
        value = counts.most_common(1)[0][0]
        out.append({"facet": facet, "name": value, "shown": counts[value]})
    return out


def build(folder):
    with open(os.path.join(folder, "summary.json"), encoding="utf-8") as handle:
        summary = json.load(handle)
    detections = read_csv(os.path.join(folder, "detections.csv"))
    events = []
    with open(os.path.join(folder, "events.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                events.append(json.loads(line))
    index = Events(events, summary, detections)

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
        "rule_coverage": summary.get("rule_coverage", []),
        "car_catalogue": summary.get("car_catalogue"),
        "rules": summary.get("rules"),
        "levels": summary["detections"].get("by_level", {}),
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
        "groups": detection_groups(detections),
    }
    expected.update(timeline_expectations(index, summary))

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
        search["shown"] = sum(
            1 for event in events
            if (search["host"] is None or event.get("hostname", "") == search["host"])
            and (search["event"] is None or event_label(event) == search["event"])
            and (not search["hits"] or event["analytics"])
            and (not search["text"] or index.word(event, search["text"])))
    expected["searches"] = searches

    # Text an attacker could have planted: markup, script URLs, controls.
    planted = set()
    planted_groups = set()
    for row in detections:
        for column in ("hostname", "user", "command_line", "parent_command_line", "image_path"):
            value = row.get(column, "")
            if re.search(r"[<>]|javascript:", value, re.IGNORECASE) or CONTROL.search(value):
                planted.add(as_shown(value))
                planted_groups.add((row["analytic_id"] + ":" + row["variant"], row["hostname"]))
    expected["literal_texts"] = sorted(planted)
    # The detection groups whose cards show them, once opened.
    expected["literal_groups"] = sorted(planted_groups)
    return expected


def timeline_expectations(index, summary):
    """What the timeline's queries, filters, columns, detail pane and source column must show."""
    events = index.events
    out = {"queries": queries(index, summary), "facets": facets(index)}
    # The detail pane: the first event of each kind that has a payload, at most six.
    samples = []
    kinds = set()
    for event in events:
        label = event_label(event)
        if label in kinds or not payload_pairs(event):
            continue
        kinds.add(label)
        samples.append({"record_id": event["record_id"], "time": event["datetime"], "host": event.get("hostname", ""),
                        "event": label, "payload": payload_pairs(event), "fields": sorted(car_fields(event).items()),
                        "user_sid": event.get("user_sid", ""), "level": RECORD_LEVELS[event["level"]]
                        if event["level"] < len(RECORD_LEVELS) else "level"})
        if len(samples) == 6:
            break
    out["details"] = samples
    # Source paths below the scanned folder, for a few rows.
    out["sources"] = [{"time": e["datetime"], "record_id": e["record_id"],
                       "source": "#%d %s" % (e["record_id"], index.display.get(e["source_file"], e["source_file"]))}
                      for e in events[:: max(1, len(events) // 5)][:5]]
    # A query that leaves a few rows, with their command lines (for the column chooser and the export).
    narrow = None
    for query in out["queries"]:
        if 0 < query["shown"] <= 25 and not query["query"].startswith("-") and not query["paths"]:
            narrow = query
            break
    if narrow is None and 0 < index.count(lambda e: bool(e["analytics"])) <= 25:
        narrow = {"query": "analytics:*", "paths": False, "predicate": lambda e: bool(e["analytics"])}
    if narrow is not None:
        chosen = [e for e in events if narrow["predicate"](e)]
        out["narrow"] = {"query": narrow["query"], "shown": len(chosen),
                         "command_lines": {"%s|%d" % (e["datetime"], e["record_id"]): car_fields(e).get("command_line", "")
                                           for e in chosen}}
    for query in out["queries"]:
        del query["predicate"]
    return out


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(build(sys.argv[1]), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
