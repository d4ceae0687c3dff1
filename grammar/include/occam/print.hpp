#pragma once
// Tree -> text. Every printer takes the variable names (indexed by Node::index; a missing name throws
// std::out_of_range). Constants print as numbers, so they read back as Op::Number.
#include <span>
#include <string>

#include "occam/tree.hpp"

namespace occam {

// Readable infix with minimal parentheses: x^2, sqrt(x), 1/x. Parses back to the same tree.
std::string to_infix(const Tree& tree, std::span<const std::string> names);
// Python/sympy syntax: x**2, sqrt(x), asin(x), Abs(x), E. Parses back (here and in sympy) to the same tree.
std::string to_sympy(const Tree& tree, std::span<const std::string> names);
// LaTeX math (no surrounding $): \frac{a}{b}, \sqrt{x}, x^{2}, \sin\left(x\right).
std::string to_latex(const Tree& tree, std::span<const std::string> names);
// Presentation MathML (a <math display="block"> element), for a web page: the conventions of to_latex.
std::string to_mathml(const Tree& tree, std::span<const std::string> names);
// A C expression using <math.h> functions: pow, sqrt, exp, log, sin, ...; M_PI and M_E.
std::string to_c(const Tree& tree, std::span<const std::string> names);

// Shortest decimal text that reads back to exactly v (used for constants in all printers).
std::string format_number(double v);

}  // namespace occam
