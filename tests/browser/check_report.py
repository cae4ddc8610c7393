#!/usr/bin/env python3
"""Checks report.html in headless Chromium, as a person would see it.

    check_report.py --case NAME REPORT_HTML EXPECTED_JSON [--case ...] --out DIR

EXPECTED_JSON says what the page must show, from a source other than the
report: the synthetic scan's own counts (write_synthetic_report), or a real
scan's summary.json and detections.csv (expected_from_scan.py). For each
case the page is loaded from its file, and:

- it becomes ready, with no console error, no uncaught exception, no
  JavaScript dialog, and no request for anything but the file itself;
- the summary numbers, the counts by object/action and by analytic, and the
  detection cards equal the expected ones;
- the Coverage section lists every host and analytic variant with the
  expected evaluable, events examined, detections and reason, not-evaluable
  rows stand out, and the Detections section says for each variant on how
  many hosts it could not look (or that coverage is empty);
- each detection's "Show in timeline" selects its event's row;
- scripted searches and host/event filters leave exactly the expected rows;
  clicking a bucket of the activity chart filters host and time;
- text planted by an attacker shows literally, and no markup or script from
  it exists in the page;
- a screenshot and a print (PDF) are saved in DIR.

Exits 0 when every check passed, 1 when one failed, 77 (skipped) when no
Chromium is installed.
"""

import argparse
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
    url = pathlib.Path(report_path).resolve().as_uri()
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
        rows = session.evaluate("""[...document.querySelectorAll('table[data-table=%s] tbody tr')]
            .map((row) => [row.cells[0].textContent, row.cells[1].textContent])""" % table)
        checker.equal(sorted((name, number(count)) for name, count in rows),
                      sorted((name, count) for name, count in expected[table]), "summary table " + table)


def check_detections(session, checker, expected):
    cards = session.evaluate("""[...document.querySelectorAll('article.detection')].map((card) => ({
        time: card.querySelector('.det-time').textContent,
        host: card.querySelector('.det-host').textContent,
        analytic: card.querySelector('.det-analytic').textContent.split(' ')[0],
        variant: card.querySelector('.det-variant').textContent,
        file: card.querySelector('.det-file').textContent,
        record_id: card.querySelector('.det-record').textContent.replace(/^record /, ''),
        jump: Boolean(card.querySelector('.det-jump'))}))""")
    wanted = [dict(d) for d in expected["detections"]]
    shown = [{k: v for k, v in card.items() if k != "jump"} for card in cards]
    checker.equal(len(shown), len(wanted), "number of detection cards")
    for index, (card, want) in enumerate(zip(shown, wanted)):
        checker.equal(card, want, "detection %d" % index)
    # Every detection's link selects its event in the timeline (at most 12 tried).
    step = max(1, len(cards) // 12)
    for index in range(0, len(cards), step):
        if not checker.check(cards[index]["jump"], "detection %d has a timeline link" % index):
            continue
        session.evaluate("document.querySelectorAll('article.detection')[%d].querySelector('.det-jump').click()" % index)
        row = session.evaluate("""(() => { const row = document.querySelector('#timeline-rows .timeline-row.selected');
            return row && !row.hidden ? {time: row.querySelector('[data-column=time]').textContent,
                                         source: row.querySelector('[data-column=source]').textContent} : null; })()""")
        if checker.check(row is not None, "detection %d: a selected, visible timeline row" % index):
            checker.equal(row["time"], cards[index]["time"], "detection %d: time of the row it jumps to" % index)
            checker.check(row["source"].startswith("#" + cards[index]["record_id"] + " "),
                          "detection %d: record of the row it jumps to" % index, row["source"])
    session.evaluate("document.getElementById('filter-clear').click()")


def hosts_phrase(hosts, not_evaluable):
    """How the page words where a variant could look, counted from the expected rows."""
    if not_evaluable == 0:
        return "Evaluable on its 1 host" if hosts == 1 else "Evaluable on all {:,} hosts".format(hosts)
    if not_evaluable == hosts:
        return "Not evaluable on its 1 host" if hosts == 1 else "Not evaluable on any of the {:,} hosts".format(hosts)
    return "Not evaluable on {:,} of {:,} hosts".format(not_evaluable, hosts)


def check_coverage(session, checker, expected):
    """The Coverage section and the Detections section's status lines against summary.json's coverage."""
    if not checker.check("coverage" in expected, "expected values include coverage"):
        return
    wanted = expected["coverage"]
    shown = session.evaluate("""(() => {
        const section = document.getElementById('coverage');
        if (!section) return null;
        return {
          visible: section.getBoundingClientRect().height > 0,
          empty: Boolean(section.querySelector('[data-coverage=empty]')),
          statusEmpty: Boolean(document.querySelector('#detections-body [data-coverage=empty]')),
          status: [...document.querySelectorAll('#detections-body .coverage-status li')]
            .map((item) => [item.dataset.key, item.textContent]),
          groups: [...section.querySelectorAll('.coverage-group')].map((group) => ({
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
            if search["text"]:
                checker.check(search["text"].lower() in row["text"].lower() or search["host"],
                              label + ": visible row contains the text", row["text"][:120])
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


def check_literal_texts(session, checker, expected):
    if not expected.get("literal_texts"):
        return
    page_text = squash(session.evaluate(
        "document.querySelector('header').innerText + '\\n' + document.querySelector('main').innerText"))
    for text in expected["literal_texts"]:
        checker.check(squash(text) in page_text, "planted text shown literally", repr(text))
    raw_controls = session.evaluate(
        "(/[\\u202A-\\u202E\\u2066-\\u2069\\u2028]/).test(document.querySelector('main').innerText)")
    checker.check(not raw_controls, "no direction-changing character reaches the page's text")


def run_case(session, name, report, expected_path, out_dir, pdf):
    checker = Checker(name)
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    url, state, seconds = load(session, report)
    if not checker.equal(state, "ready", "page state after loading"):
        checker.failures.append("page text: " + squash(session.evaluate("document.body.innerText"))[:400])
        return checker
    check_page_behaviour(session, checker, url)
    check_summary(session, checker, expected)
    check_detections(session, checker, expected)
    check_coverage(session, checker, expected)
    check_row_cap(session, checker, expected)
    check_searches(session, checker, expected)
    check_sorting(session, checker)
    check_activity_click(session, checker, expected.get("capped", False), expected["facts"]["timeline_events"])
    check_literal_texts(session, checker, expected)
    # Everything the scripted person did raised no error either.
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
    with ChromiumSession(chromium) as session:
        session.call("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        # One printed copy is enough: of the demo evidence when it is checked.
        printed = "demo" if any(case[0] == "demo" for case in cases) else cases[0][0]
        for name, report, expected in cases:
            started = time.monotonic()
            try:
                checker = run_case(session, name, report, expected, out_dir, pdf=name == printed)
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
