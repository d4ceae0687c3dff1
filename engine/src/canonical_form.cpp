#include "occam/canonical_form.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <vector>

#include "algebra_rewrites.hpp"
#include "ginac_expression.hpp"
#include "ginac_translation.hpp"
#include "periodic_phase.hpp"
#include "occam/interpreter.hpp"
#include "occam/simplify.hpp"
#include "significant_digits.hpp"

namespace occam {
namespace {

namespace gi = GiNaC;
using algebra::Translation;

// A form may differ from the formula by rounding only: its RMS difference on the rows at most
// this fraction of the formula's RMS spread (the loss unchanged to 1e-12).
constexpr double agreement = 1e-6;

// Whether candidate gives the formula's values (original) on the rows, to rounding.
bool agrees(const Eigen::ArrayXd& original, const Tree& candidate, const Eigen::ArrayXXd& rows, Interpreter& interpreter) {
    Eigen::ArrayXd rewritten(rows.rows());
    if (!interpreter.evaluate(candidate, rows, rewritten)) return false;
    const double spread = (original - original.mean()).square().sum() + original.square().sum() * 1e-12;
    return (rewritten - original).square().sum() <= agreement * agreement * spread;
}

// A fitted number the algebra computed carries its rounding, which depends on the order GiNaC
// added in: 12 significant digits are what the form says, and the same in every call.
Tree with_rounded_constants(Tree tree) {
    for (Node& node : tree.mutable_nodes())
        if (node.op == Op::Constant && node.value != 0 && std::isfinite(node.value)) {
            const double rounded = round_to_significant(node.value, 12);
            if (std::isfinite(rounded) && rounded != 0) node.value = rounded;
        }
    return tree;
}

// Whether expanding and normalising could take long: GiNaC cannot be interrupted, and a sum
// raised above the cube (a sum to the 6th is hundreds of terms; the gcds of normal() over them and
// the functions inside take minutes, and a rational function cubed three times over, a 27th
// power, took 24 GB before it was killed) or a long formula is seldom what a person writes anyway.
// Powers of a product (omega^4 as a square of a square) expand at no cost.
bool expansion_is_cheap(const Tree& tree) {
    if (tree.length() > 40) return false;
    // per node, the highest power that a sum inside it is raised to within it (0: no sum)
    std::vector<int> sum_power(tree.length(), 0);
    for (std::size_t i = 0; i < tree.length(); ++i) {
        const Op op = tree[i].op;
        if (op == Op::Pow) return false;
        if (is_leaf(op)) continue;
        const int below = std::max(sum_power[i - 1], arity(op) == 2 ? sum_power[tree.left_child(i)] : 0);
        if (op == Op::Add || op == Op::Sub) sum_power[i] = std::max(below, 1);
        else if (op == Op::Square) sum_power[i] = 2 * below;
        else if (op == Op::Cube) sum_power[i] = 3 * below;
        else sum_power[i] = below;
        if (sum_power[i] > 3) return false;
    }
    return true;
}

// Fewer nodes first; of two forms as long, the one with fewer fitted constants (x/(1 - 0.333*x)
// rather than 212.16/(212.16/x - 70.72)): one number left free is one fewer to snap or explain.
bool simpler(const Tree& candidate, const Tree& than) {
    const int a = candidate.complexity(), b = than.complexity();
    return a != b ? a < b : candidate.constant_count() < than.constant_count();
}

}  // namespace

Tree canonical_form(const Tree& formula, const Eigen::ArrayXXd& rows) {
    // A phase reduced modulo its period is the same function, computed more exactly: the far
    // phase's own values are rounded to its last digit (5e-7 at 4e9, 1e-4 at 1e12), so the
    // reduced formula is the reference the other forms are checked against.
    const Tree tree = with_reduced_phases(formula);
    Interpreter interpreter;
    Eigen::ArrayXd original(rows.rows());
    if (rows.rows() == 0 || !interpreter.evaluate(tree, rows, original)) return formula;
    // nothing of five nodes or fewer comes out shorter that simplify() has not already made, but
    // for a power written through its logarithm: exp(1.5*log(x)), a power law fitted in logs
    const auto nodes = tree.nodes();
    const bool has_exp = std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.op == Op::Exp; });
    if (tree.length() <= 5 && !has_exp) return tree;
    // GiNaC's reference counts and symbol serials are global and unguarded
    static std::mutex ginac;
    const std::lock_guard lock(ginac);
    Tree best = tree;
    try {
        const Translation translation(rows);
        const gi::ex base = algebra::folded(algebra::rewritten(translation.to_ginac(tree, tree.root())));
        const auto try_form = [&](const auto& make) {
            try {
                const gi::ex form = algebra::folded(make());
                // a form far longer than the formula will not come out shorter, and simplifying it is slow
                if (algebra::printed_size(form) > 2 * static_cast<int>(tree.length()) + 10) return;
                const Tree candidate = with_rounded_constants(simplify(detail::to_tree(translation.to_expr(form))));
                if (simpler(candidate, best) && agrees(original, candidate, rows, interpreter)) best = candidate;
            } catch (const std::exception&) {
                // GiNaC could not make this form (or occam cannot write it): the others remain
            }
        };
        try_form([&] { return base; });
        try_form([&] { return algebra::distributed(base); });
        if (expansion_is_cheap(tree)) {
            try_form([&] { return gi::normal(base); });
            try_form([&] { return base.expand(); });
            try_form([&] { return algebra::termwise_normal(base.expand()); });
            try_form([&] { return algebra::unit_denominators(algebra::termwise_normal(base)); });
            try_form([&] { return algebra::unit_denominators(gi::normal(base)); });
            try_form([&] {
                const gi::ex parts = gi::numer_denom(gi::normal(base));
                return parts.op(0).expand() / parts.op(1).expand();
            });
        }
    } catch (const std::exception&) {
        // a formula GiNaC cannot take in stays as it is
    }
    return best;
}

}  // namespace occam
