#include "occam/tree.hpp"

#include <algorithm>
#include <bit>
#include <cassert>

#include <fmt/format.h>

#include "occam/error.hpp"

namespace occam {

void Tree::update_sizes() {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        auto& node = nodes_[i];
        std::size_t size = 1;
        std::size_t child = i;
        for (int k = 0; k < arity(node.op); ++k) {
            if (child == 0) throw input_error(fmt::format("malformed expression: operator {} at node {} lacks an operand", info(node.op).name, i));
            size += nodes_[child - 1].size;
            child -= nodes_[child - 1].size;
        }
        // sizes are 16-bit: a larger subtree would wrap and corrupt every range after it
        if (size > max_length) throw input_error(fmt::format("expression too large: more than {} nodes", max_length));
        node.size = static_cast<std::uint16_t>(size);
    }
}

std::size_t Tree::depth() const {
    // depth of node i = 1 + max depth of its children; children precede parents in postfix order
    std::vector<std::size_t> depth(nodes_.size(), 1);
    std::size_t deepest = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        std::size_t child = i;
        for (int k = 0; k < arity(nodes_[i].op); ++k) {
            depth[i] = std::max(depth[i], depth[child - 1] + 1);
            child -= nodes_[child - 1].size;
        }
        deepest = std::max(deepest, depth[i]);
    }
    return deepest;
}

int Tree::complexity() const {
    // An exact constant such as 1/sqrt(2*pi) costs what one fitted constant costs: otherwise the
    // front would prefer 0.3989... to the exact value it was snapped to.
    std::vector<int> cost(nodes_.size());
    std::vector<char> exact(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const Op op = nodes_[i].op;
        if (is_leaf(op)) {
            exact[i] = op == Op::Number || op == Op::Pi || op == Op::Euler;
            cost[i] = info(op).complexity;
            continue;
        }
        const std::size_t right = i - 1;
        const std::size_t left = left_child(i);
        exact[i] = exact[right] && (arity(op) == 1 || exact[left]);
        const int children = cost[right] + (arity(op) == 2 ? cost[left] : 0);
        cost[i] = exact[i] ? 1 : info(op).complexity + children;
    }
    return nodes_.empty() ? 0 : cost.back();
}

std::size_t Tree::constant_count() const {
    return static_cast<std::size_t>(
        std::count_if(nodes_.begin(), nodes_.end(), [](const Node& n) { return n.op == Op::Constant; }));
}

std::vector<double> Tree::constants() const {
    std::vector<double> values;
    for (const auto& node : nodes_) {
        if (node.op == Op::Constant) values.push_back(node.value);
    }
    return values;
}

void Tree::set_constants(std::span<const double> values) {
    std::size_t k = 0;
    for (auto& node : nodes_) {
        if (node.op == Op::Constant) node.value = values[k++];
    }
    assert(k == values.size());
}

std::uint64_t Tree::hash() const {
    // FNV-1a over the fields that define the expression; size is implied by the postfix order.
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::uint64_t x) {
        for (int b = 0; b < 8; ++b) {
            h ^= (x >> (8 * b)) & 0xffU;
            h *= 1099511628211ULL;
        }
    };
    for (const auto& node : nodes_) {
        mix(static_cast<std::uint64_t>(node.op));
        mix(node.index);
        // +0.0 == -0.0 for Tree equality, so they must hash alike
        mix(std::bit_cast<std::uint64_t>(node.value == 0.0 ? 0.0 : node.value));
    }
    return h;
}

}  // namespace occam
