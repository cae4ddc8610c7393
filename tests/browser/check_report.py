#!/usr/bin/env python3
"""Checks report.html in headless Chromium, as a person would see it.

    check_report.py --case NAME REPORT_HTML EXPECTED_JSON [--case ...] --out DIR

EXPECTED_JSON says what the page must show, from a source other than the
report: the synthetic scan's own counts (write_synthetic_report), or a real
scan's summary.json and detections.csv (expected_from_scan.py). For each
case the page is loaded from its file, and:

- it becomes ready, with no console error, no uncaught exception, no
  JavaScript dialog, and no request for anything but the file itself;
- the summary numbers, the detections per level, the counts by
  object/action and by analytic (folded lists, opened), the rules loaded and
  rejected, and the Sigma rule coverage per host equal the expected ones;
- the detection groups (by rule or analytic variant and host) have the
  counts, first and last times of detections.csv, in level-then-time
  order; opened, a group's cards are its detections; its Events button
  shows exactly its events in the timeline;
- the Coverage section lists every host and analytic variant with the
  expected evaluable, events examined, detections and reason, not-evaluable
  rows stand out, and the Detections section says for each variant on how
  many hosts it could not look (or that coverage is empty);
- each detection's "Show in timeline" selects its event's row;
- scripted searches and host/event filters leave exactly the expected rows,
  and so do typed queries (field search, exact fields, quoted phrases,
  negation, regular expressions, OR, file paths only when asked) and the
  channel, event id, level and analytic filters; clicking a bucket of the
  activity chart filters host and time;
- the column chooser shows and hides columns (kept over a reload), a column
  can be resized by dragging its edge, keys move the selection, the detail
  pane shows a row's EventData as logged and its System values, sources
  are shown below the scanned folder;
- marks survive a reload; the exported CSV of the shown (and of the marked)
  rows equals the rows on screen;
- text planted by an attacker shows literally, and no markup or script from
  it exists in the page;
- a screenshot and a print (PDF) are saved in DIR.

Exits 0 when every check passed, 1 when one failed, 77 (skipped) when no
Chromium is installed.
"""

import argparse
import csv
import io
import json
import os
import pathlib
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium_session import SKIP, ChromiumSession, ProtocolError, find_chromium  # noqa: E402


class Checker:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.passed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what + (": " + detail if detail else ""))
        return condition

    def equal(self, actual, expected, what):
        return self.check(actual == expected, what, "shown %r, expected %r" % (actual, expected))


def number(text):
    return int(text.replace(",", "").strip())


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


# Hooks installed before the page's own script: they see what a payload
# would do, and cannot be blocked by the page's Content-Security-Policy.
WATCH = """
window.__evtxcar_watch = {violations: [], nodes: []};
document.addEventListener('securitypolicyviolation', (e) =>
    window.__evtxcar_watch.violations.push(e.violatedDirective + ' ' + e.blockedURI));
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes)
    if (node.nodeType === 1 && /^(SCRIPT|IMG|IFRAME|OBJECT|EMBED|LINK|META|BASE|FORM)$/.test(node.tagName))
      window.__evtxcar_watch.nodes.push(node.tagName);
}).observe(document, {childList: true, subtree: true});
"""


def load(session, report_path):
    url = report_path if report_path.startswith("file:") else pathlib.Path(report_path).resolve().as_uri()
    session.console_errors.clear()
    session.dialogs.clear()
    session.requests.clear()
    started = time.monotonic()
    session.navigate(url)
    state = session.wait_until("document.body && document.body.dataset.state", timeout=30)
    return url, state, time.monotonic() - started


def check_page_behaviour(session, checker, url):
    checker.equal(session.console_errors, [], "console errors and exceptions")
    checker.equal(session.dialogs, [], "JavaScript dialogs opened")
    checker.equal([r for r in session.requests if r != url], [], "requests other than the report itself")
    watch = session.evaluate("window.__evtxcar_watch")
    checker.equal(watch["violations"], [], "Content-Security-Policy violations")
    checker.equal(session.evaluate("document.scripts.length"), 3, "script elements in the page")
    dangerous = session.evaluate("""(() => {
        const found = [];
        for (const node of document.querySelectorAll('*')) {
          if (/^(IMG|IFRAME|OBJECT|EMBED|LINK|BASE|FORM)$/.test(node.tagName)) found.push(node.tagName);
          for (const attribute of node.attributes) {
            if (/^on/i.test(attribute.name)) found.push(node.tagName + '[' + attribute.name + ']');
            if (/^(href|src|action|xlink:href)$/i.test(attribute.name) && !/^#/.test(attribute.value))
              found.push(node.tagName + '[' + attribute.name + '=' + attribute.value + ']');
          }
        }
        return found; })()""")
    checker.equal(dangerous, [], "elements or attributes that load or run something")
    # The parser adds the template's own (4 meta, 3 script); anything else was injected.
    checker.equal(sorted(watch["nodes"]), ["META"] * 4 + ["SCRIPT"] * 3, "loading elements in the page")
    checker.equal(session.evaluate("typeof window.__evtxcar_pwned"), "undefined", "planted code ran")


def check_summary(session, checker, expected):
    shown = session.evaluate("""Object.fromEntries([...document.querySelectorAll('[data-fact]')]
        .map((node) => [node.dataset.fact, node.textContent]))""")
    for key, value in expected["facts"].items():
        if checker.check(key in shown, "summary number " + key, "not shown"):
            checker.equal(number(shown[key]), value, "summary number " + key)
    for table in ("events_by_object_action", "detections_by_analytic"):
        rows = open_list(session, table)
        checker.equal(sorted((name, number(count)) for name, count, *_ in rows),
                      sorted((name, count) for name, count in expected[table]), "summary table " + table)
    # Opened lists do not make the page taller than their boxes.
    heights = session.evaluate("""[...document.querySelectorAll('details.folded[open] .list-scroll')].map((box) => box.offsetHeight)""")
    checker.check(all(height <= 400 for height in heights), "opened lists keep their own height", str(heights))


def open_all_groups_pages(session):
    session.evaluate("""(() => { let more = document.querySelector('.groups-more');
        while (more && !more.hidden) { more.click(); more = document.querySelector('.groups-more'); } })()""")


def shown_groups(session):
    return session.evaluate("""[...document.querySelectorAll('table[data-table=detection_groups] tr.group')].map((row) => ({
        analytic: row.dataset.analytic, host: row.dataset.host, count: Number(row.dataset.count),
        level: row.querySelector('.level-badge').textContent,
        first: row.cells[5].dataset.time, last: row.cells[6].dataset.time}))""")


def expected_groups(expected):
    if "groups" in expected:
        return expected["groups"]
    groups = {}
    for detection in expected["detections"]:  # the synthetic scan's CAR analytic: no level
        key = (detection["analytic"] + ":" + detection["variant"], detection["host"])
        group = groups.setdefault(key, {"analytic": key[0], "host": detection["host"], "count": 0, "level": "",
                                        "first": detection["time"], "last": detection["time"], "detections": []})
        group["count"] += 1
        group["first"] = min(group["first"], detection["time"])
        group["last"] = max(group["last"], detection["time"])
        group["detections"].append(detection)
    return list(groups.values())


LEVELS = ["critical", "high", "medium", "low", "informational"]


def check_detections(session, checker, expected):
    """Detection groups: counts, times and order from detections.csv; a group's cards; its events in the timeline."""
    wanted = expected_groups(expected)
    shown_total = session.evaluate("Number((document.getElementById('detections-count') || {dataset: {}}).dataset.detections || 0)")
    checker.equal(shown_total, len(expected["detections"]), "detections counted in the Detections section")
    if not wanted:
        checker.check(session.evaluate("document.querySelectorAll('tr.group').length") == 0, "no detection groups")
        return
    open_all_groups_pages(session)
    shown = shown_groups(session)
    key = lambda group: (group["analytic"], group["host"])
    checker.equal(sorted((g["analytic"], g["host"], g["count"]) for g in shown),
                  sorted((g["analytic"], g["host"], g["count"]) for g in wanted), "detection groups and their counts")
    by_key = {key(group): group for group in wanted}
    for group in shown:
        want = by_key.get(key(group))
        if want is None:
            continue
        checker.equal((group["first"], group["last"]), (want["first"], want["last"]),
                      "first and last seen of group %s on %s" % key(group))
        checker.equal(group["level"], want["level"] or "no level", "level of group %s on %s" % key(group))
    # The most severe level first, then the earliest first seen.
    order = [(LEVELS.index(g["level"]) if g["level"] in LEVELS else len(LEVELS), g["first"]) for g in shown]
    checker.check(order == sorted(order), "groups sorted by level, then first seen")

    # A few groups opened: their cards are their detections, in order; a card's link selects its row.
    tried = [0, len(shown) - 1] + [i for i, g in enumerate(shown) if g["count"] > 1][:2]
    for index in sorted(set(tried)):
        group = shown[index]
        want = by_key.get(key(group))
        if want is None:
            continue
        label = "group %s on %s" % key(group)
        cards = session.evaluate("""(() => {
            const row = document.querySelectorAll('table[data-table=detection_groups] tr.group')[%d];
            row.querySelector('.group-toggle').click();
            const detail = row.nextElementSibling;
            return [...detail.querySelectorAll('article.detection')].map((card) => ({
              time: card.querySelector('.det-time').textContent,
              host: card.querySelector('.det-host').textContent,
              analytic: card.querySelector('.det-analytic').textContent.split(' ')[0],
              variant: card.querySelector('.det-variant').textContent,
              file: card.querySelector('.det-file').dataset.path,
              record_id: card.querySelector('.det-record').textContent.replace(/^record /, ''),
              jump: Boolean(card.querySelector('.det-jump'))})); })()""" % index)
        first = want["detections"][:20]
        checker.equal([{k: v for k, v in card.items() if k != "jump"} for card in cards], first, label + ": its cards")
        if cards and checker.check(cards[0]["jump"], label + ": a card has a timeline link"):
            session.evaluate("""document.querySelectorAll('table[data-table=detection_groups] tr.group')[%d]
                .nextElementSibling.querySelector('.det-jump').click()""" % index)
            row = session.evaluate("""(() => { const row = document.querySelector('#timeline-rows .timeline-row.selected');
                return row && !row.hidden ? {time: row.querySelector('[data-column=time]').textContent,
                                             source: row.querySelector('[data-column=source]').textContent} : null; })()""")
            if checker.check(row is not None, label + ": a selected, visible timeline row"):
                checker.equal(row["time"], cards[0]["time"], label + ": time of the row it jumps to")
                checker.check(row["source"].startswith("#" + cards[0]["record_id"] + " "),
                              label + ": record of the row it jumps to", row["source"])
        # Events: the timeline shows exactly the group's events.
        session.evaluate("document.querySelectorAll('table[data-table=detection_groups] tr.group')[%d].querySelector('.group-events').click()" % index)
        times = sorted(d["time"] for d in want["detections"])
        checker.equal(shown_count(session), len(set((d["time"], d["record_id"], d["file"]) for d in want["detections"])),
                      label + ": rows its Events button shows")
        checker.check(not session.evaluate("document.getElementById('filter-rows').hidden"),
                      label + ": the timeline says it shows only the group's events")
        for row in visible_rows(session):
            checker.check(row["time"] in times, label + ": a shown row is one of its events", row["time"])
    session.evaluate("document.getElementById('filter-clear').click()")


def check_levels(session, checker, expected):
    if "levels" not in expected:
        return
    chips = session.evaluate("""Object.fromEntries([...document.querySelectorAll('.levels .level-chip')]
        .map((chip) => [chip.dataset.level, Number(chip.dataset.count)]))""")
    for level in LEVELS:
        checker.equal(chips.get(level, 0), expected["levels"].get(level, 0), "detections of level " + level)


def check_rules(session, checker, expected):
    """The rule load (loaded, rejected with file and construct) and the Sigma rules' coverage per host."""
    rules = expected.get("rules")
    line = session.evaluate("""(() => { const line = document.querySelector('.rule-line');
        return line ? {loaded: Number(line.dataset.loaded), rejected: Number(line.dataset.rejected), text: line.textContent} : null; })()""")
    if not rules or not rules.get("asked"):
        checker.equal(line, None, "no rule load line without --rules")
        return
    if not checker.check(line is not None, "the summary says how many rules loaded"):
        return
    checker.equal((line["loaded"], line["rejected"]), (rules["loaded"], len(rules["rejected"])), "rules loaded and rejected")
    if rules["rejected"]:
        shown = open_list(session, "rejected_rules")
        want = sorted((r["file"] + (":%d" % r["line"] if r["line"] else ""), r["construct"]) for r in rules["rejected"])
        checker.equal(sorted((row[0], row[2]) for row in shown), want, "rejected rules with file and construct")
    hosts = expected.get("rule_coverage") or []
    shown = session.evaluate("""[...document.querySelectorAll('table[data-table=rule_coverage] tbody tr')].map((row) => {
        const cell = (name) => row.querySelector('[data-column=' + name + ']').dataset.count;
        return [row.cells[0].textContent, Number(cell('full')), Number(cell('partly')), Number(cell('none')), Number(cell('detections'))]; })""")
    checker.equal(sorted(shown), sorted([h["host"] or "(no host name)", h["full"], h["partly"], h["none"], h["detections"]] for h in hosts),
                  "Sigma rules per host: fully, partly, not at all, detections")


def open_list(session, key):
    """Opens a folded list, draws all its pages, and returns its rows' cell texts."""
    return session.evaluate("""(() => {
        const folded = document.querySelector('details[data-list=%s]');
        if (!folded) return [];
        if (!folded.open) { folded.open = true; folded.dispatchEvent(new Event('toggle')); }
        let more = folded.querySelector('.list-more');
        while (more && !more.hidden) more.click();
        return [...folded.querySelectorAll('tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent)); })()""" % key)


def hosts_phrase(hosts, not_evaluable):
    """How the page words where a variant could look, counted from the expected rows."""
    if not_evaluable == 0:
        return "Evaluable on its 1 host" if hosts == 1 else "Evaluable on all {:,} hosts".format(hosts)
    if not_evaluable == hosts:
        return "Not evaluable on its 1 host" if hosts == 1 else "Not evaluable on any of the {:,} hosts".format(hosts)
    return "Not evaluable on {:,} of {:,} hosts".format(not_evaluable, hosts)


def check_catalogue_coverage(session, checker, expected):
    """The CAR catalogue block of the Coverage section against summary.json's car_catalogue."""
    catalogue = expected.get("car_catalogue")
    if catalogue is None:
        return
    shown = session.evaluate("""(() => {
        const block = document.querySelector('#coverage [data-key=car-catalogue]');
        if (!block) return null;
        const count = (key) => {
          const list = block.querySelector('[data-list=' + key + '] .folded-count');
          return list ? list.textContent : null; };
        return {
          text: block.textContent,
          nowhere: [...block.querySelectorAll('[data-list=car_catalogue_nowhere] li')].map((item) => item.textContent),
          variants: count('car_catalogue_variants'),
          notFromLogs: count('car_catalogue_not_from_event_logs') }; })()""")
    if not checker.check(shown is not None, "the Coverage section has a CAR catalogue block"):
        return
    if not catalogue["enabled"]:
        checker.check("did not run" in shown["text"], "a catalogue turned off is said so")
        return
    variants = [(analytic, variant) for analytic in catalogue["runs"] for variant in analytic["variants"]]
    nowhere = [analytic["id"] + " " + analytic["title"] + ", variant " + variant["variant"] + ": " + variant["not_anywhere"]
               for analytic, variant in variants if variant["not_anywhere"]]
    checker.equal(shown["nowhere"], nowhere, "catalogue variants that could look on no host, with why")
    checker.equal(shown["variants"], " (%s)" % format(len(variants), ","), "catalogue variants listed")
    checker.equal(shown["notFromLogs"], " (%s)" % format(len(catalogue["not_from_event_logs"]), ","),
                  "analytics not evaluable from event logs listed")


def check_coverage(session, checker, expected):
    """The Coverage section and the Detections section's status lines against summary.json's coverage."""
    if not checker.check("coverage" in expected, "expected values include coverage"):
        return
    wanted = [row for row in expected["coverage"] if row["variant"] != "sigma"]
    shown = session.evaluate("""(() => {
        const section = document.getElementById('coverage');
        if (!section) return null;
        return {
          visible: section.getBoundingClientRect().height > 0,
          empty: Boolean(section.querySelector('[data-coverage=empty]')),
          statusEmpty: Boolean(document.querySelector('#detections-body [data-coverage=empty]')),
          status: [...document.querySelectorAll('#detections-body .coverage-status li')]
            .filter((item) => item.dataset.key !== 'sigma').map((item) => [item.dataset.key, item.textContent]),
          groups: [...section.querySelectorAll('.coverage-group:not(.rule-coverage):not(.catalogue-coverage)')].map((group) => ({
            key: group.dataset.key,
            title: group.querySelector('h3').textContent,
            text: group.textContent,
            rows: [...group.querySelectorAll('table[data-table=coverage] tbody tr')].map((row) => {
              const cell = (name) => row.querySelector('[data-column=' + name + ']');
              return {host: cell('host').textContent, evaluable: row.dataset.evaluable,
                      events_examined: cell('events_examined').textContent, detections: cell('detections').textContent,
                      why_not: cell('why_not').textContent,
                      background: getComputedStyle(cell('host')).backgroundColor}; }) })) }; })()""")
    if not checker.check(shown is not None, "the page has a Coverage section"):
        return
    checker.check(shown["visible"], "the Coverage section is visible")
    if not wanted and expected.get("rule_coverage"):
        checker.equal(shown["groups"], [], "coverage tables of analytic variants")
        return
    if not wanted:
        checker.check(shown["empty"], "an empty coverage is said so in the Coverage section")
        checker.check(shown["statusEmpty"], "an empty coverage is said so beside the detections")
        checker.equal(shown["groups"], [], "coverage tables of an empty coverage")
        return
    checker.check(not shown["empty"] and not shown["statusEmpty"], "coverage is not said to be empty")
    groups = {}
    for row in wanted:
        groups.setdefault(row["analytic_id"] + ":" + row["variant"], []).append(row)
    checker.equal([group["key"] for group in shown["groups"]], list(groups), "analytic variants in the Coverage section")
    checker.equal([key for key, _ in shown["status"]], list(groups), "analytic variants beside the detections")
    status = dict(shown["status"])
    for group in shown["groups"]:
        rows = groups.get(group["key"])
        if rows is None:
            continue
        first = rows[0]
        checker.equal(group["title"], "%s %s, variant %s" % (first["analytic_id"], first["analytic_name"], first["variant"]),
                      "coverage title of " + group["key"])
        checker.check(first["needs"] in group["text"], "coverage of %s says what it needs" % group["key"], first["needs"])
        want_rows = sorted((r["host"] or "(no host name)", "yes" if r["evaluable"] else "no", r["events_examined"],
                            r["detections"], r["why_not"]) for r in rows)
        got_rows = sorted((r["host"], r["evaluable"], number(r["events_examined"]), number(r["detections"]), r["why_not"])
                          for r in group["rows"])
        checker.equal(got_rows, want_rows, "coverage rows of " + group["key"])
        evaluable_background = {r["background"] for r in group["rows"] if r["evaluable"] == "yes"}
        for row in group["rows"]:
            if row["evaluable"] == "no":
                checker.check(row["background"] not in evaluable_background | {"rgba(0, 0, 0, 0)"},
                              "a not-evaluable row of %s stands out" % group["key"], row["background"])
        not_evaluable = sum(1 for r in rows if not r["evaluable"])
        detections = sum(r["detections"] for r in rows)
        line = status.get(group["key"], "")
        phrase = hosts_phrase(len(rows), not_evaluable)
        checker.check(phrase in line, "beside the detections, %s says %r" % (group["key"], phrase), line)
        said = "no detections" if detections == 0 else "{:,} detection{}".format(detections, "" if detections == 1 else "s")
        checker.check(said in line, "beside the detections, %s says %r" % (group["key"], said), line)
        if detections == 0:
            checker.check("see Coverage" in line or not_evaluable == 0,
                          "no detections on a variant that could not look points to Coverage", line)


def shown_count(session):
    return int(session.evaluate("document.getElementById('timeline-count').dataset.shown"))


def choose_option(session, select_id, name):
    """Selects the option whose label is `name (count)`; returns whether one was found."""
    return session.evaluate("""(() => {
        const select = document.getElementById(%s);
        const option = [...select.options].find((o) => o.value !== '' && o.dataset.name === %s);
        if (!option) return false;
        select.value = option.value;
        select.dispatchEvent(new Event('change', {bubbles: true}));
        return true; })()""" % (json.dumps(select_id), json.dumps(name)))


def visible_rows(session):
    return session.evaluate("""[...document.querySelectorAll('#timeline-rows .timeline-row')]
        .filter((row) => !row.hidden).map((row) => ({
          text: row.textContent,
          time: (row.querySelector('[data-column=time]') || {}).textContent,
          source: (row.querySelector('[data-column=source]') || {}).textContent,
          host: (row.querySelector('[data-column=host]') || {}).textContent,
          event: (row.querySelector('[data-column=event]') || {}).textContent}))""")


def check_row_cap(session, checker, expected):
    """Over the cap the page says so, and its rows plus those left out are all events."""
    counts = session.evaluate("""(() => { const line = document.getElementById('timeline-count');
        const note = document.getElementById('timeline-note');
        return {total: Number(line.dataset.total), leftOut: Number(line.dataset.leftOut),
                note: note.hidden ? '' : note.textContent}; })()""")
    events = expected["facts"]["timeline_events"]
    if not expected.get("capped"):
        checker.equal(counts["total"], events, "timeline rows in the report")
        checker.equal(counts["note"], "", "note about rows left out")
        return
    checker.equal(counts["total"] + counts["leftOut"], events, "rows in the report plus rows left out")
    checker.check(counts["total"] <= expected["max_rows"] + expected["facts"]["detections"],
                  "rows within the cap (and the events that fired)", str(counts["total"]))
    checker.check("%s events are left out" % "{:,}".format(counts["leftOut"]) in counts["note"]
                  and "timeline.csv has all of them" in counts["note"],
                  "the note says how many events were left out and where they are", counts["note"])


def check_searches(session, checker, expected):
    total = int(session.evaluate("document.getElementById('timeline-count').dataset.total"))
    for search in expected["searches"]:
        label = "search %r host=%r event=%r hits=%r" % (search["text"], search["host"], search["event"], search["hits"])
        session.evaluate("document.getElementById('filter-clear').click()")
        checker.equal(shown_count(session), total, "rows shown after clearing the filters")
        if search["host"] is not None and not checker.check(
                choose_option(session, "filter-host", search["host"]), label + ": host offered in the filter"):
            continue
        if search["event"] is not None and not checker.check(
                choose_option(session, "filter-event", search["event"]), label + ": event offered in the filter"):
            continue
        if search["hits"]:
            session.evaluate("document.getElementById('filter-hits').click()")
        if search["text"]:
            session.evaluate("document.getElementById('filter-text').focus()")
            session.type_text(search["text"])
            try:
                session.wait_until("document.getElementById('timeline-count').dataset.shown === %s"
                                   % json.dumps(str(search["shown"])), timeout=5)
            except ProtocolError:
                pass
        checker.equal(shown_count(session), search["shown"], label + ": rows shown")
        for row in visible_rows(session):
            if search["host"] is not None:
                checker.equal(row["host"], search["host"], label + ": host of a visible row")
            if search["event"] is not None:
                checker.equal(row["event"], search["event"], label + ": event of a visible row")
    session.evaluate("document.getElementById('filter-clear').click()")


def check_sorting(session, checker):
    """A click on a column head sorts by it, a second click reverses; no row is lost."""
    total = shown_count(session)
    for column in ("host", "event"):
        for direction in ("ascending", "descending"):
            session.evaluate("document.querySelector('#timeline-head button[data-column=%s]').click()" % column)
            shown = session.evaluate("""[...document.querySelectorAll('#timeline-rows .timeline-row:not([hidden])')]
                .map((row) => row.querySelector('[data-column=%s]').textContent)""" % column)
            state = session.evaluate("document.querySelector('#timeline-head button[data-column=%s]').getAttribute('aria-sort')" % column)
            checker.equal(state, direction, "sort state of column " + column)
            wanted = sorted(shown, reverse=direction == "descending")
            checker.equal(shown, wanted, "visible rows sorted by %s, %s" % (column, direction))
            checker.equal(shown_count(session), total, "rows shown after sorting by " + column)
    session.evaluate("document.querySelector('#timeline-head button[data-column=time]').click()")
    checker.equal(session.evaluate("document.querySelector('#timeline-head button[data-column=time]').getAttribute('aria-sort')"),
                  "ascending", "back to time order")


def check_activity_click(session, checker, capped, events):
    """A bar of the busiest host's chart: the timeline shows that host and bucket."""
    bar = session.evaluate("""(() => {
        const row = document.querySelector('.activity-host');
        const targets = row ? row.querySelectorAll('.target') : [];
        if (!targets.length) return null;
        const target = targets[Math.floor(targets.length / 2)];
        const count = Number(/([0-9,]+) events?/.exec(target.querySelector('title').textContent)[1].replace(/,/g, ''));
        target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return {host: row.dataset.host, count}; })()""")
    if events == 0:
        checker.equal(bar, None, "activity chart of a scan without events")
        return
    if not checker.check(bar is not None, "activity chart has bars to click"):
        return
    session.pump(0.1)
    if capped:  # the bars count every event; the rows are only those kept
        checker.check(shown_count(session) <= bar["count"], "rows shown after clicking an activity bar",
                      "%d rows for a bar of %d events" % (shown_count(session), bar["count"]))
    else:
        checker.equal(shown_count(session), bar["count"], "rows shown after clicking an activity bar")
    checker.check(session.evaluate("document.getElementById('filter-from').value") != "",
                  "clicking an activity bar sets the time filter")
    for row in visible_rows(session):
        checker.equal(row["host"], bar["host"], "host of a visible row after clicking an activity bar")
    session.evaluate("document.getElementById('filter-clear').click()")



def type_query(session, text, paths=False):
    """Types a query into the timeline's search box (as a person would) and waits for the rows."""
    session.evaluate("document.getElementById('filter-clear').click()")
    if paths:
        session.evaluate("document.getElementById('filter-paths').click()")
    session.evaluate("document.getElementById('filter-text').focus()")
    session.type_text(text)
    session.evaluate("document.getElementById('filter-text').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))")
    session.pump(0.05)


def check_queries(session, checker, expected):
    """Typed queries: fields, exact fields, phrases, negation, regular expressions, OR, file paths only when asked."""
    for query in expected.get("queries", []):
        label = "query %r%s" % (query["query"], " (with file paths)" if query["paths"] else "")
        type_query(session, query["query"], query["paths"])
        problem = session.evaluate("(() => { const p = document.getElementById('filter-problem'); return p.hidden ? '' : p.textContent; })()")
        checker.equal(problem, "", label + ": no problem reported")
        checker.equal(shown_count(session), query["shown"], label + ": rows shown")
    # A query that cannot be read says so, and leaves the rows as they were.
    type_query(session, '/(unclosed/ "open')
    checker.check(not session.evaluate("document.getElementById('filter-problem').hidden"),
                  "a query that cannot be read is reported")
    checker.equal(shown_count(session), int(session.evaluate("document.getElementById('timeline-count').dataset.total")),
                  "a query that cannot be read filters nothing")
    session.evaluate("document.getElementById('filter-clear').click()")


FACET_SELECTS = {"channel": "filter-channel", "eventId": "filter-event-id", "level": "filter-level", "analytic": "filter-analytic"}


def check_facets(session, checker, expected):
    for facet in expected.get("facets", []):
        session.evaluate("document.getElementById('filter-clear').click()")
        label = "filter %s = %r" % (facet["facet"], facet["name"])
        if checker.check(choose_option(session, FACET_SELECTS[facet["facet"]], facet["name"]), label + ": offered"):
            checker.equal(shown_count(session), facet["shown"], label + ": rows shown")
    session.evaluate("document.getElementById('filter-clear').click()")


def head_columns(session):
    return session.evaluate("[...document.querySelectorAll('#timeline-head .head-cell')].map((cell) => cell.dataset.column)")


def set_column(session, column, shown):
    return session.evaluate("""(() => {
        const panel = document.getElementById('columns-panel');
        if (panel.hidden) document.getElementById('columns-toggle').click();
        const box = panel.querySelector('input[data-column=%s]');
        if (!box) return false;
        if (box.checked !== %s) box.click();
        return true; })()""" % (column, "true" if shown else "false"))


def check_columns(session, checker, expected, url):
    """The column chooser (kept over a reload), resizing by dragging, and a shown column's values."""
    checker.check(set_column(session, "command_line", True), "the column chooser offers the command line")
    checker.check(set_column(session, "event_id", False), "the column chooser offers the event id")
    columns = head_columns(session)
    checker.check("command_line" in columns and "event_id" not in columns, "chosen columns are shown, the others not", str(columns))
    choices = session.evaluate("[...document.querySelectorAll('#columns-panel input[data-column]')].map((box) => box.dataset.column)")
    for column in ("command_line", "user", "parent_image_path", "event_id", "channel", "level", "details", "image_path",
                   "pid", "dest_ip", "provider", "record_id", "copies", "analytics", "source"):
        checker.check(column in choices, "the column chooser offers " + column)
    narrow = expected.get("narrow")
    if narrow:
        type_query(session, narrow["query"])
        rows = session.evaluate("""[...document.querySelectorAll('#timeline-rows .timeline-row.body')].filter((row) => !row.hidden)
            .map((row) => [row.querySelector('[data-column=time]').textContent,
                           row.querySelector('[data-column=source]').textContent.split(' ')[0].slice(1),
                           row.querySelector('[data-column=command_line]').textContent])""")
        wanted = {key: as_shown_text(value) for key, value in narrow["command_lines"].items()}
        checker.equal({"%s|%s" % (time, record): line for time, record, line in rows}, wanted,
                      "the command line column of the rows of %r" % narrow["query"])
    # Resizing: dragging the edge of the Host column widens it by as much.
    before = column_width(session, "host")
    box = session.evaluate("""(() => { const handle = document.querySelector('#timeline-head .resize[data-column=host]');
        const r = handle.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
    session.evaluate("document.getElementById('timeline').scrollIntoView()")
    box = session.evaluate("""(() => { const handle = document.querySelector('#timeline-head .resize[data-column=host]');
        const r = handle.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
    session.drag(box["x"], box["y"], box["x"] + 90, box["y"])
    after = column_width(session, "host")
    checker.check(abs(after - before - 90) <= 3, "dragging a column's edge resizes it", "%s -> %s" % (before, after))
    # Over a reload, the choice stays.
    load(session, url)
    columns = head_columns(session)
    checker.check("command_line" in columns and "event_id" not in columns, "chosen columns are kept over a reload", str(columns))
    checker.check(abs(column_width(session, "host") - after) <= 1, "a column's width is kept over a reload")
    session.evaluate("""(() => { document.getElementById('columns-toggle').click();
        document.querySelector('#columns-panel .columns-default').click(); })()""")
    columns = head_columns(session)
    checker.check("command_line" not in columns and "event_id" in columns, "default columns come back", str(columns))
    session.evaluate("document.getElementById('filter-clear').click()")


def column_width(session, key):
    return session.evaluate("""(() => { const cell = document.querySelector('#timeline-head .head-cell[data-column=%s]');
        return cell ? cell.getBoundingClientRect().width : -1; })()""" % key)


def as_shown_text(text, multiline=False):
    from expected_from_scan import as_shown  # noqa: E402 (the same marking the page uses)
    return as_shown(text, multiline)


def selected_entry(session):
    return session.evaluate("(() => { const row = document.querySelector('#timeline-rows .timeline-row.selected'); return row ? Number(row.dataset.entry) : -1; })()")


def check_keyboard(session, checker):
    """Arrow keys move the selection row by row, End goes to the last row, m marks."""
    session.evaluate("document.getElementById('filter-clear').click()")
    entries = session.evaluate("[...document.querySelectorAll('#timeline-rows .timeline-row.body')].filter((r) => !r.hidden).map((r) => Number(r.dataset.entry))")
    if len(entries) < 3:
        return
    session.evaluate("document.querySelectorAll('#timeline-rows .timeline-row.body')[0].click()")
    session.evaluate("document.getElementById('timeline-viewport').focus()")
    session.press_key("ArrowDown")
    session.press_key("ArrowDown")
    checker.equal(selected_entry(session), entries[2], "two arrow keys down select the third row")
    session.press_key("ArrowUp")
    checker.equal(selected_entry(session), entries[1], "an arrow key up selects the row above")
    session.press_key("m")
    checker.equal(int(session.evaluate("document.getElementById('timeline-count').dataset.marked")), 1, "m marks the selected row")
    session.press_key("m")
    checker.equal(int(session.evaluate("document.getElementById('timeline-count').dataset.marked")), 0, "m again unmarks it")
    session.press_key("End")
    last = session.evaluate("document.getElementById('timeline-count').dataset.shown")
    checker.check(selected_entry(session) >= 0 and session.evaluate(
        "document.querySelector('#timeline-rows .timeline-row.selected') !== null"), "End selects a row and shows it", last)
    session.press_key("Home")
    checker.equal(selected_entry(session), entries[0], "Home goes back to the first row")


def check_details(session, checker, expected):
    """The detail pane of a row: its EventData as logged, its fields, its System values."""
    for sample in expected.get("details", []):
        label = "detail pane of %s record %s" % (sample["event"], sample["record_id"])
        type_query(session, "record_id:%d" % sample["record_id"])
        clicked = session.evaluate("""(() => { const row = [...document.querySelectorAll('#timeline-rows .timeline-row.body')]
            .find((row) => !row.hidden && row.querySelector('[data-column=time]').textContent === %s);
            if (!row) return false; row.click(); return true; })()""" % json.dumps(sample["time"]))
        if not checker.check(clicked, label + ": its row is found by record_id"):
            continue
        shown = session.evaluate("""(() => { const section = (key) => {
              const list = document.querySelector('#timeline-detail dl[data-section=' + key + ']');
              if (!list) return null;
              const names = [...list.querySelectorAll('dt')].map((node) => node.textContent);
              const values = [...list.querySelectorAll('dd')].map((node) => node.textContent);
              return names.map((name, index) => [name, values[index]]); };
            return {payload: section('payload'), fields: section('fields'), system: section('system'),
                    visible: !document.getElementById('timeline-detail').hidden}; })()""")
        checker.check(shown["visible"], label + ": the detail pane is shown")
        checker.equal(shown["payload"], [[as_shown_text(name), as_shown_text(value, True)] for name, value in sample["payload"]],
                      label + ": EventData as logged")
        if shown["fields"] is not None:
            checker.equal(sorted(shown["fields"]), sorted([name, as_shown_text(value, True)] for name, value in sample["fields"]),
                          label + ": CAR fields")
        system = dict(shown["system"] or [])
        checker.equal(system.get("record id"), str(sample["record_id"]), label + ": record id")
        checker.check(system.get("level", "").startswith(sample["level"]), label + ": level", system.get("level", ""))
        if sample["user_sid"]:
            checker.equal(system.get("user SID"), sample["user_sid"], label + ": user SID")
    session.evaluate("document.getElementById('filter-clear').click()")


def check_sources(session, checker, expected):
    """Source paths below the scanned folder."""
    for source in expected.get("sources", []):
        type_query(session, "record_id:%d" % source["record_id"])
        shown = [row["source"] for row in visible_rows(session) if row["time"] == source["time"]]
        checker.check(as_shown_text(source["source"]) in shown, "source of record %d is shown below the scanned folder" % source["record_id"],
                      "%r not in %r" % (source["source"], shown))
    session.evaluate("document.getElementById('filter-clear').click()")


def read_download(folder, name, timeout=10):
    path = os.path.join(folder, name)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path) and not any(entry.endswith(".crdownload") for entry in os.listdir(folder)):
            with open(path, "rb") as handle:
                data = handle.read()
            os.remove(path)
            return data
        time.sleep(0.05)
    return None


def shown_cells(session):
    """The cells of the rows on screen, column by column (the export must equal them)."""
    return session.evaluate("""(() => {
        const columns = [...document.querySelectorAll('#timeline-head .head-cell')].map((cell) => cell.dataset.column);
        const labels = [...document.querySelectorAll('#timeline-head .head-cell')].map((cell) => cell.textContent);
        const rows = [...document.querySelectorAll('#timeline-rows .timeline-row.body')].filter((row) => !row.hidden)
          .map((row) => columns.map((column) => row.querySelector('[data-column=' + column + ']').textContent));
        return {labels, rows}; })()""")


def exported_rows(data):
    text = data.decode("utf-8")
    has_mark = text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    unneutralized = [[value[1:] if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r" else value for value in row]
                     for row in rows]
    return has_mark, unneutralized


def check_marks_and_export(session, checker, expected, url, downloads):
    """Marks kept over a reload; the exported CSV of the shown and of the marked rows equals the rows on screen."""
    narrow = expected.get("narrow")
    if narrow:
        type_query(session, narrow["query"])
    else:
        session.evaluate("document.getElementById('filter-clear').click()")
        session.evaluate("document.getElementById('filter-hits').click()")
    shown = shown_cells(session)
    count = shown_count(session)
    if count <= len(shown["rows"]):  # every row of the view is on screen
        session.evaluate("document.getElementById('export-shown').click()")
        data = read_download(downloads, "evtxcar-timeline-shown.csv")
        if checker.check(data is not None, "the shown rows are exported as a CSV file"):
            bom, rows = exported_rows(data)
            checker.check(bom, "the exported CSV begins with a byte-order mark")
            checker.equal(rows[0], shown["labels"], "the exported CSV's header is the shown columns")
            checker.equal([[as_shown_text(value) for value in row] for row in rows[1:]], shown["rows"],
                          "the exported CSV holds the rows on screen, as shown")
    # Marks: three rows, kept over a reload, exported alone.
    session.evaluate("document.getElementById('filter-clear').click()")
    marked = session.evaluate("""(() => { const rows = [...document.querySelectorAll('#timeline-rows .timeline-row.body')].filter((r) => !r.hidden).slice(1, 4);
        for (const row of rows) row.querySelector('.mark').click();
        return rows.map((row) => Number(row.dataset.entry)); })()""")
    checker.equal(int(session.evaluate("document.getElementById('timeline-count').dataset.marked")), len(marked), "rows marked")
    load(session, url)
    kept = session.evaluate("[...document.querySelectorAll('#timeline-rows .timeline-row.marked')].map((row) => Number(row.dataset.entry))")
    checker.equal(sorted(kept), sorted(marked), "marks survive a reload")
    session.evaluate("document.getElementById('filter-marked').click()")
    checker.equal(shown_count(session), len(marked), "marked only shows the marked rows")
    shown = shown_cells(session)
    session.evaluate("document.getElementById('export-marked').click()")
    data = read_download(downloads, "evtxcar-timeline-marked.csv")
    if checker.check(data is not None, "the marked rows are exported as a CSV file"):
        _, rows = exported_rows(data)
        checker.equal([[as_shown_text(value) for value in row] for row in rows[1:]], shown["rows"], "the exported CSV holds the marked rows")
    session.evaluate("document.getElementById('marks-clear').click()")
    checker.equal(int(session.evaluate("document.getElementById('timeline-count').dataset.marked")), 0, "marks cleared")
    session.evaluate("document.getElementById('filter-clear').click()")


def check_page_height(session, checker):
    """However many files, errors or groups: the page does not grow with them, the timeline is reachable."""
    height = session.evaluate("document.documentElement.scrollHeight")
    checker.check(height < 40000, "the page stays short enough to work in", "%d px" % height)


def check_literal_texts(session, checker, expected):
    if not expected.get("literal_texts"):
        return
    # The cards that show planted text: their groups opened, every page of cards drawn.
    open_all_groups_pages(session)
    groups = expected.get("literal_groups")
    session.evaluate("""((wanted) => {
        const open = (row) => {
          const toggle = row.querySelector('.group-toggle');
          if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
          const more = row.nextElementSibling.querySelector('.cards-more');
          while (more && !more.hidden) more.click(); };
        for (const row of document.querySelectorAll('table[data-table=detection_groups] tr.group')) {
          if (wanted === null || wanted.some(([analytic, host]) => analytic === row.dataset.analytic && host === row.dataset.host)) open(row);
        } })(%s)""" % json.dumps(groups))
    # Cards off screen are laid out only when scrolled to (content-visibility): for innerText, all of them now.
    page_text = squash(session.evaluate("""(() => {
        for (const node of document.querySelectorAll('.detection, .activity-host')) node.style.contentVisibility = 'visible';
        const text = document.querySelector('header').innerText + '\\n' + document.querySelector('main').innerText;
        for (const node of document.querySelectorAll('.detection, .activity-host')) node.style.contentVisibility = '';
        return text; })()"""))
    for text in expected["literal_texts"]:
        checker.check(squash(text) in page_text, "planted text shown literally", repr(text))
    raw_controls = session.evaluate(
        "(/[\\u202A-\\u202E\\u2066-\\u2069\\u2028]/).test(document.querySelector('main').innerText)")
    checker.check(not raw_controls, "no direction-changing character reaches the page's text")


def run_case(session, name, report, expected_path, out_dir, pdf, downloads):
    checker = Checker(name)
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    url, state, seconds = load(session, report)
    if not checker.equal(state, "ready", "page state after loading"):
        checker.failures.append("page text: " + squash(session.evaluate("document.body.innerText"))[:400])
        return checker
    print("%s: ready in %s ms" % (name, session.evaluate("document.body.dataset.readyMs")))
    check_page_behaviour(session, checker, url)
    check_page_height(session, checker)
    check_summary(session, checker, expected)
    check_levels(session, checker, expected)
    check_rules(session, checker, expected)
    check_detections(session, checker, expected)
    check_coverage(session, checker, expected)
    check_catalogue_coverage(session, checker, expected)
    check_row_cap(session, checker, expected)
    check_searches(session, checker, expected)
    check_queries(session, checker, expected)
    check_facets(session, checker, expected)
    check_sorting(session, checker)
    check_activity_click(session, checker, expected.get("capped", False), expected["facts"]["timeline_events"])
    check_details(session, checker, expected)
    check_sources(session, checker, expected)
    check_keyboard(session, checker)
    check_literal_texts(session, checker, expected)
    # Everything the scripted person did raised no error either.
    check_page_behaviour(session, checker, url)
    check_columns(session, checker, expected, url)
    check_marks_and_export(session, checker, expected, url, downloads)
    check_literal_texts(session, checker, expected)
    check_page_behaviour(session, checker, url)
    session.evaluate("window.scrollTo(0, 0)")
    shot = os.path.join(out_dir, name + ".png")
    session.screenshot(shot)
    # The sections that say where the analytics could look, as a window shows them.
    for section in ("detections", "coverage"):
        session.evaluate("document.getElementById('%s').scrollIntoView()" % section)
        session.pump(0.2)
        session.screenshot(os.path.join(out_dir, "%s-%s.png" % (name, section)), full_page=False)
    if pdf:
        session.print_pdf(os.path.join(out_dir, name + ".pdf"))
    print("%s: loaded in %.2f s, screenshot %s" % (name, seconds, shot))
    return checker


def run_cases(chromium, cases, out_dir):
    """cases: [(name, report.html, expected.json)]. Returns (checks passed, checks failed)."""
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    passed = 0
    downloads = os.path.join(out_dir, "downloads")
    os.makedirs(downloads, exist_ok=True)
    with ChromiumSession(chromium) as session:
        session.call("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        session.allow_downloads(downloads)
        # One printed copy is enough: of the demo evidence when it is checked.
        printed = "demo" if any(case[0] == "demo" for case in cases) else cases[0][0]
        for name, report, expected in cases:
            started = time.monotonic()
            try:
                checker = run_case(session, name, report, expected, out_dir, pdf=name == printed, downloads=downloads)
            except ProtocolError as error:
                checker = Checker(name)
                checker.failures.append("browser: %s; console: %s" % (error, session.console_errors))
            for failure in checker.failures:
                print("FAILED %s: %s" % (name, failure))
            print("%s: %d checks passed, %d failed (%.1f s)" % (name, checker.passed, len(checker.failures),
                                                               time.monotonic() - started))
            passed += checker.passed
            failed += len(checker.failures)
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", nargs=3, action="append", metavar=("NAME", "REPORT", "EXPECTED"), required=True)
    parser.add_argument("--out", required=True, help="folder for screenshots and PDFs")
    parser.add_argument("--chromium", help="Chromium executable (default: chromium on PATH)")
    args = parser.parse_args()
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("SKIP: no chromium installed (Debian package 'chromium')")
        return SKIP
    passed, failed = run_cases(chromium, args.case, args.out)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
