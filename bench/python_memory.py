"""Peak memory of fitting 1,000,000 rows x 10 columns through Python, in copies of the data.

    PYTHONPATH=build/python python3 bench/python_memory.py [rows] [precheck]

Reports the process's peak resident memory before and after one fit of a single generation, over
the size of X; the engine's column-major table is one copy, its training and validation split a
second, the pre-checks' columns (precheck auto) a third.
"""
import resource
import sys

import numpy as np

import occam

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
precheck = sys.argv[2] if len(sys.argv) > 2 else "off"
rng = np.random.default_rng(1)
X = rng.uniform(1, 2, size=(rows, 10))
y = X[:, 0] * X[:, 1] + X[:, 2]
size = X.nbytes + y.nbytes


def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


before = peak()
model = occam.Regressor(generations=1, islands=2, population=50, precheck=precheck, threads=2).fit(X, y)
after = peak()
print(f"{rows} rows x 10 columns: X and y {size / 2**20:.0f} MiB; peak before fit {before / 2**20:.0f} MiB, "
      f"after {after / 2**20:.0f} MiB: the fit added {(after - before) / size:.2f} copies of the data")
