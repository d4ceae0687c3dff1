#include "occam/aliasing.hpp"

#include <vector>

#include "periodic_phase.hpp"

namespace occam {

bool aliases(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X, Interpreter& interpreter) {
    const auto nodes = tree.nodes();
    const double most_periods = static_cast<double>(X.rows() - 1) / 2;
    Eigen::ArrayXd argument(X.rows());
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        const double period = period_of(nodes[i].op);
        if (period == 0) continue;
        const std::size_t begin = tree.subtree_begin(i - 1);
        const Tree subtree(std::vector<Node>(nodes.begin() + static_cast<std::ptrdiff_t>(begin),
                                             nodes.begin() + static_cast<std::ptrdiff_t>(i)));
        if (!interpreter.evaluate(subtree, X, argument)) continue;
        if ((argument.maxCoeff() - argument.minCoeff()) / period > most_periods) return true;
    }
    return false;
}

}  // namespace occam
