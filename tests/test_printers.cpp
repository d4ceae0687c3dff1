// The printers: exact round trips for infix and sympy (also on generated trees that the parser would
// never produce itself), and examples of LaTeX and C output.
#include <doctest/doctest.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "occam/parse.hpp"
#include "occam/print.hpp"

using namespace occam;

namespace {

const std::vector<std::string> abc{"a", "b", "c"};

Node var(std::uint32_t i) { return Node::variable(i); }
Node num(double v) { return Node::number(v); }
Node fn(Op op) { return Node::function(op); }

std::string infix(std::string_view text) { return to_infix(parse_formula(text, abc), abc); }
std::string latex(std::string_view text, const std::vector<std::string>& names) {
    return to_latex(parse_formula(text, names), names);
}
std::string c_code(std::string_view text) { return to_c(parse_formula(text, abc), abc); }

// A small deterministic generator of arbitrary trees over every operator but Constant (which is
// printed as a number and so reads back as Number by design).
class TreeMaker {
public:
    explicit TreeMaker(std::uint64_t seed) : state_(seed) {}

    Tree make(int depth) {
        std::vector<Node> nodes;
        grow(nodes, depth);
        return Tree(std::move(nodes));
    }

private:
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    void grow(std::vector<Node>& nodes, int depth) {
        static const double numbers[] = {1, 2, 3, -1, -2, -3, 0.5, -0.25, 1e-5, 6.02e23, 0};
        if (depth == 0 || next() % 4 == 0) {
            switch (next() % 4) {
                case 0: nodes.push_back(num(numbers[next() % std::size(numbers)])); break;
                case 1: nodes.push_back(fn(next() % 2 ? Op::Pi : Op::Euler)); break;
                default: nodes.push_back(var(static_cast<std::uint32_t>(next() % 3))); break;
            }
            return;
        }
        const auto first = static_cast<std::uint64_t>(Op::Add);
        const auto op = static_cast<Op>(first + next() % (op_count - first));
        for (int k = 0; k < arity(op); ++k) grow(nodes, depth - 1);
        nodes.push_back(fn(op));
    }

    std::uint64_t state_;
};

}  // namespace

TEST_CASE("format_number is the shortest text that reads back exactly") {
    CHECK(format_number(2) == "2");
    CHECK(format_number(-3) == "-3");
    CHECK(format_number(0.1) == "0.1");
    CHECK(format_number(1e-5) == "1e-05");
    for (double v : {1.0 / 3.0, 6.02214076e23, -1.602176634e-19, 0.1 + 0.2, 123456.789}) {
        const auto text = format_number(v);
        double back = 0;
        std::from_chars(text.data(), text.data() + text.size(), back);
        CHECK(back == v);
    }
}

TEST_CASE("infix uses minimal parentheses") {
    CHECK(infix("a-(b-c)") == "a - (b - c)");
    CHECK(infix("(a-b)-c") == "a - b - c");
    CHECK(infix("a*(b*c)") == "a*(b*c)");
    CHECK(infix("a/(b*c)") == "a/(b*c)");
    CHECK(infix("a-(-2)") == "a - (-2)");
    CHECK(infix("a*-2") == "a*(-2)");
    CHECK(infix("-2*a") == "-2*a");
    CHECK(infix("-a**2") == "-a^2");
    CHECK(infix("(-a)**2") == "(-a)^2");
    CHECK(infix("a**b**c") == "a^b^c");
    CHECK(infix("(a**b)**c") == "(a^b)^c");
    CHECK(infix("a**-b") == "a^(-b)");
    CHECK(infix("1/(a+b)") == "1/(a + b)");
    CHECK(infix("b*(1/a)") == "b*(1/a)");
    CHECK(infix("pi*e*exp(a)") == "pi*e*exp(a)");
    CHECK(infix("a**(2)") == "a^(2)");
    CHECK(infix("(1)/a") == "(1)/a");
    CHECK(infix("-(2)") == "-(2)");
    CHECK(infix("cot(a)") == "1/tan(a)");
    CHECK(to_sympy(parse_formula("abs(a)**2 + e", abc), abc) == "Abs(a)**2 + E");
}

TEST_CASE("generated trees survive infix and sympy round trips") {
    TreeMaker maker(20240611);
    for (int k = 0; k < 3000; ++k) {
        const Tree tree = maker.make(1 + k % 6);
        const auto infix_text = to_infix(tree, abc);
        const auto sympy_text = to_sympy(tree, abc);
        INFO(infix_text, "   |   ", sympy_text);
        REQUIRE(parse_formula(infix_text, abc) == tree);
        REQUIRE(parse_formula(sympy_text, abc) == tree);
    }
}

TEST_CASE("LaTeX output") {
    const std::vector<std::string> theta{"theta"};
    CHECK(latex("exp(-theta**2/2)/sqrt(2*pi)", theta) == "\\frac{e^{\\frac{-\\theta^{2}}{2}}}{\\sqrt{2 \\cdot \\pi}}");
    const std::vector<std::string> names{"x1", "omega_0", "k_spring", "rho_c_0", "lambd", "kb"};
    CHECK(latex("x1 + omega_0", names) == "x_{1} + \\omega_{0}");
    CHECK(latex("k_spring*rho_c_0", names) == "k_{\\mathrm{spring}} \\cdot \\rho_{c,0}");
    CHECK(latex("sin(lambd)/kb", names) == "\\frac{\\sin\\left(\\lambda\\right)}{\\mathrm{kb}}");
    CHECK(latex("(x1 + kb)**2 - abs(x1)", names) == "\\left(x_{1} + \\mathrm{kb}\\right)^{2} - \\left|x_{1}\\right|");
    CHECK(latex("1.5e-5*x1", names) == "1.5 \\cdot 10^{-5} \\cdot x_{1}");
}

TEST_CASE("C output") {
    CHECK(c_code("a**2 + sin(b)/3") == "(a*a) + sin(b)/3.0");
    CHECK(c_code("(a + b)**3") == "pow(a + b, 3.0)");
    CHECK(c_code("a**b - abs(c)") == "pow(a, b) - fabs(c)");
    CHECK(c_code("1/a*pi - e") == "1.0/a*M_PI - M_E");
    CHECK(c_code("a - -2") == "a - (-2.0)");
    CHECK(c_code("-(-a)") == "-(-a)");
    CHECK(c_code("2.5e-7*asin(a)") == "2.5e-07*asin(a)");
}
