"""occam.Regressor: the engine as a scikit-learn estimator."""
import json
import sys

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.utils.validation import _check_sample_weight, check_is_fitted

from . import _occam
from .columns import plain, target_name, unused_name, variable_names
from .units import units_table

try:  # scikit-learn 1.6 and later
    from sklearn.utils.validation import validate_data as _validate_data
except ImportError:  # earlier: a method of the estimator

    def _validate_data(estimator, *args, **kwargs):
        return estimator._validate_data(*args, **kwargs)


class Regressor(RegressorMixin, BaseEstimator):
    """Symbolic regression: the Pareto front of formulas for y, from the simplest to the most accurate.

    The parameters are the options of ``occam search`` (its ``--help`` says each in full):

    time, evaluations, generations
        The whole run's budget; the first limit reached stops it. time is in seconds and defaults
        to 60 when no other budget is given; evaluations and generations give the same front on
        every run and for any thread count.
    seed, threads
        The random seed; worker threads (0: all cores), which never change the result.
    ops, stall_ops, widen_after
        Operators (comma-separated; None: occam.standard_operators) and those the islands add when
        the best loss has stalled for widen_after generations (None: occam.stall_operators with the
        standard operators, none with your own; "none": never).
    max_length, max_depth, short_length, islands, population
        The largest formula in nodes and depth, the node cap of every other island (0: none), and
        the islands and individuals per island.
    precheck, units
        "auto" runs the pre-checks (dimensional analysis with units, symmetries and separability
        from three inputs); units is a units table's path or a dict {variable: {base: exponent}}
        whose names are the columns' (and the target's, a pandas Series' name or "y").
    errors
        "auto", "absolute" or "relative" (fit log|y| for a target across decades).
    validation
        Share of rows held out to choose among formulas (from 100 rows up; smaller tables are
        ranked by description length).
    stall_generations, target_loss
        Stop when the chosen formula has not improved for this many generations (0: never), or
        once a formula's training NMSE reaches target_loss.
    lm_iterations, fit_rows, sign_restart, snap
        Constant fitting: Levenberg-Marquardt iterations and rows per candidate, a second fit from
        the constants' negatives, and exact values for fitted constants.
    verbose
        Show the progress line and the run's notes on sys.stderr.

    After fit: ``equations_`` (the front, a pandas DataFrame), ``best_index_`` (the recommended
    row), ``formula_`` (its formula), ``front_`` (the CLI's JSON document), ``notes_`` and
    ``interrupted_``; ``predict``, ``sympy`` and ``latex`` take any row of the front. Ctrl-C stops
    the search at its next barrier: the estimator keeps the front found so far, then
    KeyboardInterrupt is raised.
    """

    def __init__(self, time=None, evaluations=None, generations=None, seed=1, threads=0, ops=None,
                 stall_ops=None, widen_after=100, max_length=30, max_depth=12, short_length=0, islands=8,
                 population=200, precheck="auto", units=None, errors="auto", validation=0.25,
                 stall_generations=200, target_loss=1e-24, lm_iterations=8, fit_rows=512, sign_restart=False,
                 snap=True, verbose=False):
        self.time = time
        self.evaluations = evaluations
        self.generations = generations
        self.seed = seed
        self.threads = threads
        self.ops = ops
        self.stall_ops = stall_ops
        self.widen_after = widen_after
        self.max_length = max_length
        self.max_depth = max_depth
        self.short_length = short_length
        self.islands = islands
        self.population = population
        self.precheck = precheck
        self.units = units
        self.errors = errors
        self.validation = validation
        self.stall_generations = stall_generations
        self.target_loss = target_loss
        self.lm_iterations = lm_iterations
        self.fit_rows = fit_rows
        self.sign_restart = sign_restart
        self.snap = snap
        self.verbose = verbose

    def fit(self, X, y, sample_weight=None):
        """Search formulas for y from the columns of X; rows with sample_weight 0 are left out."""
        labelled = y  # a pandas Series' name names the target (units tables, the notes)
        X, y = _validate_data(self, X, y, y_numeric=True, dtype=np.float64, ensure_min_samples=_occam.min_rows)
        names = variable_names(getattr(self, "feature_names_in_", None), X.shape[1])
        weights = None
        if sample_weight is not None:
            weights = _check_sample_weight(sample_weight, X, dtype=np.float64)
            if np.any(weights < 0) or not np.all(np.isfinite(weights)):
                raise ValueError("sample_weight: weights must be finite and at least 0")
            kept = weights != 0  # a row of weight 0 says nothing about the law
            if not np.any(kept):
                raise ValueError("sample_weight: every weight is 0")
            if not np.all(kept):
                X, y, weights = X[kept], y[kept], weights[kept]
            if np.all(weights == weights[0]):
                weights = None  # equal weights are no weights
        target = target_name(labelled, names)
        weight_name = unused_name("sample_weight", names + [target])

        # every parameter but verbose is the engine's, under the CLI's option name without dashes
        options = {name: plain(value) for name, value in self.get_params().items() if name != "verbose"}
        options["units"] = units_table(self.units)
        result = _occam.search(np.ascontiguousarray(X), np.ascontiguousarray(y), names, target, weights,
                               weight_name, options, bool(self.verbose))
        self.front_ = json.loads(result["front"])
        self.variable_names_ = names
        self.notes_ = list(result["notes"])
        self.interrupted_ = bool(result["interrupted"])
        entries = self.front_["front"]
        self.best_index_ = next((k for k, e in enumerate(entries) if e["recommended"]), None)
        self.formula_ = entries[self.best_index_]["infix"] if entries else None
        self.equations_ = _equations_table(entries)
        if self.verbose:
            for note in self.notes_:
                print(note, file=sys.stderr)
        if self.interrupted_:
            raise KeyboardInterrupt("occam: interrupted; the estimator keeps the front found so far")
        return self

    def predict(self, X, index=None):
        """The formula of row index of equations_ (None: the recommended one) at every row of X."""
        check_is_fitted(self, "front_")
        X = _validate_data(self, X, reset=False, dtype=np.float64)
        return _occam.evaluate(self._entry(index)["infix"], np.ascontiguousarray(X), self.variable_names_)

    def sympy(self, index=None):
        """The formula of row index (None: the recommended one) as a sympy expression."""
        import sympy

        check_is_fitted(self, "front_")
        symbols = {name: sympy.Symbol(name) for name in self.variable_names_}
        return sympy.sympify(self._entry(index)["sympy"], locals=symbols)

    def latex(self, index=None):
        """The formula of row index (None: the recommended one) in LaTeX."""
        check_is_fitted(self, "front_")
        return self._entry(index)["latex"]

    def _entry(self, index):
        entries = self.front_["front"]
        if not entries:
            raise ValueError("the search found no formula (it was interrupted before its first barrier)")
        if index is None:
            return entries[self.best_index_]
        if not isinstance(index, (int, np.integer)) or not -len(entries) <= index < len(entries):
            raise ValueError(f"index={index!r}: the front has {len(entries)} formulas (0 to {len(entries) - 1})")
        return entries[index]


def _equations_table(entries):
    """The front as a pandas DataFrame (a list of dicts without pandas), simplest formula first."""
    columns = ["complexity", "constants", "train_loss", "validation_loss", "validation_r2", "description_length",
               "recommended", "infix", "sympy", "latex", "c", "constant_values", "standard_errors"]
    rows = [{column: entry[column] for column in columns} for entry in entries]
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows, columns=columns)
