"""A recording HTTP proxy on loopback, so tests see every request a page causes.

Playwright does not report requests made from sandboxed srcdoc frames; a proxy sees
them all. Requests to loopback are forwarded; anything else is recorded and refused.
"""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost")
# Chromium's own background connections, not the page's.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com")


class RecordingProxy(ThreadingHTTPServer):
    """The proxy server; `seen` lists "METHOD url" of every request, in order."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[str] = []
        self.lock = threading.Lock()

    def record(self, line: str) -> None:
        with self.lock:
            self.seen.append(line)

    def page_hosts(self) -> set[str]:
        """Return the hosts requested, leaving out Chromium's own background hosts."""
        hosts = set()
        for line in list(self.seen):
            target = line.split(" ", 1)[1]
            host = (urlsplit(target).hostname if "://" in target else target).split(
                ":"
            )[0]
            if not host.endswith(BROWSER_HOSTS):
                hosts.add(host)
        return hosts


class _Handler(BaseHTTPRequestHandler):
    server: RecordingProxy

    def log_message(self, *args) -> None:
        """Stay quiet."""

    def do_CONNECT(self) -> None:
        self.server.record(f"CONNECT {self.path}")
        self.send_error(502, "refused by the test proxy")

    def _forward(self) -> None:
        self.server.record(f"{self.command} {self.path}")
        target = urlsplit(self.path)
        if target.hostname not in LOOPBACK:
            self.send_error(502, "refused by the test proxy")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        connection = http.client.HTTPConnection(
            target.hostname, target.port, timeout=30
        )
        path = target.path + (f"?{target.query}" if target.query else "")
        headers = {
            k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"
        }
        connection.request(self.command, path or "/", body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in (
                "transfer-encoding",
                "connection",
                "content-length",
            ):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)
        connection.close()

    do_GET = do_POST = do_HEAD = _forward
