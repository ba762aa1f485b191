#!/usr/bin/env python3
"""Python's csv module on the same task as `csvbench --mode serial`, for comparison.

Usage:
    python3 Benchmarks/python_csv_bench.py FILE [--column 3]

Counts records and fields, adds up the length of every field (in characters; csvbench adds
bytes) and sums the integer column K (fields that do not parse count as 0), then prints the
elapsed time and MB/s (1 MB = 10^6 bytes of file).
"""

import argparse
import csv
import os
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--column", type=int, default=3)
    args = parser.parse_args()
    size = os.path.getsize(args.path)
    start = time.perf_counter()
    records = fields = characters = total = 0
    with open(args.path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            records += 1
            fields += len(row)
            for field in row:
                characters += len(field)
            if len(row) > args.column:
                try:
                    total += int(row[args.column])
                except ValueError:
                    pass
    elapsed = time.perf_counter() - start
    print(f"python csv: {records} records, {fields} fields, {characters} field characters, "
          f"integer sum {total}; {elapsed:.3f} s, {size / 1e6 / elapsed:.0f} MB/s")


if __name__ == "__main__":
    main()
