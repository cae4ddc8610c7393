"""A headless Chromium page driven over the DevTools protocol.

Chromium is started with --remote-debugging-pipe: it reads protocol
messages from file descriptor 3 and writes them to file descriptor 4, each
ending with a NUL byte. Only the Python standard library is needed.

Everything the page does that a test may want to know is recorded while
waiting: console errors, uncaught exceptions, JavaScript dialogs (which are
dismissed), and every network request.
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

SKIP = 77  # CTest SKIP_RETURN_CODE

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",  # containers often have a small /dev/shm
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find_chromium(explicit=None):
    for candidate in [explicit, os.environ.get("EVTXCAR_CHROMIUM"), "chromium", "chromium-browser"]:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


class ProtocolError(Exception):
    pass


class ChromiumSession:
    def __init__(self, chromium, width=1400, height=1000):
        self.width = width
        self.height = height
        self.user_data_dir = tempfile.mkdtemp(prefix="evtxcar-chromium-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def wire_pipes():  # in the child: the pipes become fds 3 and 4
            a = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + self.user_data_dir,
             "--window-size=%d,%d" % (width, height), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, pass_fds=(3, 4))
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []          # every protocol event received, in order
        self.console_errors = []  # console.error/assert, uncaught exceptions, error log entries
        self.dialogs = []         # JavaScript dialogs the page opened
        self.requests = []        # URLs the page asked for
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    # --- protocol
    def _send(self, message):
        os.write(self._commands, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProtocolError("Chromium did not answer in time")
            ready, _, _ = select.select([self._replies], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise ProtocolError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _record(self, message):
        method = message.get("method")
        params = message.get("params", {})
        self.events.append(message)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            texts = [str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])]
            self.console_errors.append("console." + params["type"] + ": " + " ".join(texts))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exception = details.get("exception", {})
            self.console_errors.append("exception: " + str(exception.get("description", details.get("text"))))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.console_errors.append("log (%s): %s" % (entry.get("source"), entry.get("text")))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("type", "") + ": " + params.get("message", ""))
            self._send({"id": self._take_id(), "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": False}, "sessionId": self.session})
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))

    def _take_id(self):
        self._next_id += 1
        return self._next_id

    def _call(self, method, params=None, session=None, timeout=30):
        call_id = self._take_id()
        message = {"id": call_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == call_id:
                if "error" in reply:
                    raise ProtocolError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self._record(reply)

    def call(self, method, params=None, timeout=30):
        return self._call(method, params, self.session, timeout)

    def pump(self, seconds):
        """Receives events for a while (e.g. to let timers in the page run)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._record(self._receive(deadline))
            except ProtocolError as error:
                if "in time" in str(error):
                    return
                raise

    # --- page
    def evaluate(self, expression, timeout=30):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout)
        if "exceptionDetails" in result:
            raise ProtocolError("evaluation failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result.get("result", {}).get("value")

    def navigate(self, url, timeout=60):
        """Loads url; returns when its load event fired."""
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if "method" in message:
                self._record(message)
                if message["method"] == "Page.loadEventFired":
                    return

    def wait_until(self, expression, timeout=30, interval=0.05):
        """Polls a JavaScript expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise ProtocolError("timed out waiting for: " + expression)
            self.pump(interval)

    def type_text(self, text):
        """Types into the focused element, as a keyboard would."""
        self.call("Input.insertText", {"text": text})

    # Keys as Input.dispatchKeyEvent wants them: key, code, Windows virtual key code.
    KEYS = {"ArrowDown": ("ArrowDown", 40), "ArrowUp": ("ArrowUp", 38), "PageDown": ("PageDown", 34),
            "PageUp": ("PageUp", 33), "Home": ("Home", 36), "End": ("End", 35), "m": ("KeyM", 77), "/": ("Slash", 191)}

    def press_key(self, key):
        """Presses and releases a key on the focused element."""
        code, virtual = self.KEYS[key]
        common = {"key": key, "code": code, "windowsVirtualKeyCode": virtual, "nativeVirtualKeyCode": virtual}
        if len(key) == 1:
            self.call("Input.dispatchKeyEvent", dict(common, type="keyDown", text=key))
        else:
            self.call("Input.dispatchKeyEvent", dict(common, type="rawKeyDown"))
        self.call("Input.dispatchKeyEvent", dict(common, type="keyUp"))

    def drag(self, x, y, to_x, to_y, steps=5):
        """Presses the left mouse button at (x, y), moves to (to_x, to_y), releases."""
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        self.call("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
        for step in range(1, steps + 1):
            self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + (to_x - x) * step / steps,
                                                   "y": y + (to_y - y) * step / steps, "button": "left", "buttons": 1})
        self.call("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": to_x, "y": to_y, "button": "left", "clickCount": 1})

    def allow_downloads(self, folder):
        """Downloads the page starts are saved into `folder` (under the names the page gives them)."""
        self._call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder, "eventsEnabled": True})

    def screenshot(self, path, full_page=True):
        """Saves a PNG. full_page: the window is made as tall as the page
        (up to 16,000 px) first, so that everything is drawn as on screen."""
        if full_page:
            height = 0
            for _ in range(3):  # a taller window can make the page taller (vh units)
                metrics = self.call("Page.getLayoutMetrics")
                size = metrics.get("cssContentSize") or metrics["contentSize"]
                wanted = int(min(size["height"], 16000))
                if wanted == height:
                    break
                height = wanted
                self.call("Emulation.setDeviceMetricsOverride",
                          {"width": self.width, "height": height, "deviceScaleFactor": 1, "mobile": False})
                self.pump(0.2)
        data = self.call("Page.captureScreenshot", {"format": "png"}, timeout=60)["data"]
        if full_page:
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def print_pdf(self, path):
        data = self.call("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": False}, timeout=60)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        try:
            self._call("Browser.close", timeout=10)
        except (ProtocolError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.user_data_dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
