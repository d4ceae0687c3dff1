"""occam.distill: formulas of a learned network component, as ``occam distill``."""
import json
import os
import sys
from dataclasses import dataclass, field

import numpy as np

from . import _occam
from .columns import count, plain
from .text_files import read_text


@dataclass
class DistilledOutput:
    """One output of a component: its front, the chosen formula, and how well that formula
    reproduces the component (R2 and RMSE on fresh points of the domain, or on the given inputs)."""

    name: str
    front: dict  # the CLI's JSON document of this output's front
    r2: float
    rmse: float
    equations: object = field(repr=False)  # the front as a pandas DataFrame (list of dicts without pandas)

    @property
    def formula(self):
        """The chosen formula, in infix."""
        return next((e["infix"] for e in self.front["front"] if e["recommended"]), None)

    def sympy(self):
        import sympy

        symbols = {name: sympy.Symbol(name) for name in self.front["variables"]}
        chosen = next(e["sympy"] for e in self.front["front"] if e["recommended"])
        return sympy.sympify(chosen, locals=symbols)


def _component_text(component):
    """(JSON text, its name in error messages) of a component file's path or a component dict."""
    if isinstance(component, (str, os.PathLike)):
        return read_text(component, "component")
    if isinstance(component, dict):
        return json.dumps(component, allow_nan=False), "component"
    raise ValueError(f"component: expected the path of a component file or its JSON document as a dict, "
                     f"got {type(component).__name__}")


def distill(component, domain=None, inputs=None, samples=2000, grid=False, output=None, r2_goal=0.999,
            validation=0.25, time=None, evaluations=None, generations=None, seed=1, threads=0, precheck="off",
            snap=False, verbose=False, **search):
    """Sample a network component and search a formula for each output, as ``occam distill``.

    component is a component file's path or its JSON document as a dict (the format README.md
    describes, which examples/export_torch.py writes from a PyTorch nn.Sequential). Sample it on
    domain, {input: (low, high)} for every input, or on inputs, an array or DataFrame with one
    column per component input (real inputs, e.g. recorded jets). output picks one output by index
    (None: all). The budget is the whole distillation's; search takes the Regressor's other
    parameters (ops, max_length, ...). Returns a list of DistilledOutput, one per output; on
    Ctrl-C, what was found so far, with a warning.
    """
    if (domain is None) == (inputs is None):
        raise ValueError("distill: give either domain (input ranges) or inputs (real inputs), not both or neither")
    text, source = _component_text(component)
    ranges = [(str(name), float(low), float(high)) for name, (low, high) in (domain or {}).items()]
    if inputs is not None:
        inputs = np.ascontiguousarray(inputs, dtype=np.float64)
    options = dict(search, validation=validation, time=time, evaluations=evaluations, generations=generations,
                   seed=seed, threads=threads, precheck=precheck, snap=snap)
    options = {name: plain(value) for name, value in options.items()}
    if count("samples", samples) < 1:
        raise ValueError("samples=0: expected at least one point")
    output = None if output is None else count("output", output)
    result = _occam.distill(text, source, ranges, inputs, samples, bool(grid), output, float(r2_goal), options,
                            bool(verbose))
    from .regressor import _equations_table

    outputs = []
    for one in result["outputs"]:
        front = json.loads(one["front"])
        outputs.append(DistilledOutput(one["name"], front, one["r2"], one["rmse"], _equations_table(front["front"])))
    if result["interrupted"]:
        import warnings

        warnings.warn("occam: interrupted; the fronts found so far", stacklevel=2)
    if verbose:
        for one in outputs:
            print(f"{one.name} = {one.formula}  (R2 against the component {one.r2:.6f})", file=sys.stderr)
    return outputs
