"""Files the engine reads as text (units tables, components): read here, named in its errors."""
import os


def read_text(path, what):
    """(the file's text, its path as the engine names it in error messages); ValueError naming the
    file and what it should have held when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read(), os.fspath(path)
    except OSError as error:
        raise ValueError(f"{os.fspath(path)}: cannot read the {what} ({error.strerror})") from None
