#!/usr/bin/env python3
"""Cross-check corpus for the Swift CSV reader, generated and parsed by Python's csv module.

Usage (from the package root):
    python3 Tests/SurveyIngestTests/CrossCheck/csv_crosscheck.py [--count 40] [--seed 4180]

Writes Tests/SurveyIngestTests/Fixtures/crosscheck/NNN.csv, random but well-formed CSV files,
and beside each NNN.json with the delimiter used and the records that Python's `csv.reader`
returns for that file. CSVCrossCheckTests reads every file with CSVReader and compares record
for record, field for field. The seed is fixed, so re-running the script reproduces the same
corpus; change --seed (and commit the result) to explore other inputs.

The files vary the delimiter (',', ';', TAB), the line ending (CRLF, LF, lone CR), the quoting
style (minimal, all, non-numeric), an optional UTF-8 byte order mark, and the field content:
embedded delimiters, quotes, CR/LF/CRLF, non-ASCII text (accents, CJK, emoji with modifiers and
joiners, combining marks), leading and trailing spaces, empty fields, ragged rows and the odd
empty row. One known difference is normalised here: Python reports blank lines at the very end
of a file as empty records, which CSVReader by design ignores, so trailing empty records are
removed from Python's output (the generator never writes them anyway).
"""

import argparse
import csv
import io
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "crosscheck")

PIECES = ["a", "b", "Z", "0", "42", "-3.5", " ", ",", ";", "\t", '"', '""', "\n", "\r\n", "\r",
          "é", "ü", "e\u0301", "中文", "漢", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇭", "=SUM(A1)", "x y"]


def random_field(rng):
    roll = rng.random()
    if roll < 0.12:
        return ""
    if roll < 0.25:
        return str(rng.randint(-999, 99999))
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))


def make_file(rng):
    delimiter = rng.choice([",", ";", "\t"])
    terminator = rng.choice(["\r\n", "\n", "\r"])
    quoting = rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL,
                          csv.QUOTE_NONNUMERIC])
    bom = rng.random() < 0.2
    width = rng.randint(1, 7)
    rows = []
    for index in range(rng.randint(5, 40)):
        if index > 0 and rng.random() < 0.03:
            rows.append([])
            continue
        count = width if rng.random() < 0.7 else rng.randint(1, width + 3)
        rows.append([random_field(rng) for _ in range(count)])
    if not rows[-1]:
        rows.append(["last"])
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    writer.writerows(rows)
    data = text.getvalue().encode("utf-8")
    if rng.random() < 0.3:
        data = data[: -len(terminator.encode())]  # no final line ending
    if bom:
        data = b"\xef\xbb\xbf" + data
    return delimiter, data


def python_records(data, delimiter):
    text = data.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    while records and records[-1] == []:
        records.pop()
    return records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=4180)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".csv") or name.endswith(".json"):
            os.remove(os.path.join(OUT, name))
    total = 0
    for number in range(args.count):
        delimiter, data = make_file(rng)
        records = python_records(data, delimiter)
        stem = os.path.join(OUT, f"{number:03d}")
        with open(stem + ".csv", "wb") as handle:
            handle.write(data)
        with open(stem + ".json", "w", encoding="utf-8") as handle:
            json.dump({"delimiter": delimiter, "records": records}, handle, ensure_ascii=False)
            handle.write("\n")
        total += len(data) + os.path.getsize(stem + ".json")
    print(f"wrote {args.count} files ({total} bytes) to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
