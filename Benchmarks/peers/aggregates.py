#!/usr/bin/env python3
"""Per-chapter aggregates of a generic CSV export with pandas or polars, as the peers of
`survey report` in Benchmarks/pipeline_bench.py.

For each chapter: the respondents, and for each single-choice question the number of
substantive answers (codes that are not marked missing in the codebook) and the sum of their
codes. Prints the same JSON as the `aggbench` tool, so the numbers can be checked.

usage: aggregates.py pandas|polars CODEBOOK.json FILE.csv
"""

import json
import sys


def plan(codebook):
    sets = {s["id"]: s for s in codebook["choiceSets"]}
    chapter_question = codebook["roles"]["chapter"]
    chapter_set = next(q["choiceSet"] for q in codebook["questions"] if q["id"] == chapter_question)
    chapter_names = {c["code"]: c["name"] for c in sets[chapter_set]["choices"]}
    columns = {}
    for question in codebook["questions"]:
        if question["choiceSet"] and (question["type"].startswith("single") or question["type"] == "yes-no"):
            codes = [c["code"] for c in sets[question["choiceSet"]]["choices"] if c["missing"] is None]
            columns[question["id"]] = codes
    return chapter_question, chapter_names, columns


def with_pandas(codebook, path):
    import pandas as pd

    chapter, names, columns = plan(codebook)
    frame = pd.read_csv(path, usecols=list(dict.fromkeys([chapter] + list(columns))), dtype="float64")
    result = {}
    for code, group in frame.groupby(frame[chapter]):
        questions = {}
        for column, codes in columns.items():
            values = group[column]
            valid = values[values.isin(codes)]
            questions[column] = {"n": int(valid.count()), "sum": int(valid.sum())}
        result[names[int(code)]] = {"respondents": int(len(group)), "questions": questions}
    return result


def with_polars(codebook, path):
    import polars as pl

    chapter, names, columns = plan(codebook)
    selected = list(dict.fromkeys([chapter] + list(columns)))
    frame = pl.scan_csv(path, schema_overrides={c: pl.Int64 for c in selected}).select(selected)
    aggregates = [pl.len().alias("__respondents")]
    for column, codes in columns.items():
        valid = pl.col(column).is_in(codes)
        aggregates.append(valid.sum().alias(column + "__n"))
        aggregates.append(pl.when(valid).then(pl.col(column)).otherwise(0).sum().alias(column + "__sum"))
    table = frame.group_by(pl.col(chapter).alias("__chapter")).agg(aggregates).collect()
    result = {}
    for row in table.iter_rows(named=True):
        result[names[int(row["__chapter"])]] = {
            "respondents": int(row["__respondents"]),
            "questions": {c: {"n": int(row[c + "__n"]), "sum": int(row[c + "__sum"])} for c in columns},
        }
    return result


def main():
    engine, codebook_path, path = sys.argv[1:4]
    codebook = json.load(open(codebook_path, encoding="utf-8"))
    chapters = with_pandas(codebook, path) if engine == "pandas" else with_polars(codebook, path)
    print(json.dumps({"chapters": chapters, "rejected": 0}, sort_keys=True, separators=(",", ":")))


if __name__ == "__main__":
    main()
