#include "variation.hpp"

#include <algorithm>
#include <array>

namespace occam {

Tree splice(const Tree& tree, std::size_t begin, std::size_t end, std::span<const Node> replacement) {
    const auto nodes = tree.nodes();
    std::vector<Node> out;
    out.reserve(nodes.size() - (end - begin) + replacement.size());
    out.insert(out.end(), nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(begin));
    out.insert(out.end(), replacement.begin(), replacement.end());
    out.insert(out.end(), nodes.begin() + static_cast<std::ptrdiff_t>(end), nodes.end());
    return Tree(std::move(out));
}

namespace {

bool fits(const Tree& tree, const VariationContext& c) {
    return tree.length() <= c.max_length && tree.depth() <= c.max_depth;
}

Tree point_mutation(Random& rng, const Tree& parent, const VariationContext& c) {
    Tree child = parent;
    const std::size_t i = rng.below(child.length());
    Node& node = child[i];
    if (node.op == Op::Variable || node.op == Op::Constant) {
        const auto leaf = random_tree(rng, *c.ops, 1, c.leaves)[0];
        node = leaf;
    } else if (arity(node.op) == 1 && !c.ops->unary().empty()) {
        node.op = c.ops->unary()[rng.below(c.ops->unary().size())];
    } else if (arity(node.op) == 2) {
        node.op = c.ops->binary()[rng.below(c.ops->binary().size())];
    }
    return child;
}

Tree subtree_mutation(Random& rng, const Tree& parent, const VariationContext& c) {
    const std::size_t i = rng.below(parent.length());
    const std::size_t begin = parent.subtree_begin(i);
    const std::size_t room = c.max_length - (parent.length() - parent[i].size);
    const std::size_t length = 1 + rng.below(std::min<std::size_t>(room, 2 * parent[i].size + 3));
    const Tree fresh = random_tree(rng, *c.ops, length, c.leaves);
    return splice(parent, begin, i + 1, fresh.nodes());
}

Tree insert_mutation(Random& rng, const Tree& parent, const VariationContext& c) {
    const std::size_t i = rng.below(parent.length());
    const std::size_t begin = parent.subtree_begin(i);
    std::vector<Node> wrapped(parent.nodes().begin() + static_cast<std::ptrdiff_t>(begin),
                              parent.nodes().begin() + static_cast<std::ptrdiff_t>(i + 1));
    const bool unary = !c.ops->unary().empty() && (c.ops->binary().empty() || rng.uniform() < 0.5);
    if (unary) {
        wrapped.push_back(Node::function(c.ops->unary()[rng.below(c.ops->unary().size())]));
    } else {
        const Node leaf = random_tree(rng, *c.ops, 1, c.leaves)[0];
        if (rng.uniform() < 0.5) {
            wrapped.insert(wrapped.begin(), leaf);
        } else {
            wrapped.push_back(leaf);
        }
        wrapped.push_back(Node::function(c.ops->binary()[rng.below(c.ops->binary().size())]));
    }
    return splice(parent, begin, i + 1, wrapped);
}

Tree hoist_mutation(Random& rng, const Tree& parent) {
    const std::size_t i = rng.below(parent.length());
    if (parent[i].size == 1) return parent;
    const std::size_t begin = parent.subtree_begin(i);
    // any proper descendant of i
    const std::size_t j = begin + rng.below(parent[i].size - 1);
    const std::size_t j_begin = parent.subtree_begin(j);
    return splice(parent, begin, i + 1, parent.nodes().subspan(j_begin, j + 1 - j_begin));
}

Tree constant_mutation(Random& rng, const Tree& parent) {
    Tree child = parent;
    std::vector<std::size_t> constants;
    for (std::size_t i = 0; i < child.length(); ++i) {
        if (child[i].op == Op::Constant) constants.push_back(i);
    }
    if (constants.empty()) return child;
    auto& node = child[constants[rng.below(constants.size())]];
    // a multiplicative jump (and sometimes a sign flip) escapes the basin LM started in
    node.value *= std::exp(rng.normal());
    if (rng.uniform() < 0.1) node.value = -node.value;
    return child;
}

Tree swap_mutation(Random& rng, const Tree& parent) {
    std::vector<std::size_t> binaries;
    for (std::size_t i = 0; i < parent.length(); ++i) {
        if (arity(parent[i].op) == 2) binaries.push_back(i);
    }
    if (binaries.empty()) return parent;
    const std::size_t i = binaries[rng.below(binaries.size())];
    const std::size_t right = i - 1;
    const std::size_t left = parent.left_child(i);
    const auto nodes = parent.nodes();
    std::vector<Node> swapped;
    swapped.insert(swapped.end(), nodes.begin() + static_cast<std::ptrdiff_t>(parent.subtree_begin(right)),
                   nodes.begin() + static_cast<std::ptrdiff_t>(right + 1));
    swapped.insert(swapped.end(), nodes.begin() + static_cast<std::ptrdiff_t>(parent.subtree_begin(left)),
                   nodes.begin() + static_cast<std::ptrdiff_t>(left + 1));
    swapped.push_back(parent[i]);
    return splice(parent, parent.subtree_begin(i), i + 1, swapped);
}

}  // namespace

Tree Mutation::operator()(Random& rng, const Tree& parent) const {
    const std::array<double, 6> w{weights.point, weights.subtree, weights.insert,
                                  weights.hoist, weights.constant, weights.swap};
    double total = 0;
    for (double x : w) total += x;
    double pick = rng.uniform() * total;
    std::size_t kind = 0;
    while (kind + 1 < w.size() && pick >= w[kind]) pick -= w[kind++];
    Tree child;
    switch (kind) {
        case 0: child = point_mutation(rng, parent, context); break;
        case 1: child = subtree_mutation(rng, parent, context); break;
        case 2: child = insert_mutation(rng, parent, context); break;
        case 3: child = hoist_mutation(rng, parent); break;
        case 4: child = constant_mutation(rng, parent); break;
        default: child = swap_mutation(rng, parent); break;
    }
    return fits(child, context) ? child : parent;
}

Tree Crossover::operator()(Random& rng, const Tree& receiver, const Tree& donor) const {
    const std::size_t i = rng.below(receiver.length());
    const std::size_t room = context.max_length - (receiver.length() - receiver[i].size);
    // pick a donor subtree that fits; a few tries, then give up
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::size_t j = rng.below(donor.length());
        if (donor[j].size > room) continue;
        const std::size_t j_begin = donor.subtree_begin(j);
        Tree child = splice(receiver, receiver.subtree_begin(i), i + 1,
                            donor.nodes().subspan(j_begin, j + 1 - j_begin));
        if (fits(child, context)) return child;
    }
    return receiver;
}

}  // namespace occam
