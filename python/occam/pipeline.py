"""A fitted pipeline's formula in the inputs the pipeline was given, when its steps before the
Regressor are per-column affine maps (scalers)."""
import numpy as np


def _affine_map(step):
    """(scale, shift) with step(x) = x*scale + shift per column; (None, None) for a step that
    passes its input on; ValueError for any other step."""
    from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, RobustScaler, StandardScaler, FunctionTransformer

    if step is None or step == "passthrough" or (isinstance(step, FunctionTransformer) and step.func is None):
        return None, None
    if isinstance(step, StandardScaler):  # mean_ is set even when with_mean=False, and unused then
        mean = step.mean_ if step.with_mean else 0.0
        scale = step.scale_ if step.with_std else 1.0
        return 1.0 / np.asarray(scale), -np.asarray(mean) / np.asarray(scale)
    if isinstance(step, RobustScaler):
        center = step.center_ if step.with_centering else 0.0
        scale = step.scale_ if step.with_scaling else 1.0
        return 1.0 / np.asarray(scale), -np.asarray(center) / np.asarray(scale)
    if isinstance(step, MinMaxScaler):
        if step.clip:
            raise ValueError("MinMaxScaler(clip=True) clips new inputs to the training range: the formula is of "
                             "its outputs, see the Regressor's equations_")
        return np.asarray(step.scale_), np.asarray(step.min_)
    if isinstance(step, MaxAbsScaler):
        return 1.0 / np.asarray(step.scale_), 0.0
    raise ValueError(f"{type(step).__name__} is not a per-column affine map (only scalers are): the formula is of "
                     "its outputs, see the Regressor's equations_")


def formula_in_inputs(pipeline, index=None):
    """The sympy formula of a fitted pipeline ending in an occam.Regressor, over the pipeline's own inputs.

    Every step before the Regressor must map each column affinely (StandardScaler, MinMaxScaler,
    MaxAbsScaler, RobustScaler, "passthrough"); ValueError names the first that does not. index
    picks a row of the Regressor's equations_ (None: the recommended one).
    """
    import sympy

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
