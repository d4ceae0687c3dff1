"""The estimator and `occam search` are one engine: the same data, seed and generation budget give
the same front document (all but the seconds it took, and the record of the command line the program
adds for `occam report`)."""
import json
import subprocess

import numpy as np
import pandas

from conftest import quick


def test_same_front_as_the_cli_json(tmp_path, program):
    rng = np.random.default_rng(5)
    X = rng.uniform(0.5, 2.0, size=(150, 3))
    y = X[:, 0] * np.exp(-X[:, 1]) + 0.01 * rng.normal(size=150)
    table = pandas.DataFrame(X, columns=["a", "b", "c"]).assign(y=y)
    path = tmp_path / "data.csv"
    table.to_csv(path, index=False, float_format="%.17g")

    cli = subprocess.run(
        [program, "search", str(path), "--target", "y", "--generations", "12", "--islands", "4",
         "--population", "100", "--precheck", "off", "--seed", "3", "--format", "json", "--quiet"],
        check=True, capture_output=True, text=True)
    from_cli = json.loads(cli.stdout)
    assert from_cli.pop("run")["target"] == "y"
    model = quick(generations=12, seed=3).fit(table[["a", "b", "c"]], table["y"])
    for document in (from_cli, model.front_):
        document["search"].pop("seconds")
    assert model.front_ == from_cli
