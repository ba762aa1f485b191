#!/usr/bin/env python3
"""The whole pipeline, timed side by side with its peers (issues 7 and 13).

Generates 100,000- and 1,000,000-respondent exports of the default survey and of a plain survey
(Benchmarks/plain.survey: 34 five-point items, a chapter, a multiple choice answered with its
labels, free text, one scale, two indicators, no causes) with `survey simulate` (generic CSV,
8 chapters), then, interleaved over --rounds rounds, times on the default survey:

  report-csv       survey report straight from the CSV (all cores)
  report-csv-1     the same on one thread
  import           survey import into a fresh store (full validation)
  report-store     survey report of one chapter from that store: the first report, which reads
                   every response (and saves the counts in the store)
  report-saved     the same report again: it reads the saved counts instead of the responses
  pandas, polars   per-chapter aggregates of the same CSV (Benchmarks/peers/aggregates.py)
  sqlite-import    sqlite3's own .import of the same file into one table (validates nothing)

and on the plain survey:

  plain-report-1   survey report straight from the CSV on one thread
  plain-csv        the CSV reader alone on the same file (csvbench --mode serial: every field
                   visited once, nothing decoded)
  plain-pandas, plain-polars   the peers' per-chapter aggregates of that file

and prints medians of wall time, the largest peak RSS, MB/s and ratios, as Markdown for
Benchmarks/RESULTS.md. Before timing, the pandas and polars aggregates are checked against the
same counts computed by the toolkit's own streaming path (`aggbench`).

Needs: a release build (made here), Debian's sqlite3, and pandas + polars in Benchmarks/.venv
(made here from PyPI). Usage:

  python3 Benchmarks/pipeline_bench.py [--rows 1000000 --small 100000] [--rounds 5]
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Benchmarks" / "data"
VENV = ROOT / "Benchmarks" / ".venv"
SURVEY = ROOT / "Surveys" / "connection.survey"
PLAIN = ROOT / "Benchmarks" / "plain.survey"
BIN = ROOT / ".build" / "release"


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def timed(command, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MiB) of one process, from /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, stdout=stdout,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 3):
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def setup():
    run(["swift", "build", "-c", "release", "--product", "survey"], cwd=ROOT)
    run(["swift", "build", "-c", "release", "--product", "aggbench"], cwd=ROOT)
    run(["swift", "build", "-c", "release", "--product", "csvbench"], cwd=ROOT)
    if not (VENV / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", str(VENV)])
        run([str(VENV / "bin" / "pip"), "install", "-q", "pandas", "polars"])
    DATA.mkdir(parents=True, exist_ok=True)
    codebooks = {}
    for survey in (SURVEY, PLAIN):
        codebook = DATA / f"{survey.stem}.codebook.json"
        with open(codebook, "w") as out:
            run([str(BIN / "survey"), "describe", str(survey), "--format", "json"], stdout=out)
        codebooks[survey] = codebook
    return codebooks


def export(survey, rows):
    path = DATA / f"{survey.stem}-{rows}.csv"
    if not path.exists():
        print(f"generating {path.name} …", file=sys.stderr)
        run([str(BIN / "survey"), "simulate", str(survey), "-o", str(path), "--respondents", str(rows),
             "--chapters", "8", "--seed", "7"], stderr=subprocess.DEVNULL)
        if survey == PLAIN:
            with_labels(path)
    return path


def with_labels(path):
    """Rewrites the plain export's multiple choice ('heard') with its options' labels, as the
    platforms that export labels write them, so the engine matches labels with spaces."""
    import csv
    labels = {"1": "Meetup", "2": "Word of mouth", "3": "Social media", "4": "A flyer or a poster",
              "5": "At my workplace"}
    temporary = path.with_suffix(".tmp")
    with open(path, newline="") as source, open(temporary, "w", newline="") as target:
        reader = csv.reader(source)
        writer = csv.writer(target, lineterminator="\n")
        header = next(reader)
        column = header.index("heard")
        writer.writerow(header)
        for row in reader:
            if row[column]:
                row[column] = ";".join(labels[code] for code in row[column].split(";"))
            writer.writerow(row)
    temporary.replace(path)


def check(survey, codebook, path):
    ours = json.loads(run([str(BIN / "aggbench"), str(survey), str(path)], capture_output=True,
                          text=True).stdout)
    for engine in ("pandas", "polars"):
        theirs = json.loads(run([str(VENV / "bin" / "python"), str(ROOT / "Benchmarks/peers/aggregates.py"),
                                 engine, str(codebook), str(path)], capture_output=True, text=True).stdout)
        if theirs["chapters"] != ours["chapters"]:
            sys.exit(f"{engine} disagrees with the toolkit's counts on {path.name}")
    cells = sum(len(c["questions"]) for c in ours["chapters"].values())
    print(f"{path.name}: pandas and polars agree with the toolkit on {cells} chapter × question counts",
          file=sys.stderr)


def plain_configurations(codebook, path):
    survey = [str(BIN / "survey")]
    python = str(VENV / "bin" / "python")
    peers = str(ROOT / "Benchmarks/peers/aggregates.py")
    return [
        ("plain-report-1", lambda: timed(survey + ["report", "--survey", str(PLAIN), "--format", "json",
                                                   "--threads", "1", str(path)])),
        ("plain-csv", lambda: timed([str(BIN / "csvbench"), str(path), "--mode", "serial", "--column", "2"])),
        ("plain-pandas", lambda: timed([python, peers, "pandas", str(codebook), str(path)])),
        ("plain-polars", lambda: timed([python, peers, "polars", str(codebook), str(path)])),
    ]


def configurations(codebook, path, work):
    store = work / "bench.db"
    raw = work / "raw.db"
    survey = [str(BIN / "survey")]
    python = str(VENV / "bin" / "python")
    peers = str(ROOT / "Benchmarks/peers/aggregates.py")

    def fresh(*files):
        for file in files:
            for suffix in ("", "-wal", "-shm"):
                pathlib.Path(str(file) + suffix).unlink(missing_ok=True)

    return [
        ("report-csv", lambda: timed(survey + ["report", "--survey", str(SURVEY), "--format", "json", str(path)])),
        ("report-csv-1", lambda: timed(survey + ["report", "--survey", str(SURVEY), "--format", "json",
                                                 "--threads", "1", str(path)])),
        ("import", lambda: (fresh(store), timed(survey + ["import", "--survey", str(SURVEY), "--store", str(store),
                                                         "--wave", "1", str(path)]))[1]),
        ("report-store", lambda: timed(survey + ["report", "--survey", str(SURVEY), "--store", str(store),
                                                 "--chapter", "Eastside", "--format", "json"])),
        ("report-saved", lambda: timed(survey + ["report", "--survey", str(SURVEY), "--store", str(store),
                                                 "--chapter", "Eastside", "--format", "json"])),
        ("pandas", lambda: timed([python, peers, "pandas", str(codebook), str(path)])),
        ("polars", lambda: timed([python, peers, "polars", str(codebook), str(path)])),
        ("sqlite-import", lambda: (fresh(raw), timed(["sqlite3", str(raw), f".import --csv {path} answers"]))[1]),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    codebooks = setup()
    work = DATA / "work"
    work.mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; rounds: {args.rounds}\n")
    for rows in (args.small, args.rows):
        path = export(SURVEY, rows)
        plain = export(PLAIN, rows)
        check(SURVEY, codebooks[SURVEY], path)
        check(PLAIN, codebooks[PLAIN], plain)
        size = path.stat().st_size / 1e6
        plain_size = plain.stat().st_size / 1e6
        configs = configurations(codebooks[SURVEY], path, work) + plain_configurations(
            codebooks[PLAIN], plain)
        sizes = {name: plain_size if name.startswith("plain") else size for name, _ in configs}
        times = {name: [] for name, _ in configs}
        peaks = {name: 0.0 for name, _ in configs}
        for _ in range(args.rounds):
            for name, measure in configs:
                wall, rss = measure()
                times[name].append(wall)
                peaks[name] = max(peaks[name], rss)
        median = {name: statistics.median(values) for name, values in times.items()}
        print(f"### {rows:,} respondents ({size:.0f} MB; plain survey {plain_size:.0f} MB)\n")
        print("| configuration | median s | MB/s | peak RSS MiB | runs |")
        print("|---|---|---|---|---|")
        for name, _ in configs:
            print(f"| {name} | {median[name]:.2f} | {sizes[name] / median[name]:.0f} | {peaks[name]:.0f} | "
                  + " ".join(f"{t:.2f}" for t in times[name]) + " |")
        print()
        print(f"- report-csv / polars: {median['report-csv'] / median['polars']:.2f}×; "
              f"report-csv / pandas: {median['report-csv'] / median['pandas']:.2f}×")
        print(f"- one thread / all cores: {median['report-csv-1'] / median['report-csv']:.2f}×")
        print(f"- import / sqlite .import: {median['import'] / median['sqlite-import']:.2f}×")
        print(f"- plain survey: engine on one thread / CSV reader alone: "
              f"{median['plain-report-1'] / median['plain-csv']:.2f}×; / polars: "
              f"{median['plain-report-1'] / median['plain-polars']:.2f}×")
        print(f"- report from saved counts: {median['report-saved']:.2f} s "
              f"(first report {median['report-store']:.2f} s)")
        print()
    print("peak RSS of report-csv, large / small run: see the two tables")


if __name__ == "__main__":
    main()
