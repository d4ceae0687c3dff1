"""A fitted pipeline's formula in the inputs the pipeline was given, when its steps before the
Regressor are per-column affine maps (scalers)."""
import sympy


def _affine_map(step):
    """(scale, shift) arrays with step(x) = x*scale + shift per column, or None for any other step."""
    import numpy as np

    kind = type(step).__name__
    if step is None or step == "passthrough":
        return None, None
    if kind == "StandardScaler":
        mean = step.mean_ if step.mean_ is not None else 0.0
        scale = step.scale_ if step.scale_ is not None else 1.0
        return 1.0 / np.asarray(scale), -np.asarray(mean) / np.asarray(scale)
    if kind == "MinMaxScaler" and not step.clip:
        return np.asarray(step.scale_), np.asarray(step.min_)
    if kind == "MaxAbsScaler":
        return 1.0 / np.asarray(step.scale_), 0.0
    if kind == "RobustScaler":
        center = step.center_ if step.center_ is not None else 0.0
        scale = step.scale_ if step.scale_ is not None else 1.0
        return 1.0 / np.asarray(scale), -np.asarray(center) / np.asarray(scale)
    if kind == "FunctionTransformer" and step.func is None:
        return None, None
    raise ValueError(f"{kind} is not a per-column affine map (only scalers are): the formula is of its outputs, "
                     "see the Regressor's equations_")


def formula_in_inputs(pipeline, index=None):
    """The sympy formula of a fitted pipeline ending in an occam.Regressor, over the pipeline's own inputs.

    Every step before the Regressor must map each column affinely (StandardScaler, MinMaxScaler,
    MaxAbsScaler, RobustScaler, "passthrough"); ValueError names the first that does not. index
    picks a row of the Regressor's equations_ (None: the recommended one).
    """
    from .regressor import Regressor

    steps = [step for _, step in pipeline.steps]
    model = steps[-1]
    if not isinstance(model, Regressor):
        raise ValueError(f"the pipeline ends in {type(model).__name__}, not an occam.Regressor")
    formula = model.sympy(index)
    names = [str(n) for n in getattr(pipeline, "feature_names_in_", [])] or [
        f"x{i}" for i in range(model.n_features_in_)]
    originals = [sympy.Symbol(name) for name in names]
    # compose the maps from the first step on: column k reaches the Regressor as scale*x + shift
    columns = list(originals)
    for step in steps[:-1]:
        scale, shift = _affine_map(step)
        if scale is None:
            continue
        columns = [sympy.Float(float(_at(scale, k))) * c + sympy.Float(float(_at(shift, k)))
                   for k, c in enumerate(columns)]
    inner = [sympy.Symbol(name) for name in model.variable_names_]
    return formula.xreplace(dict(zip(inner, columns)))


def _at(values, k):
    try:
        return values[k]
    except (TypeError, IndexError):
        return values
