#!/usr/bin/env python3
"""Benchmark of report.html: file size and time until it is interactive.

    html_report_bench.py --synthetic-report build/tests/evtxcar_synthetic_report \
        [--events 200000] [--runs 3] [--out build/bench-html]
    html_report_bench.py --report REPORT.html [--report ...] [--runs 3]

For each size (an empty report as the baseline, a tenth of --events, and
--events), writes the report of a synthetic scan (tests/reports/
synthetic_scan.hpp: Sysmon-like events of a few hosts, unique command
lines, GUIDs, pids and ports, repeating images, users and hashes), then
loads it --runs times in one headless Chromium and takes the median of:

- file read: when the browser had read the whole file (responseEnd);
- ready: when the page's script had built the page and drawn the first
  timeline rows (performance.now(), from navigation start);
- load event: when the page was laid out and its load event done: from
  here on it answers clicks and keys (loadEventEnd);
- wall: from Page.navigate until the page said it was ready, seen from
  outside (includes the polling interval of 20 ms);
- search: typing a word until the timeline shows its rows (the 150 ms
  the page waits after the last key press not counted), once the page has
  prepared its search (it does so when idle after loading); *field search*:
  the same for `exe:cmstp.exe`; *regex*: for `/cmstp\.exe$/`, which reads
  every value of every row;
- scroll: jumping to the middle of the timeline until its rows are drawn.

Prints a Markdown table for docs/benchmarks.md. Bytes beyond the raw field
text: (report size - UTF-8 bytes of every field value) / events.

With --report, loads reports already written (e.g. by `evtxcar scan` of a
collection) and gives their size, ready, load event, the page's height and
how far down the timeline begins.
Not a test: it asserts nothing.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from chromium_session import ChromiumSession, find_chromium  # noqa: E402

SEARCH = """new Promise((resolve) => {
  const line = document.getElementById('timeline-count');
  const input = document.getElementById('filter-text');
  let typed = 0;
  new MutationObserver((records, observer) => {  // the count is rewritten once the search is done
    observer.disconnect();
    resolve(performance.now() - typed - 150);
  }).observe(line, {attributes: true});
  input.value = %s;
  typed = performance.now();
  input.dispatchEvent(new Event('input', {bubbles: true}));
})"""

SCROLL = """new Promise((resolve) => {
  const viewport = document.getElementById('timeline-viewport');
  const started = performance.now();
  viewport.scrollTop = viewport.scrollHeight / 2;
  viewport.dispatchEvent(new Event('scroll'));
  requestAnimationFrame(() => resolve(performance.now() - started));
})"""


def clear_filters(session):
    session.evaluate("document.getElementById('filter-clear').click()")


def measure(session, report):
    session.navigate("about:blank")  # the previous report's teardown is not timed
    url = "file://" + os.path.abspath(report)
    started = time.monotonic()
    session.navigate(url)
    session.wait_until("document.body && document.body.dataset.state === 'ready'", timeout=120, interval=0.02)
    wall = time.monotonic() - started
    timing = session.evaluate("""(() => { const navigation = performance.getEntriesByType('navigation')[0];
        return {read: navigation.responseEnd, ready: Number(document.body.dataset.readyMs),
                loaded: navigation.loadEventEnd}; })()""")
    session.wait_until("performance.getEntriesByName('evtxcar:search-prepared').length > 0", timeout=60)
    search = float(session.evaluate(SEARCH % '"cmstp"')) / 1000
    clear_filters(session)
    field_search = float(session.evaluate(SEARCH % '"exe:cmstp.exe"')) / 1000
    clear_filters(session)
    regex = float(session.evaluate(SEARCH % json.dumps("/cmstp\\.exe$/"))) / 1000
    clear_filters(session)
    scroll = float(session.evaluate(SCROLL)) / 1000
    if session.console_errors:
        raise RuntimeError("console errors: %s" % session.console_errors)
    return timing["read"] / 1000, timing["ready"] / 1000, timing["loaded"] / 1000, wall, search, field_search, regex, scroll


def write_report(generator, folder, events, options):
    """Returns the report's size, the raw field text, the writer's seconds and peak RSS (KiB)."""
    child = subprocess.Popen([generator, folder, "--events", str(events), *options], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError("%s failed" % generator)
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    size = os.path.getsize(os.path.join(folder, "report.html"))
    return size, expected["field_text_bytes"], expected["write_seconds"], usage.ru_maxrss


def measure_reports(chromium, reports, runs):
    print("| report | size | ready | load event | page height | timeline begins at |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with ChromiumSession(chromium) as session:
        for report in reports:
            measured = []
            for _ in range(runs):
                session.navigate("about:blank")
                session.navigate("file://" + os.path.abspath(report))
                session.wait_until("document.body && document.body.dataset.state === 'ready'", timeout=120, interval=0.02)
                measured.append(session.evaluate("""(() => { const navigation = performance.getEntriesByType('navigation')[0];
                    return [Number(document.body.dataset.readyMs), navigation.loadEventEnd,
                            document.documentElement.scrollHeight,
                            document.getElementById('timeline').getBoundingClientRect().top + window.scrollY]; })()"""))
            ready, loaded, height, timeline = [statistics.median(values) for values in zip(*measured)]
            print("| {} | {:,} B | {:.2f} s | {:.2f} s | {:,} px | {:,} px |".format(
                report, os.path.getsize(report), ready / 1000, loaded / 1000, int(height), int(timeline)))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic-report")
    parser.add_argument("--report", action="append", help="a report.html to measure (repeatable)")
    parser.add_argument("--events", type=int, default=200000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="build/bench-html")
    parser.add_argument("--chromium")
    args = parser.parse_args()
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("no chromium installed", file=sys.stderr)
        return 1
    if args.report:
        return measure_reports(chromium, args.report, args.runs)
    if not args.synthetic_report:
        parser.error("--synthetic-report or --report is needed")
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    rows = []
    empty_size = None
    sizes = [(0, [], ""), (args.events // 10, [], ""), (args.events, [], ""),
             (args.events, ["--unique-values"], " (every value unique)")]
    with ChromiumSession(chromium) as session:
        for events, options, label in sizes:
            folder = os.path.join(args.out, "events-%d%s" % (events, "-unique" if options else ""))
            size, raw, write_seconds, peak_kib = write_report(args.synthetic_report, folder, events, options)
            if events == 0:
                empty_size = size
            runs = [measure(session, os.path.join(folder, "report.html")) for _ in range(args.runs)]
            medians = [statistics.median(values) for values in zip(*runs)]
            rows.append((events, label, size, raw, write_seconds, peak_kib, *medians))

    print("Machine: %s, %d cores; %s; median of %d loads each.\n" % (platform.platform(), os.cpu_count(), version, args.runs))
    print("| events | report.html | raw field text | bytes/event beyond raw text (less the empty page) "
          "| write | writer peak RSS | file read | ready | load event | wall | search | field search | regex | scroll |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for events, label, size, raw, write_seconds, peak_kib, read, ready, loaded, wall, search, field_search, regex, scroll in rows:
        per_event = "%.1f (%.1f)" % ((size - raw) / events, (size - raw - empty_size) / events) if events else "-"
        print("| {:,}{} | {:,} B | {:,} B | {} | {:.2f} s | {:,} MiB | {:.2f} s | {:.2f} s | {:.2f} s | {:.2f} s "
              "| {:.3f} s | {:.3f} s | {:.3f} s | {:.3f} s |".format(events, label, size, raw, per_event, write_seconds,
                                                                    peak_kib // 1024, read, ready, loaded, wall, search,
                                                                    field_search, regex, scroll))
    return 0


if __name__ == "__main__":
    sys.exit(main())
