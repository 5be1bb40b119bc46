#!/usr/bin/env python3
"""Bytes per query of a static-site search client, in real headless Chromium.

Usage:
  search_bytes.py --site DIR --engine camnang|pagefind --label NAME \\
      [--pair 'Q1|Q2' ...] [--reps 10] [--json OUT.jsonl] [--work DIR]

For each pair of queries: serves DIR with bench/search_server.py (plain
static files, no compression, every request logged), starts a fresh headless
Chromium (new profile, so nothing is cached) on bench/search_harness.html,
which loads the engine's client, runs Q1 and loads the top 10 results'
fragments ("first query"), then Q2 in the same page ("second query", caches
warm), then repeats Q1 and Q2 `reps` times with everything cached and times
them with performance.now(). The server's log gives the bytes of each phase;
the harness's own requests are not counted.

Prints one Markdown table row per pair and appends one JSON object per pair
to --json. Exit status 1 if any pair failed (the row says why).
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_server  # noqa: E402

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps"]


def chromium_binary():
    for b in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.access(b, os.X_OK):
            return b
    sys.exit("error: Chromium not found; install it with: apt-get install -y chromium")


def category(engine, path):
    """What a requested file is, for the breakdown: script, manifest, chunks, fragments, other."""
    name = path.rsplit("/", 1)[-1]
    if engine == "pagefind":
        if "/pagefind/" not in path:
            return "other"
        if name.endswith(".js") or name.endswith(".pagefind"):  # loader and WebAssembly engine
            return "script"
        if name.endswith(".json") or name.endswith(".pf_meta"):
            return "manifest"
        if name.endswith(".pf_fragment"):
            return "fragments"
        return "chunks"  # .pf_index, .pf_filter
    # camnang (camnang.search.Shards): search/camnang.js, search/manifest.js, then under
    # search/<hash>/: w/ and b/ dictionary chunks, p/ postings blocks, f/ fragments, t.js
    # (the page table, read only to filter)
    if "/search/" not in path or "/search/lucene/" in path:
        return "other"
    if name == "camnang.js":
        return "script"
    if name == "manifest.js":
        return "manifest"
    parts = path.split("/search/", 1)[1].split("/")
    if len(parts) >= 3 and parts[1] in ("w", "b", "p"):
        return "chunks"
    if len(parts) >= 3 and parts[1] == "f":
        return "fragments"
    return "other"


CATEGORIES = ("script", "manifest", "chunks", "fragments", "other")


def phases(log_path, engine):
    """{phase: {"requests": [...], "bytes": n, "headers": n, "by": {category: bytes}}} from the server log."""
    out = {}
    current = "before"
    with open(log_path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if "mark" in e:
                current = e["mark"]
                continue
            if e["path"] == "/favicon.ico":
                continue
            ph = out.setdefault(current, {"requests": [], "bytes": 0, "headers": 0, "errors": 0,
                                          "by": {c: 0 for c in CATEGORIES}})
            ph["requests"].append([e["path"], e["status"], e["body"]])
            ph["bytes"] += e["body"]
            ph["headers"] += e["headers"]
            if e["status"] != 200:
                ph["errors"] += 1
            ph["by"][category(engine, e["path"])] += e["body"]
    return out


def run_pair(args, q1, q2, work):
    os.makedirs(work, exist_ok=True)
    log = os.path.join(work, "requests.jsonl")
    for f in (log, os.path.join(work, "result.json")):
        if os.path.exists(f):
            os.remove(f)
    srv = search_server.start(args.site, log)
    profile = tempfile.mkdtemp(prefix="profile-", dir=work)
    query = urllib.parse.urlencode({"engine": args.engine, "q1": q1, "q2": q2, "reps": args.reps, "base": "/"})
    url = "http://127.0.0.1:%d/__bench/search_harness.html?%s" % (srv.server_port, query)
    with open(os.path.join(work, "chromium.log"), "wb") as clog:
        proc = subprocess.Popen([chromium_binary()] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, url],
                                stdout=clog, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        ok = srv.result_event.wait(args.timeout)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        srv.shutdown()
        srv.server_close()
        srv.log_file.close()
        shutil.rmtree(profile, ignore_errors=True)
    if not ok:
        return {"q1": q1, "q2": q2, "error": "no result from the harness within %d s" % args.timeout}
    with open(os.path.join(work, "result.json"), encoding="utf-8") as f:
        result = json.load(f)
    result["phases"] = phases(log, args.engine)
    return result


def kb(n):
    return "%.1f" % (n / 1000.0)


def summarize(r):
    ph = r.get("phases", {})
    empty = {"bytes": 0, "requests": [], "by": {c: 0 for c in CATEGORIES}, "headers": 0, "errors": 0}
    first, second, repeat = (ph.get(k, empty) for k in ("first", "second", "repeat"))
    reps = r.get("repeat") or {}
    times = (reps.get("q1") or []) + (reps.get("q2") or [])
    return {
        "first_bytes": first["bytes"], "first_requests": len(first["requests"]),
        "first_by": first["by"], "first_headers": first["headers"],
        "second_bytes": second["bytes"], "second_requests": len(second["requests"]),
        "second_by": second["by"],
        "repeat_bytes": repeat["bytes"],
        "errors": first["errors"] + second["errors"] + repeat["errors"],
        "first_ms": (r.get("first") or {}).get("ms"), "second_ms": (r.get("second") or {}).get("ms"),
        "cached_median_ms": statistics.median(times) if times else None,
        "cached_max_ms": max(times) if times else None,
        "count1": (r.get("first") or {}).get("count"), "count2": (r.get("second") or {}).get("count"),
    }


def row(label, engine, r):
    if r.get("error"):
        return "| %s | %s | `%s` → `%s` | error: %s |" % (label, engine, r["q1"], r["q2"],
                                                          r["error"].splitlines()[0][:200])
    s = summarize(r)
    by = s["first_by"]
    return ("| %s | %s | `%s` → `%s` | %s | %s (%d) | %s | %s | %s | %s | %s (%d) | %s | %.0f / %.0f | %.1f (max %.1f) |" % (
        label, engine, r["q1"], r["q2"], "%s / %s" % (s["count1"], s["count2"]),
        kb(s["first_bytes"]), s["first_requests"],
        kb(by["script"]), kb(by["manifest"]), kb(by["chunks"]), kb(by["fragments"]),
        kb(s["second_bytes"]), s["second_requests"], kb(s["repeat_bytes"]),
        s["first_ms"] or 0, s["second_ms"] or 0, s["cached_median_ms"] or 0, s["cached_max_ms"] or 0))


HEADER = ("| site | engine | queries: first → second | results | first query KB (requests) | script KB | "
          "manifest KB | chunks KB | fragments KB | second query KB (requests) | repeats KB | "
          "first / second ms | cached query ms, median (max) |\n"
          "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", required=True)
    ap.add_argument("--engine", choices=("camnang", "pagefind"), required=True)
    ap.add_argument("--label", default=None)
    ap.add_argument("--pair", action="append", default=[], help="'first query|second query'")
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--timeout", type=int, default=180)
    ap.add_argument("--json", default=None)
    ap.add_argument("--work", default=None)
    ap.add_argument("--header", action="store_true", help="print the table header first")
    args = ap.parse_args()
    args.site = os.path.realpath(args.site)
    label = args.label or os.path.basename(args.site)
    work = args.work or tempfile.mkdtemp(prefix="search-bytes-")
    if args.header:
        print(HEADER)
    failed = False
    for i, pair in enumerate(args.pair):
        q1, _, q2 = pair.partition("|")
        r = run_pair(args, q1, q2, os.path.join(work, "pair-%d" % i))
        r.update({"site": label, "engine_name": args.engine, "q1": q1, "q2": q2,
                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        if not r.get("error"):
            r["summary"] = summarize(r)
        failed |= bool(r.get("error"))
        print(row(label, args.engine, r), flush=True)
        if args.json:
            with open(args.json, "a", encoding="utf-8") as f:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
