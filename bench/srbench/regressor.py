"""occam for SRBench (github.com/cavalab/srbench): the module its harness imports for a method.

Copy this file to srbench's algorithms/occam/regressor.py (see README.md in this folder). The
harness fits `est`, reads the chosen formula through `model`, and the front through
`get_population` and `get_best_solution`.
"""
import copy

import sympy

import occam

# SRBench's budgets (La Cava et al., 2021): a million evaluations or 8 hours per ground-truth
# problem, 500,000 evaluations or 48 hours per black-box one. occam counts one evaluation per
# candidate fitted (its Levenberg-Marquardt iterations included), and its time is the whole run's,
# pre-checks included.
est = occam.Regressor(evaluations=1_000_000, time=8 * 3600, seed=42, threads=0, precheck="auto")

# one setting: every extra one multiplies the budget by SRBench's tuning folds
hyper_params = [{}]

# SRBench's quick test of a method runs a far smaller budget
eval_kwargs = {"test_params": {"time": 10}}


def model(est, X=None):
    """The recommended formula as a sympy string, in X's column names when X is a DataFrame."""
    return _in_columns(est, est.sympy(), X)


def get_population(est):
    """Every formula of the front (at most 100), each as an estimator that predicts with it alone."""
    population = []
    for index in range(min(len(est.equations_), 100)):
        member = copy.deepcopy(est)
        member.best_index_ = index
        member.formula_ = est.equations_.loc[index, "infix"]
        population.append(member)
    return population


def get_best_solution(est):
    """The recommended formula's estimator."""
    return est


def _in_columns(est, formula, X):
    columns = list(getattr(X, "columns", [])) or list(getattr(est, "feature_names_in_", []))
    if not columns:
        return str(formula)
    renamed = {sympy.Symbol(name): sympy.Symbol(str(column)) for name, column in zip(est.variable_names_, columns)}
    return str(formula.xreplace(renamed))
