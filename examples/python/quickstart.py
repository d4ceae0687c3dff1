"""occam from Python in a few lines: sample a law, find it again, read it as sympy.

The law is the Lorentz force on a charge (Feynman I.12.11), F = q*(Ef + B*v*sin(theta)), sampled
with 1 % noise. Run from the repository after the README's set-up:

    PYTHONPATH=build/python python3 examples/python/quickstart.py [seconds]

(or without PYTHONPATH once `cmake --install build` has put occam into site-packages).
"""
import sys

import occam

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30
ranges = {name: (1, 5) for name in ("q", "Ef", "B", "v", "theta")}
data = occam.sample("q*(Ef + B*v*sin(theta))", ranges, rows=1000, seed=1, noise=0.01, target="F")

model = occam.Regressor(time=seconds, seed=1, verbose=True)
model.fit(data[list(ranges)], data["F"])

print(model.equations_[["complexity", "validation_loss", "infix"]].to_string(index=False))
print("recommended:", model.sympy())
print("as LaTeX:   ", model.latex())

try:
    import matplotlib.pyplot as plot
except ImportError:
    print("(install python3-matplotlib to see the Pareto front plotted)")
else:
    front = model.equations_
    plot.step(front["complexity"], front["validation_loss"], where="post", marker="o")
    best = front.loc[model.best_index_]
    plot.annotate("recommended", (best["complexity"], best["validation_loss"]))
    plot.yscale("log")
    plot.xlabel("complexity (nodes)")
    plot.ylabel("validation NMSE")
    plot.title("occam's Pareto front for F")
    plot.savefig("quickstart_front.png", dpi=120)
    print("front plotted in quickstart_front.png")
