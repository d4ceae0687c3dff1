#include "occam/substitute.hpp"

#include <fmt/format.h>

#include "occam/error.hpp"

namespace occam {

Tree substitute_variables(const Tree& formula, std::span<const Tree> replacements) {
    // In postfix order a variable's replacement is spliced in place: its nodes are already postfix
    // and the parents after it see one complete subtree either way.
    std::vector<Node> nodes;
    nodes.reserve(formula.length());
    for (const Node& node : formula.nodes()) {
        if (node.op != Op::Variable) {
            nodes.push_back(node);
            continue;
        }
        if (node.index >= replacements.size())
            throw input_error(fmt::format("the formula uses variable {} but only {} replacements were given",
                                          node.index, replacements.size()));
        const auto replacement = replacements[node.index].nodes();
        nodes.insert(nodes.end(), replacement.begin(), replacement.end());
    }
    return Tree(std::move(nodes));
}

}  // namespace occam
