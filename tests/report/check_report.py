#!/usr/bin/env python3
"""Checks occam's HTML report of a search on the bundled example, the way a reader gets it.

  check_report.py structure OCCAM OUT_DIR   the page's HTML without a browser: every element closed
                                            and nested, nothing fetched from outside, one front point
                                            and one typeset formula per front entry, a plot per input
  check_report.py browser OCCAM OUT_DIR     the page in headless Chromium: it renders, its script ran
                                            without errors, the rendered front has a point per entry;
                                            a screenshot is saved as OUT_DIR/report.png

Both run `occam search` on examples/data/gaussian.csv with a generation budget (the same front every
time), writing OUT_DIR/front.json and OUT_DIR/report.html. Exits 1 with a line per failure.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "data", "gaussian.csv")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MAX_BYTES = 2_000_000


def run_search(occam, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    front_path = os.path.join(out_dir, "front.json")
    report_path = os.path.join(out_dir, "report.html")
    subprocess.run([occam, "search", EXAMPLE, "--target", "f", "--generations", "40", "--seed", "1", "--threads", "2",
                    "--format", "json", "-o", front_path, "--report", report_path, "-q"], check=True)
    with open(front_path) as f:
        front = json.load(f)
    return front, report_path


class Structure(html.parser.HTMLParser):
    """Open elements as a stack; what a page must not hold, and what it shows, counted."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.front_points = self.table_rows = self.maths_in_rows = 0
        self.scatter_plots = self.residual_plots = 0
        self.in_front_row = False

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, dict(attrs))

    def check_element(self, tag, attrs):
        for name in ("src", "href", "xlink:href", "action"):
            value = attrs.get(name) or ""
            if re.match(r"^\s*(https?:|//|ftp:)", value):
                self.problems.append(f"<{tag} {name}={value!r}> fetches from outside")
        if tag in ("link", "iframe", "object", "embed", "img") and (attrs.get("href") or attrs.get("src")):
            self.problems.append(f"<{tag}> loads a file: the page must be self-contained")
        classes = (attrs.get("class") or "").split()
        if tag == "circle" and "front-point" in classes:
            self.front_points += 1
        if tag == "svg" and "scatter-plot" in classes:
            self.scatter_plots += 1
        if tag == "svg" and "residual-plot" in classes:
            self.residual_plots += 1
        if tag == "tr" and "data-index" in attrs:
            self.table_rows += 1
            self.in_front_row = True
        if tag == "math" and self.in_front_row:
            self.maths_in_rows += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}> (line {self.getpos()[0]})")
            return
        self.stack.pop()
        if tag == "tr":
            self.in_front_row = False


def check_structure(occam, out_dir):
    front, report_path = run_search(occam, out_dir)
    entries = len(front["front"])
    with open(report_path, encoding="utf-8") as f:
        text = f.read()
    failures = []
    if not text.startswith("<!DOCTYPE html>"):
        failures.append("the page does not start with <!DOCTYPE html>")
    if len(text.encode()) > MAX_BYTES:
        failures.append(f"the page is {len(text.encode())} bytes, over {MAX_BYTES}")
    parser = Structure()
    parser.feed(text)
    parser.close()
    failures += parser.problems
    if parser.stack:
        failures.append(f"elements left open: {parser.stack}")
    if parser.front_points != entries:
        failures.append(f"{parser.front_points} front points for {entries} front entries")
    if parser.table_rows != entries or parser.maths_in_rows != entries:
        failures.append(f"{parser.table_rows} table rows and {parser.maths_in_rows} typeset formulas for {entries} entries")
    inputs = len(front["variables"])
    if parser.scatter_plots != 1 or parser.residual_plots != inputs:
        failures.append(f"{parser.scatter_plots} predicted-observed plots and {parser.residual_plots} residual plots "
                        f"for {inputs} inputs")
    if "gaussian.csv" not in text or "--generations 40" not in text:
        failures.append("the page does not name the data file and the command that reproduces the run")
    return failures, f"{entries} front entries, {len(text.encode())} bytes"


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def check_browser(occam, out_dir):
    browser = chromium()
    if browser is None:
        return ["no chromium on PATH (scripts/setup.sh installs Debian's chromium)"], ""
    front, report_path = run_search(occam, out_dir)
    entries = len(front["front"])
    url = "file://" + os.path.abspath(report_path)
    screenshot = os.path.join(os.path.abspath(out_dir), "report.png")
    failures = []
    with tempfile.TemporaryDirectory() as profile:
        common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                  f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
        dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
        root = re.search(r"<html[^>]*>", dom.stdout)
        if dom.returncode != 0 or root is None:
            return [f"chromium could not render the page (exit {dom.returncode}): {dom.stderr[-500:]}"], ""
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', root.group(0)))
        if attributes.get("data-report-ready") != "yes":
            failures.append("the page's script did not finish")
        if attributes.get("data-script-errors") != "0":
            failures.append(f"script errors: {attributes.get('data-script-errors')}")
        if attributes.get("data-front-points") != str(entries):
            failures.append(f"rendered front points {attributes.get('data-front-points')} for {entries} entries")
        for line in dom.stderr.splitlines():
            if "CONSOLE" in line and ("Uncaught" in line or "Error" in line):
                failures.append(f"console: {line.strip()}")
        shot = subprocess.run(common + [f"--screenshot={screenshot}", "--window-size=1200,1800", "--hide-scrollbars", url],
                              capture_output=True, text=True, timeout=120)
        if shot.returncode != 0 or not os.path.isfile(screenshot) or os.path.getsize(screenshot) < 10_000:
            failures.append(f"no screenshot at {screenshot} (exit {shot.returncode})")
    return failures, f"{entries} front points rendered; screenshot {screenshot}"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("structure", "browser"):
        sys.exit(__doc__)
    mode, occam, out_dir = sys.argv[1:]
    failures, summary = (check_structure if mode == "structure" else check_browser)(occam, out_dir)
    for failure in failures:
        print(f"report {mode}: {failure}")
    if failures:
        sys.exit(1)
    print(f"report {mode}: ok ({summary})")


if __name__ == "__main__":
    main()
