#!/usr/bin/env python3
"""Times `survey check` on a generated survey of 5,000 questions.

Usage (from the repository root):
    swift build -c release --product survey
    python3 Benchmarks/check_large_survey.py [--questions 5000] [--rounds 5]

The generated survey is bilingual and uses every kind of question, choice sets, grids, `show if`
conditions on earlier questions, checks, derived values, scales, causes, an index and indicators,
so the resolver, the type checker, the never-shown analysis and the translation check all run.
It prints the median and the spread of the wall time of whole `survey check` processes.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(questions: int) -> str:
    out = [
        'survey large "Large survey"',
        '  es "Encuesta grande"',
        "  version 1",
        '  languages en "English", es "Español"',
        "",
        "choices agree5",
    ]
    for code, label in enumerate(["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"], 1):
        out.append(f'  {code} a{code} "{label}" es "{label} (es)"')
    out.append('  missing refused 9 "Prefer not to say" es "Prefiero no decirlo"')
    out.append("")
    names = []
    index = 0
    while index < questions:
        block = index // 50
        if index % 50 == 0:
            out += [f'section s{block} "Section {block}"', f'  es "Sección {block}"', ""]
        kind = index % 10
        name = f"q{index}"
        if kind == 0 and index + 5 <= questions:
            out += [f'grid g{index} "Grid {index}"', f'  es "Cuadrícula {index}"', "  single agree5"]
            rows = []
            for row in range(5):
                row_name = f"q{index + row}"
                rows.append(row_name)
                out += [f'  row {row_name} "Row {row}"', f'    es "Fila {row}"']
            out.append("")
            out += [f'scale sc{index} "Scale {index}"', f'  es "Escala {index}"', "  items " + ", ".join(rows),
                    f"  reverse {rows[-1]}", "  score mean", "  min-answered 3",
                    '  band 1..2.99 "low" es "bajo"', '  band 3..5 "high" es "alto"', ""]
            out += [f'indicator i{index} "Indicator {index}"', f'  es "Indicador {index}"', f"  mean sc{index}",
                    "  better higher", '  threshold 3 "ok" es "bien" convention', ""]
            names += rows
            index += 5
            continue
        out.append(f'question {name} "Question {index}?"')
        out.append(f'  es "¿Pregunta {index}?"')
        if kind in (5, 6):
            out.append("  integer 0..120")
            out.append(f'  warn this < 100 "Check {index}" es "Revise {index}"')
        elif kind == 7:
            out.append("  yes-no")
        elif kind == 8:
            out.append("  multiple agree5")
        else:
            out.append("  single agree5")
        if names and kind in (6, 7):
            previous = names[-1]
            out.append(f"  show if {previous} is answered")
        out.append("")
        names.append(name)
        index += 1
    for number in range(16):
        out += [f'derived d{number} "Derived {number}"', f'  es "Derivado {number}"',
                f"  compute q{number * 10 + 6} >= 40", "",
                f'cause c{number} "Cause {number}"', f'  es "Causa {number}"', f"  exposed if d{number}",
                "  group work", ""]
    out += ['index exposure "Exposure"', '  es "Exposición"', "  causes all", "  min-known 8", ""]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.join(ROOT, ".build", "release", "survey")
    if not os.path.exists(binary):
        print("build first: swift build -c release --product survey", file=sys.stderr)
        return 1
    data = os.path.join(ROOT, "Benchmarks", "data")
    os.makedirs(data, exist_ok=True)
    path = os.path.join(data, f"large-{args.questions}.survey")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(generate(args.questions))
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        result = subprocess.run([binary, "check", path], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            print(result.stderr[:2000], file=sys.stderr)
            print(result.stdout, file=sys.stderr)
            return 1
    size = os.path.getsize(path)
    print(result.stdout.strip())
    print(f"file: {size / 1e6:.2f} MB, {args.questions} questions")
    print(f"survey check: median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}) over {args.rounds} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
