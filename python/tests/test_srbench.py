"""The SRBench module (bench/srbench/regressor.py) as SRBench's harness uses it."""
import importlib.util
import os

import numpy as np
import pandas
import pytest
import sympy


@pytest.fixture
def srbench():
    source = os.environ.get("OCCAM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    spec = importlib.util.spec_from_file_location("occam_srbench", os.path.join(source, "bench/srbench/regressor.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_names_the_columns_and_the_population_is_the_front(srbench):
    rng = np.random.default_rng(2)
    X = pandas.DataFrame(rng.uniform(1, 2, size=(120, 2)), columns=["x_1", "x_2"])
    y = X["x_1"] / X["x_2"]
    est = srbench.est.set_params(time=None, generations=30, islands=4, population=100, precheck="off")
    est.fit(X, y)
    formula = sympy.sympify(srbench.model(est, X))
    assert sympy.simplify(formula - sympy.Symbol("x_1") / sympy.Symbol("x_2")) == 0
    population = srbench.get_population(est)
    assert len(population) == len(est.equations_)
    for index, member in enumerate(population):
        np.testing.assert_array_equal(member.predict(X), est.predict(X, index=index))
    assert srbench.get_best_solution(est) is est
