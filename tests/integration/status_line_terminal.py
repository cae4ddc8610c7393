#!/usr/bin/env python3
"""The JSON status line goes to stdout when stdout is not a terminal, or with
--json-status; not when stdout is a terminal (a person reads stderr's
summary there), nor with --no-json-status. A terminal is a pseudo-terminal
here.

usage: status_line_terminal.py EVTXCAR_BINARY SOURCE_DIR"""
import json
import os
import pty
import subprocess
import sys
import tempfile
from pathlib import Path

binary, source = sys.argv[1], Path(sys.argv[2])
demo = str(source / "testdata" / "demo")


def run_on_terminal(arguments):
    """stdout on a pseudo-terminal; returns (exit status, what reached the terminal)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([binary, *arguments], stdout=terminal, stderr=subprocess.DEVNULL)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    return process.wait(), seen.decode("utf-8")


with tempfile.TemporaryDirectory() as work:
    status, seen = run_on_terminal(["scan", demo, "-o", os.path.join(work, "a"), "--no-html"])
    assert status == 0, status
    assert seen == "", repr(seen)

    status, seen = run_on_terminal(["scan", demo, "-o", os.path.join(work, "b"), "--no-html", "--json-status"])
    assert status == 0, status
    line = json.loads(seen.strip())
    assert line["status"] == "complete" and line["exit"] == 0, line

    piped = subprocess.run([binary, "scan", demo, "-o", os.path.join(work, "c"), "--no-html"], capture_output=True)
    lines = piped.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["status"] == "complete", lines

    piped = subprocess.run([binary, "scan", demo, "-o", os.path.join(work, "d"), "--no-html", "--no-json-status"],
                           capture_output=True)
    assert piped.returncode == 0 and piped.stdout == b"", piped.stdout

print("status line: on stdout when it is not a terminal or with --json-status, else not")
