"""Evaluations of one search through Python against the same search through the CLI.

The issue's bar: a 60 s search through Python is within 2 % of the CLI's evaluations. Runs the
pair twice, alternating (CLI, Python, CLI, Python), on Feynman I.12.11 sampled with 1 % noise:

    PYTHONPATH=build/python python3 bench/python_overhead.py build/occam [budget] [threads]

A budget such as 60 is seconds: both count the evaluations they reach. One such as 400g is
generations: both do the same work (the search is deterministic), and the seconds they take say
the overhead without the run-to-run spread of what a timed search explores.
"""
import json
import subprocess
import sys
import tempfile

import occam

program = sys.argv[1]
budget = sys.argv[2] if len(sys.argv) > 2 else "60"
by_generations = budget.endswith("g")
limit = ["--generations", budget[:-1]] if by_generations else ["--time", budget]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
names = ["q", "Ef", "B", "v", "theta"]
data = occam.sample("q*(Ef + B*v*sin(theta))", {n: (1, 5) for n in names}, rows=1000, seed=1, noise=0.01, target="F")
# the budget is a fixed stretch of search, with nothing ending it early
options = dict(seed=1, threads=threads, precheck="off", stall_generations=0, target_loss=0.0)
if by_generations:
    options["generations"] = int(budget[:-1])
else:
    options["time"] = float(budget)

with tempfile.NamedTemporaryFile("w", suffix=".csv") as file:
    data.to_csv(file.name, index=False, float_format="%.17g")
    counts = {"cli": [], "python": []}
    for _ in range(2):
        cli = subprocess.run([program, "search", file.name, "--target", "F", *limit, "--seed", "1",
                              "--threads", str(threads), "--precheck", "off", "--stall-generations", "0",
                              "--target-loss", "0", "--format", "json", "--quiet"],
                             check=True, capture_output=True, text=True)
        counts["cli"].append(json.loads(cli.stdout)["search"])
        model = occam.Regressor(**options).fit(data[names], data["F"])
        counts["python"].append(model.front_["search"])

for kind, runs in counts.items():
    for run in runs:
        print(f"{kind:7} {run['evaluations']:>12} evaluations  {run['generations']:>6} generations  {run['seconds']:.1f} s")
cli = sum(r["evaluations"] for r in counts["cli"])
python = sum(r["evaluations"] for r in counts["python"])
print(f"python / cli evaluations: {python / cli:.4f}")
rate = {kind: sum(r["evaluations"] for r in runs) / sum(r["seconds"] for r in runs) for kind, runs in counts.items()}
print(f"python / cli evaluations per second: {rate['python'] / rate['cli']:.4f}")
