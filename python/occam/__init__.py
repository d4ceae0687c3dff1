"""occam: compact formulas from data.

The same engine as the ``occam`` program, from Python::

    import occam
    data = occam.sample("exp(-theta**2/2)/sqrt(2*pi)", {"theta": (-3, 3)}, rows=500)
    model = occam.Regressor(time=20).fit(data[["theta"]], data["y"])
    print(model.sympy())

``Regressor`` is a scikit-learn estimator; ``sample``, ``evaluate``, ``check`` and ``distill``
are the CLI's ``sample``, ``eval``, ``check`` and ``distill`` on arrays and DataFrames. Bad input raises ``ValueError`` with
the CLI's one-line message.
"""
from ._occam import InputError, known_operators, stall_operators, standard_operators
from .distillation import DistilledOutput, distill
from .functions import check, evaluate, sample
from .pipeline import formula_in_inputs
from .regressor import Regressor

__version__ = "0.1.0"
__all__ = [
    "Regressor",
    "sample",
    "evaluate",
    "check",
    "distill",
    "DistilledOutput",
    "formula_in_inputs",
    "InputError",
    "standard_operators",
    "stall_operators",
    "known_operators",
]
