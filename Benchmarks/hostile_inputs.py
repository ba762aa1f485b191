#!/usr/bin/env python3
"""Time and peak memory of `survey import` on hostile files at two sizes: the work must grow
linearly with the input (twice the input, about twice the time), and memory must stay bounded.

Usage (from the repository root):
    swift build -c release --product survey
    python3 Benchmarks/hostile_inputs.py [--scale 1]

Each hostile file (a header of many columns, a row of many delimiters, one huge quoted field,
many records over the size limit, many rows of empty cells) is written at size N and 2N and
imported into a fresh store with `/usr/bin/time -v`. The ratio of the two times should be near
2 (well under 4, which quadratic work would give). This is the measurement that replaced the
time limit the import-limits tests used to assert: tests must not depend on the machine.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "survey")
SURVEY = os.path.join(ROOT, "Tests", "SurveyIngestTests", "Fixtures", "platforms", "club.survey")
HEADER = ("respondent_id,submitted_at,chapter,employed,hours,lonely,places,trust_people,"
          "trust_neighbours\n").encode()
ROW = b"r%d,2026-03-11T10:00:00Z,1,yes,40,1,park,agree,agree\n"


def cases(n):
    yield "many columns", b",".join(b"c%d" % i for i in range(100_000 * n)) + b"\n"
    yield "many delimiters", HEADER + b"," * (1_000_000 * n) + b"\n"
    yield "huge field", HEADER + b'r1,2026-03-11T10:00:00Z,1,yes,40,1,"' + b"a" * (
        50_000_000 * n) + b'",agree,agree\n' + ROW % 2
    big = b'rb,2026-03-11T10:00:00Z,1,yes,40,1,"' + b"b" * (17 << 20) + b'",agree,agree\n'
    yield "records over the limit", HEADER + b"".join(
        (ROW % i) + (big if i % 1000 == 0 else b"") for i in range(4000 * n))
    yield "empty rows", HEADER + b",,,,,,,,\n" * (500_000 * n)


def measure(path, store):
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-v", BINARY, "import", "--survey", SURVEY, "--store", store,
         "--wave", "1", path], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return elapsed, int(match.group(1)) / 1024 if match else float("nan"), result.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    arguments = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release --product survey")
    print(f"{'file':26} {'size N':>10} {'time N':>8} {'time 2N':>8} {'ratio':>6} {'peak MiB':>9}"
          f" {'exit':>5}")
    with tempfile.TemporaryDirectory() as directory:
        small = dict(cases(arguments.scale))
        large = dict(cases(2 * arguments.scale))
        for name in small:
            results = []
            for label, data in (("n", small[name]), ("2n", large[name])):
                path = os.path.join(directory, f"{label}.csv")
                with open(path, "wb") as handle:
                    handle.write(data)
                store = os.path.join(directory, f"{label}-{len(results)}.db")
                results.append(measure(path, store) + (len(data),))
                os.remove(path)
            (t1, m1, code, size), (t2, m2, _, _) = results
            print(f"{name:26} {size / 1e6:9.1f}M {t1:8.2f} {t2:8.2f} {t2 / t1:6.2f} "
                  f"{max(m1, m2):9.1f} {code:5}")


if __name__ == "__main__":
    main()
