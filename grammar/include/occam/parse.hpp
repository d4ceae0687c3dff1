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
#include <utility>
#include <vector>

#include "occam/error.hpp"
#include "occam/tree.hpp"

namespace occam {

// A formula that cannot be read. what() is the whole message (the text and a caret under the
// place); offset and reason let a caller that holds the formula inside a file (a suite manifest)
// name the place in that file instead.
class formula_error : public input_error {
public:
    formula_error(const std::string& message, std::size_t offset, std::string reason)
        : input_error(message), offset_(offset), reason_(std::move(reason)) {}
    std::size_t offset() const { return offset_; }  // 0-based byte offset into the formula text
    const std::string& reason() const { return reason_; }

private:
    std::size_t offset_;
    std::string reason_;
};

// Parses text whose identifiers must be among variables (their position is the column index).
// A declared name wins over a named constant, so "e" in variables is a variable, not Euler's number.
// Throws formula_error whose message shows the text, a caret under the column, and what was expected.
Tree parse_formula(std::string_view text, std::span<const std::string> variables);

struct ParsedFormula {
    Tree tree;
    std::vector<std::string> variables;  // in order of first appearance; tree columns index this
};
// Parses text and collects every identifier that is not a function or named constant as a variable.
ParsedFormula parse_formula(std::string_view text);

}  // namespace occam
