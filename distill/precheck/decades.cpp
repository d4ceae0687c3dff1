#include "occam/decades.hpp"

#include <cmath>
#include <initializer_list>
#include <utility>
#include <vector>

#include "median.hpp"

namespace occam {
namespace {

// a target of one sign over at least this ratio of largest to smallest magnitude is learnt in logs
constexpr double decades_ratio = 1e3;

// the formula with one or two nodes appended above its root
Tree with_nodes(const Tree& formula, std::initializer_list<Op> ops) {
    std::vector<Node> nodes(formula.nodes().begin(), formula.nodes().end());
    for (Op op : ops) nodes.push_back(Node::function(op));
    return Tree(std::move(nodes));
}

}  // namespace

Tree log_of(const Tree& f, double sign) { return sign > 0 ? with_nodes(f, {Op::Log}) : with_nodes(f, {Op::Neg, Op::Log}); }

Tree exp_of(const Tree& g, double sign) { return sign > 0 ? with_nodes(g, {Op::Exp}) : with_nodes(g, {Op::Exp, Op::Neg}); }

double decades_spanned(const Eigen::ArrayXd& y) {
    const Eigen::ArrayXd magnitude = y.abs();
    return std::log10(magnitude.maxCoeff() / magnitude.minCoeff());
}

int sign_across_decades(const Eigen::ArrayXd& y) {
    if (y.size() == 0 || !y.isFinite().all()) return 0;
    const int sign = y.minCoeff() > 0 ? 1 : y.maxCoeff() < 0 ? -1 : 0;
    if (sign == 0) return 0;
    const Eigen::ArrayXd magnitude = y.abs();
    if (magnitude.maxCoeff() < decades_ratio * magnitude.minCoeff()) return 0;
    const Eigen::ArrayXd logs = magnitude.log();
    const double middle = detail::median(std::vector<double>(logs.begin(), logs.end()));
    return middle - logs.minCoeff() <= 2 * (logs.maxCoeff() - middle) ? sign : 0;
}

}  // namespace occam
