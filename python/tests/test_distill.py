"""occam.distill on a component given as a dict: the formula of each output, on a domain or on
real inputs, and the component format's errors as ValueError."""
import numpy as np
import pytest
import sympy

import occam

# u = 2x + 3y - 1 and v = x/2 - y, through two linear layers
COMPONENT = {
    "format": "occam-component",
    "version": 1,
    "inputs": ["x", "y"],
    "outputs": ["u", "v"],
    "layers": [
        {"weight": [[2.0, 3.0], [0.5, -1.0]], "bias": [-1.0, 0.0], "activation": "linear"},
        {"weight": [[1.0, 0.0], [0.0, 1.0]], "bias": [0.0, 0.0], "activation": "linear"},
    ],
}


def test_each_output_gets_its_formula():
    outputs = occam.distill(COMPONENT, domain={"x": (-1, 1), "y": (-1, 1)}, generations=20, islands=4,
                            population=100, threads=2, snap=True)
    assert [o.name for o in outputs] == ["u", "v"]
    x, y = sympy.symbols("x y")
    assert sympy.simplify(outputs[0].sympy() - (2 * x + 3 * y - 1)) == 0
    assert sympy.simplify(outputs[1].sympy() - (x / 2 - y)) == 0
    assert all(o.r2 == pytest.approx(1.0) for o in outputs)
    assert list(outputs[0].equations["complexity"]) == sorted(outputs[0].equations["complexity"])


def test_one_output_on_real_inputs():
    rng = np.random.default_rng(4)
    outputs = occam.distill(COMPONENT, inputs=rng.uniform(-2, 2, size=(300, 2)), output=1, generations=20,
                            islands=4, population=100, threads=2, snap=True)
    assert [o.name for o in outputs] == ["v"]
    values = occam.evaluate(outputs[0].formula, np.array([[0.4, 0.3]]), names=["x", "y"])
    assert values[0] == pytest.approx(0.4 / 2 - 0.3)


def test_components_and_domains_that_cannot_be_used():
    with pytest.raises(ValueError, match="z"):
        occam.distill(COMPONENT, domain={"x": (-1, 1), "z": (0, 1)}, generations=2)
    with pytest.raises(ValueError, match="either domain"):
        occam.distill(COMPONENT, generations=2)
    with pytest.raises(ValueError, match="component"):
        occam.distill(dict(COMPONENT, version=7), domain={"x": (-1, 1), "y": (-1, 1)}, generations=2)
    with pytest.raises(ValueError, match="output"):
        occam.distill(COMPONENT, domain={"x": (-1, 1), "y": (-1, 1)}, output=5, generations=2)
