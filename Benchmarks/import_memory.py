#!/usr/bin/env python3
"""Peak memory and time of `survey import` for a small and a ten times bigger export.

Usage (from the repository root):
    swift build -c release --product survey
    python3 Benchmarks/import_memory.py [--small 20000] [--factor 10] [--platform generic]

Simulates the default survey (8 chapters, seed 7) in a platform's export shape, imports each file
into a fresh store with `/usr/bin/time -v`, and prints the maximum resident set size and the
wall time. Streaming import keeps memory flat: the bigger file should need no more than about
1.1 times the memory of the smaller one.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "survey")
SURVEY = os.path.join(ROOT, "Surveys", "connection.survey")


def measure(command):
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if result.returncode not in (0, 3) or not match:
        print(result.stdout, result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(1)
    return int(match.group(1)) / 1024, elapsed, result.stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=20000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--platform", default="generic")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        print("build first: swift build -c release --product survey", file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="survey-import-")
    try:
        results = []
        for rows in (args.small, args.small * args.factor):
            csv = os.path.join(work, f"export-{rows}.csv")
            subprocess.run([BINARY, "simulate", SURVEY, "-n", str(rows), "--chapters", "8", "--seed", "7",
                            "--as", args.platform, "-o", csv], check=True, capture_output=True)
            store = os.path.join(work, f"store-{rows}.db")
            rss, seconds, summary = measure([BINARY, "import", "--survey", SURVEY, "--store", store, csv])
            size = os.path.getsize(csv) / 1e6
            results.append((rows, size, rss, seconds))
            print(f"{rows:>9} rows  {size:7.1f} MB  peak RSS {rss:6.1f} MiB  {seconds:6.2f} s  "
                  f"{rows / seconds:9.0f} rows/s   {summary.splitlines()[0]}")
        ratio = results[1][2] / results[0][2]
        print(f"peak memory, bigger / smaller: {ratio:.2f}")
        return 0 if ratio <= 1.1 else 2
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
