#pragma once
// The parse tree of formula text, shaped like the grammar (one struct per precedence level). It is
// private to grammar/: lower.cpp turns it into an occam::Tree. Plain Boost types only, no X3, so that
// parser.cpp stays the one translation unit that compiles Spirit.
#include <cstddef>
#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/variant.hpp>

namespace occam::ast {

struct number {
    std::string text;         // the literal as written; lowering converts it exactly
    std::size_t offset = 0;   // byte offset in the formula, for error messages
};

struct identifier {
    std::string name;
    std::size_t offset = 0;
};

struct expression;
struct signed_operand;
struct power;

// A name, with an argument list when it is a function call.
struct symbol {
    identifier name;
    boost::optional<std::vector<expression>> arguments;
};

// An expression held directly by a primary was written in parentheses; lowering relies on that to
// tell the literal 2 in `x^2` (Square) from `x^(2)` (Pow).
using primary = boost::variant<number, symbol, boost::recursive_wrapper<expression>>;

// power comes first: a variant default-constructs its first alternative, and a default
// signed_operand would hold another unary, and so on forever.
using unary = boost::variant<boost::recursive_wrapper<power>, boost::recursive_wrapper<signed_operand>>;

struct signed_operand {
    char sign = '-';  // '-' or '+'
    unary operand;
};

struct power {
    primary base;
    boost::optional<unary> exponent;  // `base ** exponent`; right-associative through unary
};

struct product_step {
    char op = '*';  // '*' or '/'
    unary operand;
};

struct product {
    unary first;
    std::vector<product_step> rest;
};

struct sum_step {
    char op = '+';  // '+' or '-'
    product operand;
};

struct expression {
    product first;
    std::vector<sum_step> rest;
};

}  // namespace occam::ast
