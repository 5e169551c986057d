#!/usr/bin/env python3
"""The route analysts use today, timed on the same text as `hria bench`: Python jieba word
segmentation plus regular-expression keyword counting over the taxonomy's keywords.

Run by hand (not in CI):

    pip install jieba
    python3 benches/python_baseline.py ../shared/bench/zh-law --json

It reads every .md/.txt/.html file under the given paths (UTF-8), loads hria's built-in taxonomy
keywords from src/data/taxonomy/*.toml, and reports MB/s for: reading, jieba.lcut, regex keyword
counting (one alternation per taxonomy entry, as a spreadsheet-and-script analyst would write it),
and both together.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
import tomllib
from pathlib import Path

import jieba

EXTENSIONS = {".md", ".markdown", ".txt", ".html", ".htm"}
ROOT = Path(__file__).resolve().parent.parent


def load_texts(paths):
    texts = []
    for p in paths:
        p = Path(p)
        files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file())
        for f in files:
            if f.suffix.lower() in EXTENSIONS:
                texts.append(f.read_bytes().decode("utf-8", errors="replace"))
    return texts


def load_patterns():
    patterns = []
    for f in sorted((ROOT / "src" / "data" / "taxonomy").glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        for entry in data.get("entry", []):
            words = entry.get("zh", []) + entry.get("en", []) + entry.get("abbr", [])
            words = [w for w in words if w]
            if not words:
                continue
            alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            patterns.append((entry["id"], re.compile(alternation, re.IGNORECASE)))
    return patterns


def timed(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = load_texts(args.paths)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    patterns = load_patterns()

    def cut():
        return sum(len(jieba.lcut(t)) for t in texts)

    def count():
        return sum(len(rx.findall(t)) for t in texts for _, rx in patterns)

    def both():
        return cut() + count()

    rows = {}
    for name, fn in [("jieba.lcut", cut), ("regex keyword count", count), ("jieba + regex", both)]:
        secs, work = timed(fn, args.repeat)
        rows[name] = {"seconds": secs, "mb_per_s": mb / secs if secs else 0.0, "work": work}
    out = {"documents": len(texts), "mb": mb, "patterns": len(patterns), "stages": rows,
           "python": sys.version.split()[0], "jieba": jieba.__version__, "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{len(texts)} documents, {mb:.1f} MB, {len(patterns)} keyword patterns")
        for name, r in rows.items():
            print(f"{name:<22} {r['mb_per_s']:8.2f} MB/s  ({r['seconds']:.2f} s)")


if __name__ == "__main__":
    main()
