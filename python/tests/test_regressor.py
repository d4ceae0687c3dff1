"""The estimator on data with a known law: the front, the recommended formula in every syntax,
predictions from any entry, DataFrame names and sample weights."""
import numpy as np
import pandas
import pytest
import sympy

import occam
from conftest import quick


def test_finds_the_law_and_prints_it_in_every_syntax(product_law):
    X, y = product_law
    model = quick().fit(X, y)
    x0, x1 = sympy.symbols("x0 x1")
    assert sympy.simplify(model.sympy() - x0 * x1) == 0
    assert model.formula_ == model.equations_.loc[model.best_index_, "infix"]
    assert model.latex() == model.equations_.loc[model.best_index_, "latex"]
    assert list(model.equations_.columns[:7]) == [
        "complexity", "constants", "train_loss", "validation_loss", "validation_r2", "description_length",
        "recommended"]
    assert model.equations_["recommended"].sum() == 1
    assert model.equations_["complexity"].is_monotonic_increasing
    np.testing.assert_allclose(model.predict(X), y, rtol=1e-12)
    assert model.score(X, y) == pytest.approx(1.0)
    assert model.n_features_in_ == 2


def test_every_front_entry_predicts_as_its_formula(product_law):
    X, y = product_law
    model = quick(generations=5).fit(X, y)
    for index, row in model.equations_.iterrows():
        expected = occam.evaluate(row["infix"], X)
        np.testing.assert_array_equal(model.predict(X, index=index), expected)
        assert float(sympy.sympify(row["sympy"]).subs({"x0": 1.5, "x1": 2.0})) == pytest.approx(
            occam.evaluate(row["infix"], np.array([[1.5, 2.0]]))[0])
    with pytest.raises(ValueError, match="the front has"):
        model.predict(X, index=len(model.equations_))


def test_dataframe_columns_name_the_variables():
    rng = np.random.default_rng(3)
    frame = pandas.DataFrame({"mass": rng.uniform(1, 5, 150), "body speed": rng.uniform(1, 5, 150)})
    energy = pandas.Series(0.5 * frame["mass"] * frame["body speed"] ** 2, name="energy")
    model = quick(generations=40).fit(frame, energy)
    assert list(model.feature_names_in_) == ["mass", "body speed"]
    # names a formula can spell: spaces become underscores
    assert model.variable_names_ == ["mass", "body_speed"]
    mass, speed = sympy.symbols("mass body_speed")
    assert sympy.simplify(model.sympy() - mass * speed**2 / 2) == 0
    np.testing.assert_allclose(model.predict(frame), energy, rtol=1e-12)


def test_weights_make_the_loss_weighted_and_weight_zero_drops_the_row(product_law):
    X, y = product_law
    rng = np.random.default_rng(11)
    weights = rng.uniform(0.5, 2.0, len(y))
    weighted = quick(generations=5).fit(X, y, sample_weight=weights)
    assert weighted.front_["loss"]["measure"] == "weighted NMSE"
    assert weighted.front_["loss"]["weights"] == "sample_weight"
    # equal weights are no weights
    assert quick(generations=5).fit(X, y, sample_weight=np.full(len(y), 3.0)).front_["loss"]["weights"] is None
    # rows of weight 0 (here: wrong ones) leave the same search as without them
    junk = np.vstack([X, rng.uniform(1, 3, size=(40, 2))])
    junk_y = np.concatenate([y, rng.uniform(-100, 100, 40)])
    junk_w = np.concatenate([np.ones(len(y)), np.zeros(40)])
    with_junk = quick(generations=5).fit(junk, junk_y, sample_weight=junk_w)
    without = quick(generations=5).fit(X, y)
    assert with_junk.front_["front"] == without.front_["front"]


def test_defaults_are_the_engines():
    parameters = occam.Regressor().get_params()
    for name, value in occam._occam.engine_defaults().items():
        assert parameters[name] == value, name
    assert parameters["time"] is None and parameters["ops"] is None


def test_thread_count_does_not_change_the_front(product_law):
    X, y = product_law
    one = quick(threads=1, generations=8).fit(X, y).front_
    two = quick(threads=2, generations=8).fit(X, y).front_
    assert one["front"] == two["front"]


def test_verbose_draws_the_progress_line_and_the_notes(product_law, capsys):
    X, y = product_law
    model = quick(generations=12, verbose=True).fit(X, y)
    err = capsys.readouterr().err
    assert "\r" in err and "gen " in err and "best loss" in err
    assert model.notes_ and all(note in err for note in model.notes_)


def test_names_beyond_ascii_and_python_keywords_still_print_and_predict():
    rng = np.random.default_rng(8)
    frame = pandas.DataFrame({"θ": rng.uniform(1, 2, 120), "lambda": rng.uniform(1, 2, 120)})
    model = quick(generations=20).fit(frame, frame["θ"] * frame["lambda"])
    assert model.variable_names_ == ["_", "lambda_"]
    np.testing.assert_allclose(model.predict(frame), frame["θ"] * frame["lambda"], rtol=1e-12)
    assert model.sympy().free_symbols == set(sympy.symbols("_ lambda_"))
