"""Column names and arrays as the engine reads them: names that formulas can spell, and float64 rows."""
import keyword
import operator
import re

import numpy as np


def identifier(name):
    """name as a formula can spell it: ASCII letters, digits and underscores, not starting with a
    digit, and not a Python keyword (sympy reads the printed formulas as Python)."""
    text = re.sub(r"\W", "_", str(name), flags=re.ASCII)
    if not text or text[0].isdigit():
        text = "_" + text
    return text + "_" if keyword.iskeyword(text) else text


def variable_names(columns, count):
    """Formula names for count inputs: the given column names made spellable and distinct, or x0, x1, ..."""
    if columns is None:
        return [f"x{i}" for i in range(count)]
    names = []
    for column in columns:
        name = identifier(column)
        while name in names:
            name += "_"
        names.append(name)
    return names


def unused_name(preferred, taken):
    """preferred, or preferred with a number, not among taken (the target's and weights' columns)."""
    name, number = preferred, 1
    while name in taken:
        name, number = f"{preferred}{number}", number + 1
    return name


def target_name(y, inputs):
    """The target's name: a pandas Series' name (made spellable) or "y", unless an input has it."""
    return unused_name(identifier(getattr(y, "name", None) or "y"), inputs)


def count(name, value):
    """value as a whole number of at least 0, or ValueError naming it."""
    try:
        number = operator.index(value)
    except TypeError:
        number = -1
    if number < 0 or isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name}={value!r}: expected a whole number of at least 0")
    return number


def plain(value):
    """A NumPy scalar as the Python number it holds (np.int64(20) -> 20); anything else as it is."""
    return value.item() if isinstance(value, np.generic) else value


def table(X, names=None):
    """(float64 array of rows x columns, formula names) of an array or DataFrame."""
    columns = names
    if columns is None and hasattr(X, "columns"):
        columns = list(X.columns)
    values = np.asarray(X, dtype=np.float64)
    if values.ndim != 2:
        raise ValueError(f"X: expected a two-dimensional array (rows x columns), got {values.ndim} dimension(s)")
    if columns is not None and len(columns) != values.shape[1]:
        raise ValueError(f"names: {len(columns)} name(s) for {values.shape[1]} column(s) of X")
    return values, variable_names(columns, values.shape[1])
