#include "occam/interpreter.hpp"

namespace occam {

double evaluate_scalar(const Tree& tree, std::span<const double> row, std::size_t i) {
    const auto& node = tree[i];
    if (node.op == Op::Variable) return row[node.index];
    if (is_leaf(node.op)) return leaf_constant(node.op, node.value);
    return visit_operator(node.op, [&]<Op op>() {
        const double right = evaluate_scalar(tree, row, i - 1);
        if constexpr (arity(op) == 2) {
            return Kernel<op>::scalar(evaluate_scalar(tree, row, tree.left_child(i)), right);
        } else {
            return Kernel<op>::scalar(right);
        }
    });
}

}  // namespace occam
