// The formula parser: precedence, canonical lowering, names, error messages, and the round trip
// parse -> print -> parse on every Feynman and Strogatz formula.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formula_tables.hpp"
#include "occam/error.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"

using namespace occam;

namespace {

Node var(std::uint32_t i) { return Node::variable(i); }
Node num(double v) { return Node::number(v); }
Node fn(Op op) { return Node::function(op); }

const std::vector<std::string> abc{"a", "b", "c"};
const std::vector<std::string> xy{"x", "y"};

Tree parse(std::string_view text, const std::vector<std::string>& names = abc) {
    return parse_formula(text, names);
}

std::string error_of(std::string_view text, const std::vector<std::string>& names = xy) {
    try {
        parse_formula(text, names);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

void check_round_trip(const SuiteProblem& f) {
    INFO(f.id, ": ", f.formula);
    const auto names = test::names_of(f);
    const Tree tree = parse_formula(f.formula, names);
    CHECK(tree.nodes().back().size == tree.length());
    const auto infix = to_infix(tree, names);
    const auto sympy = to_sympy(tree, names);
    INFO("infix: ", infix, "  sympy: ", sympy);
    CHECK(parse_formula(infix, names) == tree);
    CHECK(parse_formula(sympy, names) == tree);
}

}  // namespace

TEST_CASE("every Feynman formula parses and survives print -> parse") {
    const auto formulas = test::feynman_formulas();
    REQUIRE(formulas.size() == 100);
    for (const auto& f : formulas) check_round_trip(f);
}

TEST_CASE("every law of the unseen development set parses and survives print -> parse") {
    const auto formulas = test::unseen_formulas();
    REQUIRE(formulas.size() == 51);
    for (const auto& f : formulas) check_round_trip(f);
}

TEST_CASE("every Strogatz formula parses and survives print -> parse") {
    const auto formulas = test::strogatz_formulas();
    REQUIRE(formulas.size() == 14);
    for (const auto& f : formulas) check_round_trip(f);
}

TEST_CASE("precedence follows Python") {
    CHECK(parse("-a**2") == Tree({var(0), fn(Op::Square), fn(Op::Neg)}));
    CHECK(parse("a-b-c") == Tree({var(0), var(1), fn(Op::Sub), var(2), fn(Op::Sub)}));
    CHECK(parse("a/b/c") == Tree({var(0), var(1), fn(Op::Div), var(2), fn(Op::Div)}));
    CHECK(parse("a/(b*c)") == Tree({var(0), var(1), var(2), fn(Op::Mul), fn(Op::Div)}));
    CHECK(parse("a+b*c") == Tree({var(0), var(1), var(2), fn(Op::Mul), fn(Op::Add)}));
    CHECK(parse("2**-1") == Tree({num(2), num(-1), fn(Op::Pow)}));
    CHECK(parse("a**b**c") == Tree({var(0), var(1), var(2), fn(Op::Pow), fn(Op::Pow)}));
    CHECK(parse("a^-b") == Tree({var(0), var(1), fn(Op::Neg), fn(Op::Pow)}));
    CHECK(parse("-a*b") == Tree({var(0), fn(Op::Neg), var(1), fn(Op::Mul)}));
    CHECK(parse("+a") == Tree({var(0)}));
    CHECK(parse("--a") == Tree({var(0), fn(Op::Neg), fn(Op::Neg)}));
    CHECK(parse(" a\t*\n( b +c ) ") == Tree({var(0), var(1), var(2), fn(Op::Add), fn(Op::Mul)}));
}

TEST_CASE("canonical forms: powers, reciprocals, negative literals") {
    CHECK(parse("a^2") == Tree({var(0), fn(Op::Square)}));
    CHECK(parse("a**2") == Tree({var(0), fn(Op::Square)}));
    CHECK(parse("a**3") == Tree({var(0), fn(Op::Cube)}));
    CHECK(parse("pow(a, 2)") == Tree({var(0), fn(Op::Square)}));
    CHECK(parse("a**2.5") == Tree({var(0), num(2.5), fn(Op::Pow)}));
    CHECK(parse("a**(2)") == Tree({var(0), num(2), fn(Op::Pow)}));  // parentheses keep the literal apart
    CHECK(parse("2**3**2") == Tree({num(2), num(3), fn(Op::Square), fn(Op::Pow)}));
    CHECK(parse("1/a") == Tree({var(0), fn(Op::Inv)}));
    CHECK(parse("1/2*a") == Tree({num(2), fn(Op::Inv), var(0), fn(Op::Mul)}));
    CHECK(parse("b*1/a") == Tree({var(1), num(1), fn(Op::Mul), var(0), fn(Op::Div)}));
    CHECK(parse("(1)/a") == Tree({num(1), var(0), fn(Op::Div)}));
    CHECK(parse("-2*a") == Tree({num(-2), var(0), fn(Op::Mul)}));
    CHECK(parse("-(2)") == Tree({num(2), fn(Op::Neg)}));
    CHECK(parse("-2**2") == Tree({num(2), fn(Op::Square), fn(Op::Neg)}));
    CHECK(parse("a-(-2)") == Tree({var(0), num(-2), fn(Op::Sub)}));
}

TEST_CASE("functions and named constants") {
    CHECK(parse("cot(a)") == Tree({var(0), fn(Op::Tan), fn(Op::Inv)}));
    CHECK(parse("ln(a)") == parse("log(a)"));
    CHECK(parse("arcsin(a)") == Tree({var(0), fn(Op::Asin)}));
    CHECK(parse("arccos(a)") == parse("acos(a)"));
    CHECK(parse("arctan(a)") == parse("atan(a)"));
    CHECK(parse("Abs(a)") == Tree({var(0), fn(Op::Abs)}));
    CHECK(parse("square(a)") == parse("a^2"));
    CHECK(parse("cube(a)") == parse("a^3"));
    CHECK(parse("inv(a)") == parse("1/a"));
    CHECK(parse("pow(a, b)") == Tree({var(0), var(1), fn(Op::Pow)}));
    CHECK(parse("exp(sqrt(tanh(a)))") == Tree({var(0), fn(Op::Tanh), fn(Op::Sqrt), fn(Op::Exp)}));
    CHECK(parse("pi*e") == Tree({fn(Op::Pi), fn(Op::Euler), fn(Op::Mul)}));
    CHECK(parse("E") == Tree({fn(Op::Euler)}));
    // a declared variable wins over a named constant
    const std::vector<std::string> with_e{"x", "e"};
    CHECK(parse("e*x", with_e) == Tree({var(1), var(0), fn(Op::Mul)}));
}

TEST_CASE("numbers keep their exact value") {
    CHECK(parse("1e-3")[0].value == 1e-3);
    CHECK(parse("2.5E+4")[0].value == 2.5e4);
    CHECK(parse(".5")[0].value == 0.5);
    CHECK(parse("5.")[0].value == 5.0);
    CHECK(parse("0.1")[0].value == 0.1);
    CHECK(parse("123456789012345678")[0].value == 123456789012345678.0);
    CHECK(parse("1e-3")[0].op == Op::Number);
}

TEST_CASE("the collecting overload names variables in order of appearance") {
    const auto parsed = parse_formula("k*exp(-E_n/(kb*T)) + pi + e + k");
    CHECK(parsed.variables == std::vector<std::string>{"k", "E_n", "kb", "T"});
    CHECK(parsed.tree == parse_formula("k*exp(-E_n/(kb*T)) + pi + e + k", parsed.variables));
    CHECK_THROWS_AS(parse_formula("sin + x"), input_error);
}

TEST_CASE("errors show the column, the text and a caret") {
    CHECK(error_of("sin(x") == "formula:1:6: expected ')'\nsin(x\n     ^");
    CHECK(error_of("x + * y") == "formula:1:5: expected operand\nx + * y\n    ^");
    CHECK(error_of("foo(x)") == "formula:1:1: unknown function \"foo\"\nfoo(x)\n^");
    CHECK(error_of("x + foo") == "formula:1:5: unknown variable \"foo\"\nx + foo\n    ^");
    CHECK(error_of("x y") == "formula:1:3: expected operator or end of formula\nx y\n  ^");
    CHECK(error_of("") == "formula:1:1: expected expression\n\n^");
    CHECK(error_of("   ") == "formula:1:4: expected expression\n   \n   ^");
    CHECK(error_of("x**") == "formula:1:4: expected operand\nx**\n   ^");
    CHECK(error_of("(x + y") == "formula:1:7: expected ')'\n(x + y\n      ^");
    CHECK(error_of("sin()") == "formula:1:5: expected expression\nsin()\n    ^");
    CHECK(error_of("pow(x)") == "formula:1:1: expected 2 arguments to \"pow\", got 1\npow(x)\n^");
    CHECK(error_of("sin(x, y)") == "formula:1:1: expected 1 argument to \"sin\", got 2\nsin(x, y)\n^");
    CHECK(error_of("x\n + @") == "formula:2:4: expected operand\n + @\n   ^");
}
