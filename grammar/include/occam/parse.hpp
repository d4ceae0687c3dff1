#pragma once
// Formula text -> Tree. Accepts the syntax of the Feynman and Strogatz tables (Python/sympy style):
// + - * / ** ^, unary minus, parentheses, numbers with exponents, pi, e, and the functions
// exp log ln sqrt sin cos tan cot asin arcsin acos arccos atan arctan tanh abs inv square cube pow,
// plus sympy's spellings Abs and E. Lowering is canonical so printers round-trip exactly: a bare
// literal exponent 2 or 3 gives Square or Cube, a bare literal 1 over x gives Inv, a minus before a
// bare literal gives a negative Number; parentheses opt out (x^(2) is Pow, -(2) is Neg, (1)/x is Div).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "occam/tree.hpp"

namespace occam {

// Parses text whose identifiers must be among variables (their position is the column index).
// A declared name wins over a named constant, so "e" in variables is a variable, not Euler's number.
// Throws input_error whose message shows the text, a caret under the column, and what was expected.
Tree parse_formula(std::string_view text, std::span<const std::string> variables);

struct ParsedFormula {
    Tree tree;
    std::vector<std::string> variables;  // in order of first appearance; tree columns index this
};
// Parses text and collects every identifier that is not a function or named constant as a variable.
ParsedFormula parse_formula(std::string_view text);

}  // namespace occam
