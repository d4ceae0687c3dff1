"""A units table for dimensional analysis, from a CSV file or a dict, as the engine reads it."""
import os

from .columns import identifier
from .text_files import read_text


def units_table(units):
    """(table text, its name in error messages), or None.

    units is the path of a CSV table as the CLI's --units reads it (Variable,m,s,kg,...), or a dict
    from each variable to its exponents of the base units, {"F": {"m": 1, "s": -2, "kg": 1}, ...}.
    A dict's names are made spellable as the columns' are ("body mass" -> body_mass); a file's
    must be the variables' names as occam spells them (Regressor.variable_names_).
    """
    if units is None:
        return None
    if isinstance(units, (str, os.PathLike)):
        return read_text(units, "units table")
    if isinstance(units, dict):
        bases = []
        for variable, exponents in units.items():
            if not isinstance(exponents, dict):
                raise ValueError(f"units[{variable!r}]: expected a dict of exponents, e.g. {{'m': 1, 's': -1}}")
            bases += [base for base in exponents if base not in bases]
        rows = ["Variable," + ",".join(bases)]
        for variable, exponents in units.items():
            rows.append(",".join([identifier(variable)] + [str(exponents.get(base, 0)) for base in bases]))
        return "\n".join(rows) + "\n", "units"
    raise ValueError(f"units: expected the path of a units table or a dict, got {type(units).__name__}")
