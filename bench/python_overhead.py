"""Evaluations of one timed search through Python against the same search through the CLI.

The issue's bar: a 60 s search through Python is within 2 % of the CLI's evaluations. Runs the
pair twice, alternating (CLI, Python, CLI, Python), on Feynman I.12.11 sampled with 1 % noise:

    PYTHONPATH=build/python python3 bench/python_overhead.py build/occam [seconds] [threads]
"""
import json
import subprocess
import sys
import tempfile

import occam

program = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
names = ["q", "Ef", "B", "v", "theta"]
data = occam.sample("q*(Ef + B*v*sin(theta))", {n: (1, 5) for n in names}, rows=1000, seed=1, noise=0.01, target="F")
# the budget is a fixed stretch of search, with nothing ending it early
options = dict(time=seconds, seed=1, threads=threads, precheck="off", stall_generations=0, target_loss=0.0)

with tempfile.NamedTemporaryFile("w", suffix=".csv") as file:
    data.to_csv(file.name, index=False, float_format="%.17g")
    counts = {"cli": [], "python": []}
    for _ in range(2):
        cli = subprocess.run([program, "search", file.name, "--target", "F", "--time", str(seconds), "--seed", "1",
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
