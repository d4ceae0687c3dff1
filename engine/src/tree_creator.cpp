#include "tree_creator.hpp"

namespace occam {
namespace {

Node random_leaf(Random& rng, const CreatorOptions& options) {
    if (options.variables > 0 && rng.uniform() < options.variable_probability)
        return Node::variable(static_cast<std::uint32_t>(rng.below(options.variables)));
    return Node::constant(rng.uniform(options.constant_low, options.constant_high));
}

// Appends a subtree of `length` nodes in postfix order.
void grow(Random& rng, const OperatorSet& ops, std::size_t length, const CreatorOptions& options,
          std::vector<Node>& out) {
    const bool can_unary = length >= 2 && !ops.unary().empty();
    const bool can_binary = length >= 3 && !ops.binary().empty();
    if (!can_unary && !can_binary) {
        out.push_back(random_leaf(rng, options));
        return;
    }
    // pick an operator uniformly from those that fit, then its arity follows
    const double n_binary = can_binary ? static_cast<double>(ops.binary().size()) : 0.0;
    const double n_unary = can_unary ? static_cast<double>(ops.unary().size()) : 0.0;
    const bool binary = rng.uniform() * (n_binary + n_unary) < n_binary;
    if (binary) {
        const std::size_t left = 1 + rng.below(length - 2);
        grow(rng, ops, left, options, out);
        grow(rng, ops, length - 1 - left, options, out);
        out.push_back(Node::function(ops.binary()[rng.below(ops.binary().size())]));
    } else {
        grow(rng, ops, length - 1, options, out);
        out.push_back(Node::function(ops.unary()[rng.below(ops.unary().size())]));
    }
}

}  // namespace

Tree random_tree(Random& rng, const OperatorSet& ops, std::size_t length, const CreatorOptions& options) {
    std::vector<Node> nodes;
    nodes.reserve(length);
    grow(rng, ops, std::max<std::size_t>(length, 1), options, nodes);
    return Tree(std::move(nodes));
}

}  // namespace occam
