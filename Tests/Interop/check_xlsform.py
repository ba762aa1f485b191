#!/usr/bin/env python3
"""Converts the XLSForm of each bundled survey with pyxform and checks the XForm it makes.

For Surveys/connection.survey and every example survey: `survey export xlsform` writes the form,
pyxform's xls2xform converts it (any error fails), and the XForm must hold every question (a
bind for each), every choice of every list, and a `relevant` rule for every question the survey
shows conditionally. Needs PyPI's pyxform (.ci/run installs it) and a built `survey`.

usage: python3 Tests/Interop/check_xlsform.py [SURVEY...]
"""

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
    return problems


def main():
    surveys = [pathlib.Path(p) for p in sys.argv[1:]] or (
        [ROOT / "Surveys" / "connection.survey"] + sorted((ROOT / "Surveys" / "examples").glob("*.survey")))
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
