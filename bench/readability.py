#!/usr/bin/env python3
"""How readable are the formulas a suite run judged exact? An outside check with sympy, not occam's code.

For every row of a suite's result CSV judged exact as printed:
  1. the symbolic-solution test of SRBench: the printed formula minus the true law simplifies to a
     constant, or their ratio does (the variables carry the signs they were sampled with);
  2. the printed formula's size against the law's: nodes of sympy's expression tree (operations
     and leaves), both parsed the same way, so "at most the truth's size plus 2" is a fair test;
  3. whether a fitted float is left (more than 6 significant digits) where the law's constants
     are exact (a rational, pi, a square root).

  python3 bench/readability.py feynman bench/results/feynman_t60_noise0_precheck_stallops.csv
  python3 bench/readability.py strogatz bench/results/strogatz_t60_noise0_3.csv --verbose

Prints one summary line for the suite (and, with --verbose, a line per formula).
"""
import argparse
import csv
import math
import os
import re
import signal
import sys

import sympy

HERE = os.path.dirname(os.path.abspath(__file__))
# what occam's printer writes, read as sympy functions
FUNCTIONS = {name: getattr(sympy, name) for name in ("sqrt", "exp", "log", "sin", "cos", "tan", "asin", "acos",
                                                      "atan", "tanh")}
FUNCTIONS.update({"Abs": sympy.Abs, "abs": sympy.Abs, "pi": sympy.pi, "ln": sympy.log, "arcsin": sympy.asin,
                  "arccos": sympy.acos, "arctan": sympy.atan})
SECONDS_PER_TEST = 30
TINY = 1e-13  # a float coefficient this small, relative to the law's, is what cancelling 17-digit floats leaves


class TooSlow(Exception):
    pass


def on_alarm(signum, frame):
    raise TooSlow()


def law_table(suite, suites_dir):
    """{id: (law text, {variable: (low, high)})} from the suite's manifest."""
    laws = {}
    if suite in ("feynman", "unseen"):
        name = "FeynmanEquations.csv" if suite == "feynman" else "UnseenLaws.csv"
        with open(os.path.join(suites_dir, suite, name), encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                if not row.get("Filename"):
                    continue
                ranges = {}
                for k in range(1, 11):
                    variable = (row.get(f"v{k}_name") or "").strip()
                    if variable:
                        ranges[variable] = (float(row[f"v{k}_low"]), float(row[f"v{k}_high"]))
                laws[row["Filename"].strip()] = (row["Formula"], ranges)
    elif suite == "strogatz":
        folder = os.path.join(suites_dir, "strogatz")
        with open(os.path.join(folder, "strogatz_equations.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                inputs = row["inputs"].split(";")
                columns = {name: [] for name in inputs}
                with open(os.path.join(folder, row["data_file"]), encoding="utf-8") as data:
                    header = data.readline().replace(",", " ").split()
                    for line in data:
                        values = line.replace(",", " ").split()
                        for name in inputs:
                            columns[name].append(float(values[header.index(name)]))
                laws[row["problem"]] = (row["formula"], {n: (min(v), max(v)) for n, v in columns.items()})
    else:
        sys.exit(f"readability.py: unknown suite '{suite}' (feynman, strogatz, unseen)")
    return laws


def symbols_for(ranges):
    """Each variable as a sympy symbol with the sign it was sampled with."""
    out = {}
    for name, (low, high) in ranges.items():
        if low > 0:
            out[name] = sympy.Symbol(name, positive=True)
        elif high < 0:
            out[name] = sympy.Symbol(name, negative=True)
        else:
            out[name] = sympy.Symbol(name, real=True)
    return out


def parse(text, symbols):
    names = dict(FUNCTIONS)
    names.update(symbols)
    if "e" not in symbols:
        names["e"] = sympy.E
    return sympy.sympify(text.replace("^", "**"), locals=names)


def size(expr):
    return sum(1 for _ in sympy.preorder_traversal(expr))


def without_rounding(expr, scale):
    """A sum without the terms whose coefficients are rounding: below TINY x the scale of the law's numbers."""
    return sympy.Add(*[c * t for t, c in expr.as_coefficients_dict().items() if abs(complex(c)) >= TINY * scale])


def is_constant(expr, scale):
    """Whether expr is a constant: symbolically, or once the numbers in it are evaluated (the product
    6/(11*pi) * 0.5759586531581283 is 0.1 only in floating point) and rounding is dropped."""
    # sympy leaves tanh of a logarithm alone; in exponentials it is a rational function
    expr = expr.replace(sympy.tanh, lambda a: (sympy.exp(2 * a) - 1) / (sympy.exp(2 * a) + 1))
    expr = sympy.simplify(expr)
    if not expr.free_symbols:
        return True
    numerator, denominator = sympy.fraction(sympy.together(sympy.expand(expr.evalf(30))))
    # over a denominator whose largest coefficient is 1, the numerator's coefficients are the sizes
    denominator = sympy.expand(denominator)
    largest = max(abs(complex(c)) for c in denominator.as_coefficients_dict().values())
    numerator = without_rounding(sympy.expand(numerator / largest), scale)
    denominator = denominator / largest
    return numerator == 0 or not sympy.simplify(numerator / denominator).free_symbols


def symbolic_solution(printed, law):
    """SRBench's test: printed - law or printed / law is a constant (nonzero for the ratio). The
    floats of both are taken at their decimal value (0.5/pi is 1/(2*pi), as a reader takes it)."""
    printed = sympy.nsimplify(printed, rational=True)
    law = sympy.nsimplify(law, rational=True)  # a law's 1.22 is the decimal 1.22 too
    scale = max([1.0] + [abs(float(n)) for n in law.atoms(sympy.Number)])
    return is_constant(printed - law, scale) or (is_constant(printed / law, 1.0) and not is_constant(printed, scale))


NUMBER = re.compile(r"(?<![A-Za-z_0-9])(\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def float_left(printed_text):
    """A number printed with more than 6 significant digits: a fitted value, not one a person wrote."""
    for match in NUMBER.finditer(printed_text):
        digits = match.group(1).replace(".", "").lstrip("0")
        if len(digits.rstrip("0") if "." in match.group(1) else digits) > 6:
            return True
    return False


def judge(printed_text, law_text, ranges):
    symbols = symbols_for(ranges)
    law = parse(law_text, symbols)
    printed = parse(printed_text, symbols)
    signal.alarm(SECONDS_PER_TEST)
    try:
        solution = symbolic_solution(printed, law)
    except TooSlow:
        solution = None
    finally:
        signal.alarm(0)
    floats_left = not law.atoms(sympy.Float) and float_left(printed_text)
    return solution, size(printed), size(law), floats_left


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", choices=["feynman", "strogatz", "unseen"])
    parser.add_argument("results", help="the CSV `occam suite ... --output` wrote")
    parser.add_argument("--suites", default=os.path.join(HERE, "suites"), help="the suite manifests' folder")
    parser.add_argument("--seed", help="only rows of this seed (a --seeds run holds several)")
    parser.add_argument("--verbose", action="store_true", help="a line per formula")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, on_alarm)

    laws = law_table(args.suite, args.suites)
    exact = solutions = undecided = small = floats = 0
    ratios = []
    with open(args.results, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if args.seed and row.get("seed") != args.seed:
                continue
            # older result files call the verdict `exact`
            if row.get("exact_as_printed", row.get("exact")) != "yes":
                continue
            law_text, ranges = laws[row["id"]]
            exact += 1
            solution, printed_size, law_size, floats_left = judge(row["formula"], law_text, ranges)
            solutions += solution is True
            undecided += solution is None
            small += printed_size <= law_size + 2
            floats += floats_left
            ratios.append(printed_size / law_size)
            if args.verbose:
                verdict = {True: "solution", False: "NOT a solution", None: "undecided (sympy too slow)"}[solution]
                print(f"{row['id']:<24} {verdict:<16} size {printed_size:>3} vs {law_size:>3}"
                      f"{'  float left' if floats_left else ''}  {row['formula']}")
    ratios.sort()
    median = ratios[len(ratios) // 2] if ratios else math.nan
    print(f"{args.suite}: {exact} exact as printed; symbolic solution {solutions}/{exact}"
          f"{f' ({undecided} undecided)' if undecided else ''}; size at most the law's + 2: {small}/{exact}"
          f" (median size ratio {median:.2f}); a float left where the law's constants are exact: {floats}/{exact}")


if __name__ == "__main__":
    main()
