#!/usr/bin/env python3
"""Generate a large survey-like CSV file for csvbench.

Usage:
    python3 Benchmarks/make_bench_csv.py OUTPUT [--rows 1000000] [--seed 7]

The default 1,000,000 rows give a file of about 180 MB: a respondent id, an ISO timestamp, a
chapter name, 40 small integers (answers on scales, mostly 1-2 digits, some empty), a numeric
score, and two free-text answers that are quoted when needed (commas, doubled quotes, and an
occasional line break), written with CRLF line endings like survey-platform exports.
"""

import argparse
import csv
import random

CHAPTERS = ["Demographics", "Health", "Work & income", "Housing", "Education",
            "Mobility", "Well-being", "Media use"]
WORDS = ["yes", "no", "maybe", "very", "often", "rarely", "the", "bus", "work", "family",
         "school", "price", "doctor", "time", "city", "village", "über", "café", "naïve"]


def free_text(rng):
    if rng.random() < 0.35:
        return ""
    words = [rng.choice(WORDS) for _ in range(rng.randint(2, 12))]
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text.replace(" ", ", ", 1)
    if rng.random() < 0.05:
        text += ' "quoted"'
    if rng.random() < 0.02:
        text += "\nsecond line"
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    header = (["respondent_id", "submitted_at", "chapter"] + [f"q{i:02d}" for i in range(1, 41)]
              + ["score", "comment", "other"])
    small = [str(i) for i in range(0, 11)] + ["", "99"]
    weights = [6, 10, 10, 10, 10, 10, 8, 6, 5, 4, 3, 8, 1]
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in range(args.rows):
            stamp = (f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
                     f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z")
            answers = rng.choices(small, weights=weights, k=40)
            writer.writerow([str(100000 + row), stamp, rng.choice(CHAPTERS)] + answers
                            + [str(rng.randint(0, 500)), free_text(rng), free_text(rng)])


if __name__ == "__main__":
    main()
