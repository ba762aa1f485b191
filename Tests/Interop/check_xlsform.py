#!/usr/bin/env python3
"""Converts the XLSForm of each bundled survey with pyxform and checks the XForm it makes.

For Surveys/connection.survey and every example survey: `survey export xlsform` writes the form,
pyxform's xls2xform converts it (any error fails), and the XForm must hold every question (a
bind for each), every choice of every list, and a `relevant` rule for every question the survey
shows conditionally.

Then the answers come back: simulated answers (`survey simulate --as generic`) are written as
KoboToolbox and ODK Central would export them from that XForm (each field under its group path,
`group/field` and `group-field`, choice names as values, several choices separated by spaces,
the platforms' id and time columns), imported with `--from kobotoolbox` and `--from odk-central`,
and exported again with `survey export data`: every answer must equal the one imported from the
generic file, with no row rejected. Needs PyPI's pyxform (.ci/run installs it) and a built
`survey`.

usage: python3 Tests/Interop/check_xlsform.py [SURVEY...]
"""

import csv
import json
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SURVEY = [str(ROOT / ".build" / "debug" / "survey")]


def check(path, work):
    form = work / (path.stem + ".csv")
    xform = work / (path.stem + ".xml")
    subprocess.run(SURVEY + ["export", "xlsform", str(path), "-o", str(form)], check=True,
                   capture_output=True)
    converted = subprocess.run(["xls2xform", "--skip_validate", str(form), str(xform)],
                               capture_output=True, text=True)
    if converted.returncode != 0 or "Conversion complete" not in converted.stdout + converted.stderr:
        return [f"pyxform failed: {converted.stdout[-800:]} {converted.stderr[-800:]}"]
    codebook = json.loads(subprocess.run(SURVEY + ["describe", str(path), "--format", "json"], check=True,
                                         capture_output=True, text=True).stdout)
    tree = ET.parse(xform)
    binds = {}
    for element in tree.iter():
        if element.tag.endswith("bind"):
            binds[element.get("nodeset", "").rsplit("/", 1)[-1]] = element
    values = {element.text for element in tree.iter() if element.tag.split("}")[-1] in ("value", "name")}
    problems = []
    for question in codebook["questions"]:
        bind = binds.get(question["id"])
        if bind is None:
            problems.append(f"question {question['id']} is not in the XForm")
            continue
        if question.get("shownIf") and not bind.get("relevant"):
            problems.append(f"question {question['id']} lost its show-if rule")
        if question.get("required") and bind.get("required") != "true()":
            problems.append(f"question {question['id']} is no longer required")
    for choice_set in codebook["choiceSets"]:
        used = any(q.get("choiceSet") == choice_set["id"] for q in codebook["questions"])
        for choice in choice_set["choices"] if used else []:
            if str(choice["code"]) not in values:
                problems.append(f"choice {choice_set['id']} {choice['code']} is not in the XForm")
    return problems + round_trip(path, codebook, tree, work)


def field_paths(tree):
    """Each field of the XForm's main instance: its name and its group path (without the root)."""
    model = next(e for e in tree.iter() if e.tag.split("}")[-1] == "model")
    instance = next(e for e in model if e.tag.split("}")[-1] == "instance" and not e.get("id"))
    root = list(instance)[0]
    paths = {}

    def walk(element, prefix):
        for child in element:
            name = child.tag.split("}")[-1]
            if name == "meta":
                continue
            if len(child):
                walk(child, prefix + [name])
            else:
                paths[name] = prefix + [name]

    walk(root, [])
    return paths


def platform_file(rows, header, paths, multiple, platform, target):
    """The generic rows as KoboToolbox or ODK Central would export them."""
    problems = []
    fields = []
    for column in header:
        if column in ("respondent_id", "submitted_at"):
            continue
        if column not in paths:
            problems.append(f"column {column} of the answers has no field in the XForm")
            continue
        fields.append(column)
    join = "/" if platform == "kobotoolbox" else "-"
    names = ["/".join(paths[c]) if join == "/" else "-".join(paths[c]) for c in fields]
    with open(target, "w", newline="") as out:
        writer = csv.writer(out)
        if platform == "kobotoolbox":
            writer.writerow(["start", "end"] + names + ["_id", "_uuid", "_submission_time", "_index"])
        else:
            writer.writerow(["SubmissionDate"] + names + ["KEY", "SubmitterID", "Status", "FormVersion"])
        for index, row in enumerate(rows, start=1):
            values = [row[c].replace(";", " ") if c in multiple else row[c] for c in fields]
            time = row["submitted_at"].rstrip("Z")
            if platform == "kobotoolbox":
                writer.writerow([time, time] + values + [str(100000 + index), f"uuid-{row['respondent_id']}",
                                                         time, str(index)])
            else:
                writer.writerow([time + ".000Z"] + values + [f"uuid:{row['respondent_id']}", "7", "", "1"])
    return problems


def imported(path, store, answers, platform, work):
    """Imports answers and exports them again; returns (rows of the export, problems)."""
    run = subprocess.run(SURVEY + ["import", "--survey", str(path), "--store", str(store), "--wave", "1",
                                   "--from", platform, str(answers)], capture_output=True, text=True)
    if run.returncode != 0 or " 0 rejected" not in run.stdout:
        return None, [f"{platform} import: {run.stdout[-600:]} {run.stderr[-600:]}"]
    export = work / (store.stem + ".export.csv")
    subprocess.run(SURVEY + ["export", "data", "--survey", str(path), "--store", str(store), "-o", str(export)],
                   check=True, capture_output=True)
    with open(export, newline="") as file:
        return list(csv.DictReader(file)), []


def round_trip(path, codebook, tree, work):
    generic = work / (path.stem + ".generic.csv")
    subprocess.run(SURVEY + ["simulate", str(path), "-o", str(generic), "--respondents", "40", "--chapters", "3",
                             "--seed", "11", "--as", "generic"], check=True, capture_output=True)
    with open(generic, newline="") as file:
        reader = csv.DictReader(file)
        header, rows = reader.fieldnames, list(reader)
    paths = field_paths(tree)
    multiple = {q["id"] for q in codebook["questions"] if q["type"].startswith("multiple")}
    expected, problems = imported(path, work / (path.stem + "-generic.db"), generic, "generic", work)
    if expected is None:
        return problems
    for platform in ("kobotoolbox", "odk-central"):
        answers = work / f"{path.stem}.{platform}.csv"
        problems += platform_file(rows, header, paths, multiple, platform, answers)
        got, failed = imported(path, work / f"{path.stem}-{platform}.db", answers, platform, work)
        problems += failed
        if got is None:
            continue
        if len(got) != len(expected):
            problems.append(f"{platform}: {len(got)} rows came back, not {len(expected)}")
        for before, after in zip(expected, got):
            for column, value in before.items():
                if column in ("_response_id", "_submitted_at"):
                    continue
                if after.get(column) != value:
                    problems.append(f"{platform}: {column} came back as {after.get(column)!r}, not {value!r}")
                    break
    return problems


def first_line(path):
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return next((line for line in lines if line and not line.startswith("#")), "")


def is_translation(path):
    return first_line(path).startswith("translation ")


def is_library(path):
    return first_line(path).startswith("library ")


def main():
    surveys = [pathlib.Path(p) for p in sys.argv[1:]] or (
        [ROOT / "Surveys" / "connection.survey"] + sorted(
            p for p in (ROOT / "Surveys" / "examples").glob("*.survey")
            if not is_translation(p) and not is_library(p)))
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for path in surveys:
            problems = check(path, pathlib.Path(directory))
            print(f"{path.relative_to(ROOT)}: {'ok' if not problems else 'FAILED'}")
            for problem in problems[:20]:
                print(f"  {problem}")
            failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
