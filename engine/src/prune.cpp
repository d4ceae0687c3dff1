#include "occam/prune.hpp"

#include "occam/simplify.hpp"
#include "variation.hpp"

namespace occam {

Tree prune_unary(const Tree& tree, const RefitLoss& refit, const SnapOptions& options) {
    Tree current = tree;
    auto current_loss = refit(current);
    if (!current_loss) return tree;
    const double allowed = *current_loss * (1 + options.relative_tolerance) + options.absolute_tolerance;
    // from the root down, so an outer function goes before the ones it wraps
    for (std::size_t i = current.length(); i-- > 0;) {
        if (i >= current.length() || arity(current[i].op) != 1) continue;
        const std::size_t begin = current.subtree_begin(i);
        Tree candidate = splice(current, begin, i + 1, current.nodes().subspan(begin, i - begin));
        const auto loss = refit(candidate);
        if (loss && *loss <= allowed) current = std::move(candidate);
    }
    return current.length() == tree.length() ? current : simplify(current);
}

}  // namespace occam
