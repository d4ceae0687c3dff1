"""Shared data and budgets: every search here runs a fixed number of generations, so its result is
the same on every machine and thread count, and small enough to keep the suite quick."""
import os

import numpy as np
import pytest

import occam


def quick(**overrides):
    """A Regressor with a small, reproducible budget and no pre-checks unless overridden."""
    settings = dict(generations=30, islands=4, population=100, precheck="off", threads=2)
    settings.update(overrides)
    return occam.Regressor(**settings)


@pytest.fixture
def product_law():
    """y = x0*x1 on 200 rows: a law with no constant, found in a few generations."""
    rng = np.random.default_rng(7)
    X = rng.uniform(1, 3, size=(200, 2))
    return X, X[:, 0] * X[:, 1]


@pytest.fixture
def program():
    """The occam CLI built beside this module (ctest says where)."""
    path = os.environ.get("OCCAM_PROGRAM")
    if not path or not os.path.exists(path):
        pytest.skip("OCCAM_PROGRAM does not name the built occam program")
    return path
