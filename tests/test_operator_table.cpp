// Every operator row of op_table, one by one: the batch kernel against the scalar reference, and the
// reverse-mode derivative against central finite differences. The loops walk op_table itself, so a
// new operator is covered (on a default interval if it has no domain entry) as soon as its row exists.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "occam/interpreter.hpp"

using namespace occam;

namespace {

// Full blocks and a short last one, so the padding rows of a partial block are exercised too.
constexpr Eigen::Index rows = 4 * Interpreter::block_rows + 37;
static_assert(rows % Interpreter::block_rows != 0);

// Where an operand is sampled: [lo, hi], or +-[lo, hi] for operators that must stay away from zero
// (a pole or a kink) yet should see both signs.
struct Domain {
    double lo, hi;
    bool both_signs = false;
};

// Operand `argument` (0 = left or only) of op. Each interval keeps a margin from poles and domain
// edges, so a finite-difference step cannot cross one.
Domain domain(Op op, int argument) {
    switch (op) {
        case Op::Add: case Op::Sub: case Op::Mul: case Op::Neg: case Op::Square: case Op::Cube: return {-2.0, 2.0};
        case Op::Div: return argument == 0 ? Domain{-2.0, 2.0} : Domain{0.2, 2.0, true};
        case Op::Pow: return argument == 0 ? Domain{0.3, 2.5} : Domain{-2.5, 2.5};
        case Op::Sqrt: case Op::Log: return {0.05, 4.0};
        case Op::Exp: case Op::Atan: case Op::Tanh: return {-4.0, 4.0};
        case Op::Sin: case Op::Cos: return {-10.0, 10.0};  // several quadrants of the range reduction
        case Op::Tan: return {-1.4, 1.4};
        case Op::Asin: case Op::Acos: return {-0.95, 0.95};
        case Op::Abs: case Op::Inv: return {0.2, 2.0, true};
        default: return {0.3, 0.9};  // no entry yet: an interval where nearly every elementary function is defined
    }
}

// Column k holds operand k of op over its domain; the two columns use different strides so a binary
// operator sees uncorrelated pairs rather than the diagonal.
Eigen::ArrayXXd operands(Op op) {
    Eigen::ArrayXXd X(rows, 2);
    for (int k = 0; k < 2; ++k) {
        const Domain d = domain(op, k);
        for (Eigen::Index r = 0; r < rows; ++r) {
            const double t = k == 0 ? (r + 0.5) / rows : std::fmod((r + 0.5) * 0.6180339887498949, 1.0);
            const double x = d.lo + (d.hi - d.lo) * t;
            X(r, k) = d.both_signs && r % 2 == 1 ? -x : x;
        }
    }
    return X;
}

// op(x0) or op(x0, x1); with scales, each operand becomes scales[k] * x_k with a fittable constant.
Tree operator_tree(Op op, const std::vector<double>& scales) {
    std::vector<Node> nodes;
    for (int k = 0; k < arity(op); ++k) {
        if (!scales.empty()) nodes.push_back(Node::constant(scales[k]));
        nodes.push_back(Node::variable(static_cast<std::uint32_t>(k)));
        if (!scales.empty()) nodes.push_back(Node::function(Op::Mul));
    }
    nodes.push_back(Node::function(op));
    return Tree(std::move(nodes));
}

// The loop must reach every operator row: a shortfall means one was skipped.
void require_every_operator(const std::vector<Op>& checked) {
    const auto operators = std::ranges::count_if(op_table, [](const OpInfo& row) { return row.arity >= 1; });
    REQUIRE(static_cast<std::ptrdiff_t>(checked.size()) == operators);
    for (Op op : {Op::Acos, Op::Atan, Op::Tanh, Op::Abs, Op::Pow}) CHECK(std::ranges::find(checked, op) != checked.end());
}

}  // namespace

TEST_CASE("every operator's batch kernel equals the scalar reference over its domain") {
    Interpreter interpreter;  // one for all operators, so buffer reuse between trees is exercised too
    std::vector<Op> checked;
    for (const auto& row : op_table) {
        if (row.arity == 0) continue;
        INFO("operator " << row.name);
        const Tree tree = operator_tree(row.op, {});
        const Eigen::ArrayXXd X = operands(row.op);
        Eigen::ArrayXd fast(rows);
        REQUIRE(interpreter.evaluate(tree, X, fast));
        // sin, cos and tan use the polynomial kernels of trig_kernels.hpp rather than std::, so they
        // may differ from the reference by reduction rounding; the rest differ by a few ulp at most.
        const bool custom = row.op == Op::Sin || row.op == Op::Cos || row.op == Op::Tan;
        for (Eigen::Index r = 0; r < rows; ++r) {
            const double x[2] = {X(r, 0), X(r, 1)};
            const double reference = evaluate_scalar(tree, x);
            INFO("row " << r << " at (" << x[0] << ", " << x[1] << "): " << fast[r] << " vs " << reference);
            REQUIRE(std::abs(fast[r] - reference) <= (custom ? 1e-10 * std::abs(reference) + 1e-14
                                                             : 1e-12 * std::abs(reference)));
        }
        checked.push_back(row.op);
    }
    require_every_operator(checked);
}

TEST_CASE("every operator's Jacobian equals central finite differences of the scalar reference") {
    // scales other than 1, so a derivative taken at x instead of at c * x would show
    const std::vector<double> scales{0.8, 1.25};
    Interpreter interpreter;
    std::vector<Op> checked;
    for (const auto& row : op_table) {
        if (row.arity == 0) continue;
        INFO("operator " << row.name);
        const std::vector<double> constants(scales.begin(), scales.begin() + row.arity);
        const Tree tree = operator_tree(row.op, constants);
        Eigen::ArrayXXd X = operands(row.op);
        X.col(0) /= scales[0];  // so that c_k * x_k, the operator's argument, covers its domain
        X.col(1) /= scales[1];
        Eigen::ArrayXd value(rows);
        Eigen::ArrayXXd jacobian(rows, row.arity);
        REQUIRE(interpreter.evaluate(tree, X, value, jacobian));
        Tree probe = tree;
        for (Eigen::Index r = 0; r < rows; ++r) {
            const double x[2] = {X(r, 0), X(r, 1)};
            for (int c = 0; c < row.arity; ++c) {
                const double h = 1e-6 * constants[c];
                std::vector<double> moved = constants;
                moved[c] = constants[c] + h;
                probe.set_constants(moved);
                const double plus = evaluate_scalar(probe, x);
                moved[c] = constants[c] - h;
                probe.set_constants(moved);
                const double numeric = (plus - evaluate_scalar(probe, x)) / (2 * h);
                // what rounding of f alone can put into the difference quotient
                const double noise = 8 * std::numeric_limits<double>::epsilon() * std::abs(value[r]) / h;
                INFO("row " << r << " constant " << c << ": analytic " << jacobian(r, c) << " numeric " << numeric);
                REQUIRE(std::abs(numeric - jacobian(r, c)) <=
                        1e-6 * std::max(std::abs(numeric), std::abs(jacobian(r, c))) + noise);
            }
        }
        checked.push_back(row.op);
    }
    require_every_operator(checked);
}
