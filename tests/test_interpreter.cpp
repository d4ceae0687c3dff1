// The batch interpreter against the scalar reference, on every Feynman formula over its sampling
// ranges, and its Jacobian against central finite differences.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "formula_tables.hpp"
#include "occam/interpreter.hpp"
#include "occam/operator_set.hpp"
#include "occam/parse.hpp"
#include "tree_creator.hpp"

using namespace occam;

namespace {

// Every exact literal becomes a fittable constant, so the Jacobian has something to differentiate.
Tree with_fittable_numbers(Tree tree) {
    for (auto& node : tree.mutable_nodes()) {
        if (node.op == Op::Number) node.op = Op::Constant;
    }
    return tree;
}

// Central difference in constant c at one row, by the scalar reference evaluator.
double central_difference(Tree tree, std::span<const double> row, std::vector<double> constants, std::size_t c,
                          double h) {
    const double centre = constants[c];
    constants[c] = centre + h;
    tree.set_constants(constants);
    const double plus = evaluate_scalar(tree, row);
    constants[c] = centre - h;
    tree.set_constants(constants);
    return (plus - evaluate_scalar(tree, row)) / (2 * h);
}

// Compares the analytic Jacobian with Richardson-extrapolated central differences. The step
// shrinks until the estimates at h and h/2 agree; rows where they never do (rounding noise, a
// pole or a domain edge within reach of every step) are not compared. Returns the rows compared.
std::size_t check_jacobian(const Tree& tree, const Eigen::ArrayXXd& X) {
    Interpreter interpreter;
    const auto k = static_cast<Eigen::Index>(tree.constant_count());
    Eigen::ArrayXd value(X.rows());
    Eigen::ArrayXXd jacobian(X.rows(), k);
    if (!interpreter.evaluate(tree, X, value, jacobian)) return 0;  // undefined somewhere
    const auto constants = tree.constants();
    std::vector<double> row(static_cast<std::size_t>(X.cols()));
    std::size_t compared = 0;
    for (Eigen::Index r = 0; r < X.rows(); ++r) {
        for (Eigen::Index v = 0; v < X.cols(); ++v) row[v] = X(r, v);
        for (Eigen::Index c = 0; c < k; ++c) {
            for (double step : {1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
                const double h = step * std::max(1.0, std::abs(constants[c]));
                const double coarse = central_difference(tree, row, constants, c, h);
                const double fine = central_difference(tree, row, constants, c, h / 2);
                const double extrapolated = (4 * fine - coarse) / 3;
                // what rounding of f alone can put into a difference quotient with step h/2
                const double noise = 8 * std::numeric_limits<double>::epsilon() * std::abs(value[r]) / h;
                if (!std::isfinite(extrapolated) || std::abs(fine - coarse) > 1e-5 * std::abs(extrapolated) + noise)
                    continue;
                INFO("constant " << c << " row " << r << " analytic " << jacobian(r, c) << " numeric " << extrapolated);
                REQUIRE(std::abs(extrapolated - jacobian(r, c)) <=
                        1e-6 * std::max(std::abs(extrapolated), std::abs(jacobian(r, c))) + noise);
                ++compared;
                break;
            }
        }
    }
    return compared;
}

// A bound on the size of the numbers that meet in the computation of node i, so that a
// comparison tolerates the rounding that cancellation amplifies (a + b with a ~ -b) the same way
// for any two correct implementations of the functions.
double magnitude(const Tree& tree, std::span<const double> row, std::size_t i) {
    const auto& node = tree[i];
    const double self = std::abs(evaluate_scalar(tree, row, i));
    if (is_leaf(node.op)) return self;
    const double right = magnitude(tree, row, i - 1);
    const double right_value = std::abs(evaluate_scalar(tree, row, i - 1));
    switch (node.op) {
        case Op::Add:
        case Op::Sub: return magnitude(tree, row, tree.left_child(i)) + right;
        case Op::Mul: return magnitude(tree, row, tree.left_child(i)) * right;
        case Op::Div: return magnitude(tree, row, tree.left_child(i)) / right_value;
        default:
            // a function of a cancelled argument inherits the argument's relative uncertainty
            return self * std::max(1.0, right / std::max(right_value, 1e-300));
    }
}

}  // namespace

TEST_CASE("interpreter equals the scalar reference on every Feynman formula") {
    const auto table = test::feynman_formulas();
    REQUIRE(table.size() == 100);
    Interpreter interpreter;
    for (const auto& f : table) {
        INFO(f.id << ": " << f.formula);
        const auto names = test::names_of(f);
        const Tree tree = parse_formula(f.formula, names);
        // 1000 rows: many full blocks and a short last block
        const auto data = sample_formula(tree, f.variables, {.rows = 1000, .seed = 7, .target = "f_reference"});
        const Eigen::ArrayXXd X = data.values().leftCols(static_cast<Eigen::Index>(names.size()));
        Eigen::ArrayXd fast(X.rows());
        REQUIRE(interpreter.evaluate(tree, X, fast));
        std::vector<double> row(names.size());
        for (Eigen::Index r = 0; r < X.rows(); ++r) {
            const double reference = data.values()(r, X.cols());
            for (std::size_t c = 0; c < row.size(); ++c) row[c] = X(r, static_cast<Eigen::Index>(c));
            const double scale = std::max(std::abs(reference), magnitude(tree, row, tree.root()));
            INFO("row " << r << ": " << fast[r] << " vs " << reference);
            REQUIRE(std::abs(fast[r] - reference) <= 1e-12 * scale);
        }
    }
}

TEST_CASE("Jacobian equals central finite differences on Feynman formulas") {
    for (const auto& f : test::feynman_formulas()) {
        INFO(f.id << ": " << f.formula);
        const auto names = test::names_of(f);
        const Tree tree = with_fittable_numbers(parse_formula(f.formula, names));
        if (tree.constant_count() == 0) continue;
        const auto data = sample_formula(parse_formula(f.formula, names), f.variables,
                                         {.rows = 200, .seed = 3, .target = "f_reference"});
        const Eigen::ArrayXXd X = data.values().leftCols(static_cast<Eigen::Index>(names.size()));
        const auto compared = check_jacobian(tree, X);
        // most rows must be comparable, or the test would prove nothing
        CHECK(compared >= 0.9 * static_cast<double>(X.rows() * static_cast<Eigen::Index>(tree.constant_count())));
    }
}

TEST_CASE("Jacobian equals central finite differences on random trees") {
    Random rng(11);
    const auto ops = OperatorSet::parse("+,-,*,/,pow,neg,square,cube,sqrt,exp,log,sin,cos,tan,atan,tanh,abs,inv");
    Eigen::ArrayXXd X(130, 3);
    for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(0.5, 2.0);
    int checked = 0;
    for (int t = 0; t < 300; ++t) {
        const Tree tree = random_tree(rng, ops, 1 + rng.below(25), {.variables = 3, .variable_probability = 0.5});
        if (tree.constant_count() == 0) continue;
        checked += check_jacobian(tree, X) > 0;
    }
    CHECK(checked > 100);
}

TEST_CASE("a NaN or Inf stops evaluation and is reported") {
    const std::vector<std::string> names{"x"};
    Eigen::ArrayXXd X(300, 1);
    X.col(0).setLinSpaced(300, 1.0, 3.0);
    X(250, 0) = -1.0;  // log(-1) is NaN, in the fourth block
    Eigen::ArrayXd out(300);
    Interpreter interpreter;
    CHECK_FALSE(interpreter.evaluate(parse_formula("log(x)", names), X, out));
    X(250, 0) = 0.0;  // 1/0 is Inf
    CHECK_FALSE(interpreter.evaluate(parse_formula("1/x", names), X, out));
    X(250, 0) = 2.0;
    CHECK(interpreter.evaluate(parse_formula("log(x) + 1/x", names), X, out));
    CHECK(out[250] == doctest::Approx(std::log(2.0) + 0.5));
}

TEST_CASE("fewer rows than one block and constants given from outside") {
    const std::vector<std::string> names{"x"};
    Tree tree({Node::constant(2.0), Node::variable(0), Node::function(Op::Mul)});
    Eigen::ArrayXXd X(3, 1);
    X << 1, 2, 3;
    Eigen::ArrayXd out(3);
    Interpreter interpreter;
    REQUIRE(interpreter.evaluate(tree, X, out));
    CHECK(out[2] == 6.0);
    const std::vector<double> five{5.0};
    REQUIRE(interpreter.evaluate(tree, X, out, five));
    CHECK(out[2] == 15.0);
}
