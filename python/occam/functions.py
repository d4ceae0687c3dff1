"""The CLI's sample, eval and check on arrays and DataFrames."""
import numpy as np

from . import _occam
from .columns import count, table, target_name
from .units import units_table


def sample(formula, ranges, rows=1000, seed=1, noise=0.0, target="y"):
    """Rows of formula with each variable drawn uniformly from its range, as ``occam sample``.

    ranges maps each variable to (low, high), in column order; noise is the standard deviation of
    Gaussian noise on the target as a share of its RMS. A pandas DataFrame (the target last), or a
    dict of columns without pandas.
    """
    bounds = [(str(name), float(low), float(high)) for name, (low, high) in ranges.items()]
    names, values = _occam.sample(formula, bounds, count("rows", rows), count("seed", seed), float(noise), str(target))
    try:
        import pandas
    except ImportError:
        return {name: values[:, k] for k, name in enumerate(names)}
    return pandas.DataFrame(values, columns=names)


def evaluate(formula, X, names=None):
    """formula at every row of X (an array or DataFrame; names default to its columns or x0, x1, ...).

    NaN where the formula is undefined.
    """
    values, names = table(X, names)
    return _occam.evaluate(formula, values, names)


def check(X, y, units=None, seed=1, names=None):
    """The pre-checks of ``occam check`` as data, without searching.

    A dict: "dimensions" (with units: the dimensionless groups), "surrogate" and "threshold" (the
    neural surrogate the tests ask and the relative error up to which a hypothesis holds),
    "symmetries" and "separations" (every test with its error and verdict, closest first) and
    "plan" (what a search with pre-checks would do, step by step).
    """
    values, names = table(X, names)
    target = np.asarray(y, dtype=np.float64)
    options = {"seed": seed, "units": units_table(units)}
    return _occam.check(values, target, names, target_name(y, names), options)
