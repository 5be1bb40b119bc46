#!/usr/bin/env python3
"""A plain static file server that logs the bytes of every response.

Usage: search_server.py SITE_DIR [--port 0] [--log FILE] [--bench-dir DIR]

Like ``python3 -m http.server``: no compression, no caching headers beyond
Last-Modified, HTTP/1.0 (one connection per request), files served as they
are on disk. Many portals serve static files this way. Two additions for the
search benchmark (bench/search.sh, bench/search_bytes.py):

* every request is logged as one JSON line (path, status, body bytes, header
  bytes) to the log file, in the order the requests arrive;
* paths under ``/__bench/`` are served from the harness folder (default: this
  script's folder) and never counted: ``/__bench/mark?NAME`` only writes a
  mark into the log (the harness calls it between phases, so that the bytes
  of each phase are the requests logged between two marks), and a POST to
  ``/__bench/result`` stores the harness's JSON report in ``result.json``
  beside the log.

Requests are logged when they arrive, before the body is sent: a request
made during a phase is always logged before the mark that ends the phase,
because the harness awaits every response of a phase before it calls mark.
"""

import argparse
import email.utils
import json
import mimetypes
import os
import posixpath
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BENCH_PREFIX = "/__bench/"

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, addr, site, bench_dir, log_path):
        super().__init__(addr, Handler)
        self.site = os.path.realpath(site)
        self.bench_dir = os.path.realpath(bench_dir)
        self.log_path = log_path
        self.lock = threading.Lock()
        self.result_event = threading.Event()
        self.log_file = open(log_path, "a", encoding="utf-8")

    def log_line(self, obj):
        with self.lock:
            self.log_file.write(json.dumps(obj, ensure_ascii=False) + "\n")
            self.log_file.flush()


class Handler(BaseHTTPRequestHandler):
    server_version = "bench-static/1"
    sys_version = ""

    def log_message(self, fmt, *args):  # quiet: the JSON log is the record
        pass

    def resolve(self, root, rel):
        rel = posixpath.normpath(urllib.parse.unquote(rel))
        parts = [p for p in rel.split("/") if p and p not in (".", "..")]
        path = os.path.realpath(os.path.join(root, *parts))
        if path != root and not path.startswith(root + os.sep):
            return None
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        return path if os.path.isfile(path) else None

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if url.path == BENCH_PREFIX + "result":
            out = os.path.join(os.path.dirname(self.server.log_path) or ".", "result.json")
            with open(out, "wb") as f:
                f.write(body)
            self.server.log_line({"mark": "result"})
            self.server.result_event.set()
            self.send_response(204)
            self.end_headers()
        else:
            self.send_error(404)

    def do_GET(self):
        self.serve(head=False)

    def do_HEAD(self):
        self.serve(head=True)

    def serve(self, head):
        url = urllib.parse.urlsplit(self.path)
        bench = url.path.startswith(BENCH_PREFIX)
        if url.path == BENCH_PREFIX + "mark":
            self.server.log_line({"mark": urllib.parse.unquote(url.query)})
            self.send_response(204)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        if bench:
            path = self.resolve(self.server.bench_dir, url.path[len(BENCH_PREFIX):])
        else:
            path = self.resolve(self.server.site, url.path)
        if path is None:
            if not bench:
                self.server.log_line({"path": url.path, "status": 404, "body": 0, "headers": 0})
            self.send_error(404)
            return
        size = os.path.getsize(path)
        ext = os.path.splitext(path)[1].lower()
        ctype = TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(size))
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        if bench:
            self.send_header("Cache-Control", "no-store")
        header_bytes = sum(len(h) for h in getattr(self, "_headers_buffer", [])) + 2
        if not bench:
            self.server.log_line({"path": url.path, "status": 200, "body": 0 if head else size,
                                  "headers": header_bytes})
        self.end_headers()
        if not head:
            with open(path, "rb") as f:
                while True:
                    chunk = f.read(1 << 16)
                    if not chunk:
                        break
                    self.wfile.write(chunk)


def start(site, log_path, bench_dir=None, port=0):
    """Starts a server on 127.0.0.1 in a daemon thread; returns it (server.server_port)."""
    bench_dir = bench_dir or os.path.dirname(os.path.abspath(__file__))
    srv = Server(("127.0.0.1", port), site, bench_dir, log_path)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--log", default="requests.jsonl")
    ap.add_argument("--bench-dir", default=None)
    a = ap.parse_args()
    srv = start(a.site, a.log, a.bench_dir, a.port)
    print("serving %s at http://127.0.0.1:%d/ (log: %s)" % (a.site, srv.server_port, a.log), file=sys.stderr)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
