#!/usr/bin/env python3
"""Opens every HTML report in headless Chromium and checks it the way a reader's browser would.

For each Reports/*.html:
  * the page loads with no network request other than the file itself (and data: URLs),
  * the browser console logs no error or warning,
  * the page's visible text contains every figure of the matching JSON report (values,
    intervals, comparisons), so the HTML shows the same numbers as the JSON,
  * a full-page screenshot is written for a person to look at.
Every JSON report is also validated against Reports/report.schema.json.

Needs Debian's chromium and chromium-driver and PyPI's selenium and jsonschema (.ci/run installs
them). Usage: python3 Tests/Browser/check_reports.py [REPORTS_DIR] [SCREENSHOT_DIR]
"""

import json
import pathlib
import re
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def figure_texts(node, out):
    """Every printed text of figures and comparisons in a JSON report."""
    if isinstance(node, dict):
        if "text" in node and ("unit" in node or "verdict" in node):
            out.add(node["text"])
            if node.get("interval"):
                out.add(node["interval"])
        for value in node.values():
            figure_texts(value, out)
    elif isinstance(node, list):
        for value in node:
            figure_texts(value, out)
    return out


def normalize(text):
    return re.sub(r"\s+", " ", text).strip()


def make_driver():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1000,1400", "--hide-scrollbars"]:
        options.add_argument(flag)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def check_page(driver, page, report, shots):
    problems = []
    url = page.resolve().as_uri()
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(url)
    driver.execute_script("return document.readyState")
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested = message["params"]["request"]["url"]
            if requested != url and not requested.startswith("data:"):
                problems.append(f"network request to {requested}")
    for entry in driver.get_log("browser"):
        if entry.get("level") in ("SEVERE", "WARNING"):
            problems.append(f"console {entry['level']}: {entry['message']}")
    text = normalize(driver.execute_script("return document.body.innerText"))
    missing = sorted(t for t in figure_texts(report, set()) if normalize(t) not in text)
    if missing:
        problems.append(f"{len(missing)} figures of the JSON report are not on the page, e.g. {missing[:5]}")
    if driver.execute_script("return document.scripts.length") != 0:
        problems.append("the page has a script")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1000, min(max(1400, height), 16000))
    shot = shots / (page.stem + ".png")
    driver.save_screenshot(str(shot))
    driver.set_window_size(1000, 1400)
    return problems, shot


def main():
    reports = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Reports")
    shots = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".build/report-screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted(reports.glob("*.html"))
    if not pages:
        print(f"no HTML reports in {reports}", file=sys.stderr)
        return 1
    failures = 0
    try:
        import jsonschema
        # The schema sits in Reports/; a subfolder (Reports/coalition) uses its parent's.
        schema_path = next(
            (folder / "report.schema.json" for folder in [reports, *reports.resolve().parents]
             if (folder / "report.schema.json").exists()),
            reports / "report.schema.json")
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except ImportError:
        jsonschema = None
    driver = make_driver()
    try:
        for page in pages:
            report_path = page.with_suffix(".json")
            report = json.loads(report_path.read_text(encoding="utf-8"))
            problems = []
            if jsonschema is not None:
                try:
                    jsonschema.validate(report, schema)
                except jsonschema.ValidationError as error:
                    problems.append(f"{report_path.name} does not match the schema: {error.message}")
            page_problems, shot = check_page(driver, page, report, shots)
            problems += page_problems
            status = "ok" if not problems else "FAILED"
            print(f"{page}: {status} (screenshot {shot})")
            for problem in problems:
                print(f"  {problem}")
            failures += bool(problems)
    finally:
        driver.quit()
    print(f"{len(pages)} pages checked, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
