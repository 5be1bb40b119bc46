#!/usr/bin/env python3
"""Live preview benchmark (issue 6): how long after saving one page of a
1,000-page site `camnang serve` has rebuilt it and told the browser to reload.

Usage: bench/serve.py [--pages 1000] [--edits 15] [--jar target/camnang.jar]

Method: generates the pages with bench/gen_pages.py (seed 1) into a temp dir,
starts `java -jar camnang.jar serve --port 0` on them (no JVM flags: serve runs
in the JVM staff start), waits for the first build and its search index, opens
the server-sent event stream as the browser's reload script does, then edits
one page at a time (a sentence appended; the pages change in turn). For each
edit it measures, from just before the file is written:
  reload: until the server sends `event: reload` (the pages are rebuilt and
          written; this is when an open tab reloads);
  served: until a GET of the edited page returns the new sentence;
  search: until serve reports the search index up to date (it works in the
          background after the reload; the next edit waits for it, so every
          edit is measured on an otherwise idle server).
Prints each edit and the medians. Wall-clock times, machine not otherwise
quiesced: run it when the machine is idle and take the median.
"""
import argparse
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--jar", default=os.path.join(os.path.dirname(HERE), "target", "camnang.jar"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="camnang-serve-bench-")
    try:
        src = os.path.join(tmp, "pages")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_pages.py"), str(a.pages), src, "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)
        pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs
                       if f.endswith(".md") and not f.startswith("_index"))
        env = {k: v for k, v in os.environ.items() if k not in ("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")}
        proc = subprocess.Popen(["java", "-jar", a.jar, "serve", "--source", src, "--out", os.path.join(tmp, "out"),
                                 "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put((time.monotonic(), l.rstrip("\n"))) for l in proc.stdout],
                         daemon=True).start()
        t_start = time.monotonic()
        base = None
        while base is None:
            _, l = lines.get(timeout=300)
            print("  serve:", l)
            m = re.search(r"(http://127\.0\.0\.1:\d+/)", l)
            if m:
                base = m.group(1)
        wait_for(lines, "Chỉ mục tìm kiếm đã cập nhật")
        print(f"first build and search index: {time.monotonic() - t_start:.2f} s")
        events = queue.Queue()

        def listen():
            with urllib.request.urlopen(base + "__camnang/events") as r:
                for raw in r:
                    if raw.decode().strip() == "event: reload":
                        events.put(time.monotonic())
        threading.Thread(target=listen, daemon=True).start()
        time.sleep(0.5)
        reload, served, search = [], [], []
        for i in range(a.edits):
            page = pages[(i * 37) % len(pages)]
            url = base + os.path.relpath(page, src)[:-3] + ".html"
            sentence = f"Câu sửa số {i} của phép đo."
            with open(page, encoding="utf-8") as f:
                text = f.read()
            while not lines.empty():
                lines.get()
            t0 = time.monotonic()
            with open(page, "w", encoding="utf-8") as f:
                f.write(text + "\n" + sentence + "\n")
            t1 = events.get(timeout=60)
            body = urllib.request.urlopen(url).read().decode()
            t2 = time.monotonic()
            if sentence not in body:
                sys.exit(f"edit {i}: the served page {url} lacks the new sentence")
            t3 = wait_for(lines, "Chỉ mục tìm kiếm đã cập nhật")
            reload.append(t1 - t0)
            served.append(t2 - t0)
            search.append(t3 - t0)
            print(f"edit {i:2d}: reload {1000 * (t1 - t0):6.0f} ms  served {1000 * (t2 - t0):6.0f} ms"
                  f"  search {1000 * (t3 - t0):6.0f} ms  ({os.path.relpath(page, src)})")
        proc.terminate()
        proc.wait(timeout=30)
        print(f"median of {a.edits} edits on {a.pages} pages: reload {1000 * statistics.median(reload):.0f} ms, "
              f"served {1000 * statistics.median(served):.0f} ms, search {1000 * statistics.median(search):.0f} ms; "
              f"reload min {1000 * min(reload):.0f} ms, max {1000 * max(reload):.0f} ms")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def wait_for(lines, text):
    while True:
        t, l = lines.get(timeout=300)
        if text in l:
            return t


if __name__ == "__main__":
    main()
