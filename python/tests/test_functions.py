"""occam.sample, occam.evaluate and occam.check: the CLI's sample, eval and check on arrays."""
import numpy as np
import pytest

import occam


def test_sample_draws_the_formula_over_its_ranges():
    frame = occam.sample("m*v**2/2", {"m": (1, 2), "v": (-3, 3)}, rows=500, seed=4, target="E")
    assert list(frame.columns) == ["m", "v", "E"]
    assert len(frame) == 500
    assert frame["m"].between(1, 2).all() and frame["v"].between(-3, 3).all()
    np.testing.assert_allclose(frame["E"], frame["m"] * frame["v"] ** 2 / 2, rtol=1e-15)
    noisy = occam.sample("m*v**2/2", {"m": (1, 2), "v": (-3, 3)}, rows=500, seed=4, noise=0.1, target="E")
    assert 0.05 < np.std(noisy["E"] - frame["E"]) / np.sqrt(np.mean(frame["E"] ** 2)) < 0.15


def test_evaluate_is_nan_only_where_the_formula_is_undefined():
    X = np.array([[4.0], [-1.0], [9.0]] * 30)
    values = occam.evaluate("sqrt(x0)", X)
    np.testing.assert_array_equal(np.isnan(values), X[:, 0] < 0)
    np.testing.assert_allclose(values[X[:, 0] >= 0], np.sqrt(X[X[:, 0] >= 0, 0]))


def test_check_finds_dimensionless_groups_and_a_separable_law():
    data = occam.sample("m*g*z", {"m": (1, 5), "g": (9, 10), "z": (1, 5)}, rows=400, seed=2, target="U")
    report = occam.check(data[["m", "g", "z"]], data["U"], units={
        "U": {"m": 2, "s": -2, "kg": 1}, "m": {"kg": 1}, "g": {"m": 1, "s": -2}, "z": {"m": 1}})
    assert report["dimensions"]["inputs_removed"] == 3
    assert report["plan"], "the plan says what a search would do"
    products = [s for s in report["separations"] if s["kind"] == "multiplicative" and s["holds"]]
    assert products, "U = m*g*z separates into factors"
    with pytest.raises(ValueError, match="no units"):
        occam.check(data[["m", "g", "z"]], data["U"], units={"U": {"m": 1}, "m": {"kg": 1}})
