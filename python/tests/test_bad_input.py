"""Bad input raises ValueError with one line that says what is wrong, never a crash."""
import numpy as np
import pandas
import pytest

import occam
from conftest import quick


def test_data_that_cannot_be_searched(product_law):
    X, y = product_law
    broken = X.copy()
    broken[4, 1] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        quick().fit(broken, y)
    with pytest.raises(ValueError, match="could not convert|numeric"):
        quick().fit(pandas.DataFrame({"a": ["1", "2", "x"] * 10, "b": np.arange(30.0)}), np.arange(30.0))
    with pytest.raises(ValueError, match="minimum of 3"):
        quick().fit(X[:2], y[:2])
    model = quick(generations=3).fit(X, y)
    with pytest.raises(ValueError, match="features"):
        model.predict(X[:, :1])
    with pytest.raises(ValueError, match="negative|at least 0"):
        quick().fit(X, y, sample_weight=-np.ones(len(y)))


@pytest.mark.parametrize("options, message", [
    (dict(ops="+,*,sinus"), "sinus"),
    (dict(max_length=-1), "max_length=-1"),
    (dict(precheck="maybe"), "precheck maybe"),
    (dict(errors="both"), "errors both"),
    (dict(time=True), "time=True"),
    (dict(units="/no/such/units.csv"), "/no/such/units.csv"),
    (dict(validation=1.5), "1.5"),
])
def test_options_that_cannot_be_used(product_law, options, message):
    X, y = product_law
    with pytest.raises(ValueError, match=message):
        quick(**options).fit(X, y)


def test_formulas_that_cannot_be_read():
    with pytest.raises(ValueError, match="expected"):
        occam.evaluate("x0 +* 2", np.ones((3, 1)))
    with pytest.raises(ValueError, match="z"):
        occam.evaluate("z + 1", np.ones((3, 1)))
    with pytest.raises(ValueError, match="range 2:1"):
        occam.sample("x", {"x": (2, 1)})


def test_numpy_numbers_are_numbers_and_out_of_range_counts_are_refused(product_law):
    X, y = product_law
    quick(generations=np.int64(3), max_length=np.int32(20), snap=np.bool_(True)).fit(X, y)
    with pytest.raises(ValueError, match="lm_iterations"):
        quick(lm_iterations=2**40).fit(X, y)
    with pytest.raises(ValueError, match="seed"):
        quick(seed=2**70).fit(X, y)
    with pytest.raises(ValueError, match="rows=-5"):
        occam.sample("x", {"x": (0, 1)}, rows=-5)
