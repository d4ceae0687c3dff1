// The canonical form (canonical_form.hpp): formulas the search printed as puzzles, written as a
// person would, never at the cost of a value on the rows.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "occam/canonical_form.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/random.hpp"

using namespace occam;

namespace {

// rows of uniform inputs in [lo, hi]
Eigen::ArrayXXd uniform_rows(Eigen::Index rows, Eigen::Index columns, double lo, double hi) {
    Random random(7);
    Eigen::ArrayXXd x(rows, columns);
    for (Eigen::Index c = 0; c < columns; ++c)
        for (Eigen::Index r = 0; r < rows; ++r) x(r, c) = lo + (hi - lo) * random.uniform();
    return x;
}

// the formula's fitted-looking numbers (not 1, 2, 3 or pi) made fittable constants, as the search leaves them
Tree fitted(const std::string& formula, const std::vector<std::string>& names) {
    const Tree parsed = parse_formula(formula, names);
    std::vector<Node> nodes(parsed.nodes().begin(), parsed.nodes().end());
    for (Node& node : nodes)
        if (node.op == Op::Number && node.value != std::trunc(node.value)) node = Node::constant(node.value);
    return Tree(std::move(nodes));
}

bool same_values(const Tree& a, const Tree& b, const Eigen::ArrayXXd& rows) {
    Interpreter interpreter;
    Eigen::ArrayXd va(rows.rows()), vb(rows.rows());
    REQUIRE(interpreter.evaluate(a, rows, va));
    REQUIRE(interpreter.evaluate(b, rows, vb));
    return ((va - vb).abs() <= 1e-9 * (1 + va.abs())).all();
}

bool holds(const Tree& tree, Op op) {
    for (const Node& node : tree.nodes())
        if (node.op == op) return true;
    return false;
}

}  // namespace

TEST_CASE("canonical form: a rational function with common factors is written reduced") {
    const std::vector<std::string> names{"x1", "x2", "x3", "y1", "y2", "y3"};
    const Tree puzzle = parse_formula("y3^2*((x1*y1/(y3^2*(x2*y2/y3^2 + x3/y3)) + 1)*(x2*y2/y3^2 + x3/y3))", names);
    const Eigen::ArrayXXd rows = uniform_rows(200, 6, 1, 5);
    const Tree canonical = canonical_form(puzzle, rows);
    CHECK(same_values(puzzle, canonical, rows));
    // x1*y1 + x2*y2 + x3*y3 is 11 nodes
    CHECK(canonical.complexity() <= 11);
    CAPTURE(to_infix(canonical, names));
}

TEST_CASE("canonical form: a trigonometric shift and an inverse composition become algebra") {
    const std::vector<std::string> names{"v", "c"};
    const Eigen::ArrayXXd rows = uniform_rows(200, 2, 1, 2) * (Eigen::ArrayXXd(1, 2) << 1, 3).finished().replicate(200, 1);
    const Tree puzzle = parse_formula("sin(pi/2 + asin(v/c))", names);
    const Tree canonical = canonical_form(puzzle, rows);
    CAPTURE(to_infix(canonical, names));
    CHECK(same_values(puzzle, canonical, rows));
    CHECK_FALSE(holds(canonical, Op::Sin));
    CHECK_FALSE(holds(canonical, Op::Asin));
    CHECK(holds(canonical, Op::Sqrt));

    const std::vector<std::string> theta{"theta"};
    const Tree shifted = parse_formula("1 + cos(theta - pi)", theta);
    const Eigen::ArrayXXd angles = uniform_rows(100, 1, 0, 3);
    const Tree plain = canonical_form(shifted, angles);
    CAPTURE(to_infix(plain, theta));
    CHECK(same_values(shifted, plain, angles));
    CHECK_FALSE(holds(plain, Op::Pi));
}

TEST_CASE("canonical form: fitted numbers that multiply or add together become one") {
    const std::vector<std::string> names{"pr", "gamma", "rho"};
    const Eigen::ArrayXXd rows = uniform_rows(200, 3, 1, 5);
    const Tree puzzle = fitted("10.5*(sqrt(pr)*sqrt(0.0095238*gamma))/sqrt(rho)", names);
    REQUIRE(puzzle.constant_count() == 2);
    const Tree canonical = canonical_form(puzzle, rows);
    CAPTURE(to_infix(canonical, names));
    CHECK(same_values(puzzle, canonical, rows));
    CHECK(canonical.constant_count() == 1);
    CHECK(canonical.complexity() < puzzle.complexity());

    // a fitted term inside a logarithm beside a multiple of pi: one constant, not three
    const std::vector<std::string> volumes{"V1", "V2"};
    const Tree logs = fitted("-3*log(0.0099750408*(V1/V2)) - 4.4*pi", volumes);
    const Tree merged = canonical_form(logs, rows.leftCols(2));
    CAPTURE(to_infix(merged, volumes));
    CHECK(same_values(logs, merged, rows.leftCols(2)));
    CHECK(merged.constant_count() <= 1);
    CHECK_FALSE(holds(merged, Op::Pi));
}

TEST_CASE("canonical form: what holds only for positive inputs is used only where the rows are positive") {
    // b*sqrt(1 + (a/b)^2) is sqrt(a^2 + b^2) for b > 0 only; sqrt(x^2) is x likewise
    const std::vector<std::string> names{"a", "b"};
    const Tree tree = parse_formula("b*sqrt(1 + (a/b)^2) + sqrt(a^2)", names);
    const Eigen::ArrayXXd mixed = uniform_rows(200, 2, -3, 3);
    const Tree kept = canonical_form(tree, mixed);
    CAPTURE(to_infix(kept, names));
    CHECK(same_values(tree, kept, mixed));
    const Eigen::ArrayXXd positive = uniform_rows(200, 2, 1, 3);
    const Tree shorter = canonical_form(tree, positive);
    CAPTURE(to_infix(shorter, names));
    CHECK(same_values(tree, shorter, positive));
    CHECK(shorter.complexity() < tree.complexity());
    CHECK(shorter.complexity() < kept.complexity());
}

TEST_CASE("canonical form: exact numbers stay exact, and a formula GiNaC cannot improve stays as it is") {
    const std::vector<std::string> names{"x", "y"};
    const Eigen::ArrayXXd rows = uniform_rows(100, 2, 1, 3);
    // 0.075 is 3/40 to the algebra, and comes back exact: no fittable constant appears
    const Tree exact = parse_formula("0.075*x*y + 0.075*x", names);
    const Tree collected = canonical_form(exact, rows);
    CAPTURE(to_infix(collected, names));
    CHECK(collected.constant_count() == 0);
    CHECK(same_values(exact, collected, rows));
    CHECK(collected.complexity() < exact.complexity());
    // already short
    const Tree plain = parse_formula("x*y", names);
    CHECK(canonical_form(plain, rows) == plain);
    // a sum in a denominator written with its first term positive, whichever sign GiNaC chose
    Eigen::ArrayXXd apart = rows;
    apart.col(1) += 2;  // y > x on every row
    const Tree turned = parse_formula("1/(y - x) - 1/(x - y)", names);
    const Tree written = canonical_form(turned, apart);
    CAPTURE(to_infix(written, names));
    CHECK(same_values(turned, written, apart));
    CHECK(written.complexity() < turned.complexity());
}

TEST_CASE("canonical form: the same formula gets the same form whatever was computed before") {
    // GiNaC orders terms by hashes that change with every symbol a process makes; occam's form must not
    const std::vector<std::string> names{"x", "y", "z"};
    const Eigen::ArrayXXd rows = uniform_rows(150, 3, 1, 3);
    const std::vector<std::string> formulas{
        "0.18*((y - 1.72)^2 - z)^2 + 2", "0.25*(x + (z - (y - 1.78)^2)^2) + 1.86 - 0.30*z",
        "x*(3.56 - 0.54*abs(2*y - 0.89*x - log(y + 69.7)))", "sin(x - y)*cos(z - x) + (x - y)/(z - y)",
        "z^2*((x*y/(z^2*(x*y/z^2 + x/z)) + 1)*(x*y/z^2 + x/z))", "(x - y)^2 + z", "1/(y - x) + z",
        "sqrt((x - y)^2 + (z - y)^2)", "(y - x)^3*z + x"};
    std::vector<Tree> first;
    for (const auto& text : formulas) first.push_back(canonical_form(fitted(text, names), rows));
    // many more symbols and forms in between
    for (int round = 0; round < 20; ++round)
        for (const auto& text : formulas) canonical_form(fitted(text, names), rows.leftCols(3));
    for (std::size_t i = 0; i < formulas.size(); ++i) {
        const Tree again = canonical_form(fitted(formulas[i], names), rows);
        CAPTURE(to_infix(first[i], names));
        CAPTURE(to_infix(again, names));
        CHECK(again == first[i]);
    }
}

TEST_CASE("canonical form: a sum raised to a high power through nested cubes is not expanded") {
    // a formula the search printed at 10 % noise (I.40.1): a rational function cubed three times
    // over; normalising its 27th power took GiNaC 24 GB before the program was killed
    const std::vector<std::string> names{"x", "y", "z"};
    const Tree tree = fitted("cube(cube(cube(x/(y + 0.3) - z*(x - 0.2)/(y + z))))*x - 0.01", names);
    const Eigen::ArrayXXd rows = uniform_rows(200, 3, 1, 5);
    const Tree form = canonical_form(tree, rows);
    INFO(to_infix(form, names));
    CHECK(same_values(form, tree, rows));
    // a power of a product still expands: omega^4 written as a square of a square is a product
    const Tree product = fitted("square(square(x*y))*0.5 + 0.25*square(x*y)*square(x*y)", names);
    CHECK(canonical_form(product, rows).complexity() < product.complexity());
}

TEST_CASE("canonical form: a phase many periods away is brought back to within half a period") {
    const std::vector<std::string> names{"theta", "a"};
    const Eigen::ArrayXXd rows = uniform_rows(200, 2, 0, 3);
    // the one fitted constant of the formula's canonical form, which must give the same values
    // where the far phase's own rounding allows (exact_values)
    const auto phase_of = [&](const std::string& text, bool exact_values) {
        const Tree far = fitted(text, names);
        const Tree near = canonical_form(far, rows);
        CAPTURE(to_infix(near, names));
        if (exact_values) CHECK(same_values(far, near, rows));
        REQUIRE(near.constant_count() == 1);
        return near.constants()[0];
    };
    CHECK(std::abs(phase_of("a*cos(theta - 1000.5) + 1", true)) <= M_PI);
    // Levenberg–Marquardt left cos(theta - 4048987062.42) under 1 % noise (II.11.17): -pi to 5
    // digits, a value that the far phase itself gives only to about 5e-7 (its rounding)
    CHECK(std::abs(std::abs(phase_of("a*cos(theta - 4048987062.424595) + 1", false)) - M_PI) < 1e-4);
    // past 1e12 the far phase is rounded to 1e-4, and reduced all the same
    CHECK(std::abs(phase_of("a*sin(theta - 1111782717750.486) + 1", false)) <= M_PI);
    // a tangent's period is pi
    CHECK(std::abs(phase_of("tan(theta + 31.5) + a", true)) <= M_PI / 2);
}

TEST_CASE("canonical form: a denominator's fitted leading number is divided out") {
    // 212.16/(212.16/x - 70.72) + 1 is x/(1 - x/3) + 1 (II.11.28): one fitted number, the ratio
    const std::vector<std::string> names{"x"};
    const Eigen::ArrayXXd rows = uniform_rows(200, 1, 0.1, 1);
    const Tree puzzle = fitted("212.1593593880029/(212.1593593880029/x - 70.71978646266763) + 1", names);
    REQUIRE(puzzle.constant_count() == 3);
    const Tree form = canonical_form(puzzle, rows);
    CAPTURE(to_infix(form, names));
    CHECK(same_values(puzzle, form, rows));
    REQUIRE(form.constant_count() == 1);
    CHECK(std::abs(std::abs(form.constants()[0]) - 1.0 / 3) < 1e-9);
}
