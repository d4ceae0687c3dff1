"""A Regressor inside a scikit-learn pipeline: cloned, fitted on scaled columns, and its formula
brought back to the pipeline's own inputs when the steps before it are scalers."""
import numpy as np
import pytest
import sympy
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, PolynomialFeatures, StandardScaler

import occam
from conftest import quick


@pytest.fixture
def shifted_law():
    rng = np.random.default_rng(9)
    X = rng.uniform([10, -4], [20, 4], size=(300, 2))
    return X, 3 * X[:, 0] + X[:, 1] ** 2


@pytest.mark.parametrize("scaler", [StandardScaler(), StandardScaler(with_mean=False), MinMaxScaler()])
def test_formula_in_the_pipelines_inputs(shifted_law, scaler):
    X, y = shifted_law
    pipeline = make_pipeline(scaler, quick(generations=40))
    pipeline = clone(pipeline).fit(X, y)
    formula = occam.formula_in_inputs(pipeline)
    assert {str(s) for s in formula.free_symbols} == {"x0", "x1"}
    at = sympy.lambdify(sympy.symbols("x0 x1"), formula, "numpy")
    np.testing.assert_allclose(at(X[:, 0], X[:, 1]), pipeline.predict(X), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(pipeline.predict(X), y, rtol=1e-6)


def test_steps_that_are_not_scalers_are_named(shifted_law):
    X, y = shifted_law
    pipeline = make_pipeline(PolynomialFeatures(2), quick(generations=2)).fit(X, y)
    with pytest.raises(ValueError, match="PolynomialFeatures is not a per-column affine map"):
        occam.formula_in_inputs(pipeline)
