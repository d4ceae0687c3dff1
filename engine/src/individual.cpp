#include "occam/individual.hpp"

namespace occam {

Tree explicit_tree(const Individual& individual) {
    if (individual.scaling.scale == 0) return Tree({Node::constant(individual.scaling.offset)});
    std::vector<Node> nodes(individual.tree.nodes().begin(), individual.tree.nodes().end());
    nodes.push_back(Node::constant(individual.scaling.scale));
    nodes.push_back(Node::function(Op::Mul));
    nodes.push_back(Node::constant(individual.scaling.offset));
    nodes.push_back(Node::function(Op::Add));
    return Tree(std::move(nodes));
}

}  // namespace occam
