#!/usr/bin/env python3
"""Reference check of simulated data: Cronbach's alpha of every multi-item scale.

Usage (from the repository root, after `swift build`):
    python3 Tests/SurveySimulationTests/References/scale_reliability.py [--binary .build/debug/survey]

It simulates the default survey (2,000 respondents, 8 chapters, seed 1, generic export), reads
the codebook (`survey describe --format json`) for each scale's items, reversed items and the
bounds of their answer codes, and computes raw Cronbach's alpha with numpy on the complete
cases (missing codes and blanks excluded; reversed items scored low + high - code; `percent`
scales rescale each item to 0-100 first). It writes scale_reliability.json next to itself and
exits with 1 if any scale's alpha is outside 0.6-0.95.

Produced with Python 3.11.7 and numpy 2.4.6.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "survey"))
    args = parser.parse_args()
    survey = os.path.join(ROOT, "Surveys", "connection.survey")
    codebook = json.loads(subprocess.run([args.binary, "describe", "--format", "json", survey],
                                         check=True, capture_output=True, text=True).stdout)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sim.csv")
        subprocess.run([args.binary, "simulate", survey, "-n", "2000", "--chapters", "8", "--seed", "1",
                        "-o", path], check=True, capture_output=True)
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    questions = {q["id"]: q for q in codebook["questions"]}
    sets = {s["id"]: s for s in codebook["choiceSets"]}

    def bounds(item):
        q = questions[item]
        if q.get("choiceSet"):
            codes = [c["code"] for c in sets[q["choiceSet"]]["choices"] if c["missing"] is None]
            return min(codes), max(codes), {c["code"] for c in sets[q["choiceSet"]]["choices"] if c["missing"]}
        return q.get("min"), q.get("max"), set()

    results = []
    failed = False
    for scale in codebook["scales"]:
        items = scale["items"]
        if len(items) < 2:
            continue
        matrix = []
        for row in rows:
            values = []
            for item in items:
                text = row.get(item, "")
                low, high, missing = bounds(item)
                if text == "" or (text.lstrip("-").isdigit() and int(text) in missing):
                    values = None
                    break
                value = float(text)
                if item in scale["reversed"]:
                    value = low + high - value
                if scale["score"] == "percent":
                    value = (value - low) / (high - low) * 100
                values.append(value)
            if values is not None:
                matrix.append(values)
        data = np.array(matrix)
        k = data.shape[1]
        item_variances = data.var(axis=0, ddof=1).sum()
        total_variance = data.sum(axis=1).var(ddof=1)
        alpha = k / (k - 1) * (1 - item_variances / total_variance)
        ok = bool(0.6 <= alpha <= 0.95)
        failed |= not ok
        results.append({"scale": scale["id"], "items": k, "completeCases": int(data.shape[0]),
                        "rawAlpha": round(float(alpha), 6), "withinRange": ok})
        print(f"{scale['id']:<24} k={k:<2} n={data.shape[0]:<5} alpha={alpha:.3f} {'ok' if ok else 'OUT OF RANGE'}")
    with open(os.path.join(HERE, "scale_reliability.json"), "w", encoding="utf-8") as handle:
        json.dump({"respondents": len(rows), "chapters": 8, "seed": 1, "scales": results}, handle, indent=2)
        handle.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
