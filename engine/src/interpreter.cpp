#include "occam/interpreter.hpp"

#include <cassert>
#include <vector>

namespace occam {
namespace {

using Plan = Interpreter::Plan;

// The value of a leaf of fixed value: a constant (the given ones replace the tree's), a number, pi or e.
double leaf_value(const Node& node, std::int32_t ordinal, std::span<const double> constants) {
    if (node.op == Op::Constant && !constants.empty()) return constants[static_cast<std::size_t>(ordinal)];
    return leaf_constant(node.op, node.value);
}

template <typename Buffer>
void forward_block(const Tree& tree, const Plan& plan, Buffer& v, std::span<const double> constants,
                   const Eigen::Ref<const Eigen::ArrayXXd>& X, Eigen::Index row, Eigen::Index count,
                   bool first_block) {
    for (std::size_t i = 0; i < tree.length(); ++i) {
        const auto& node = tree[i];
        auto out = v.col(i);
        if (node.op == Op::Variable) {
            out.head(count) = X.col(node.index).segment(row, count);
            // padding rows of a short block hold a harmless value, never a leftover
            out.tail(Interpreter::block_rows - count).setOnes();
        } else if (is_leaf(node.op)) {
            // leaves of fixed value own their column, so one fill serves every block
            if (first_block) out.setConstant(leaf_value(node, plan.ordinal[i], constants));
        } else {
            const auto b = v.col(i - 1);  // right (or only) operand
            visit_operator(node.op, [&]<Op op>() {
                if constexpr (arity(op) == 2) {
                    Kernel<op>::value(v.col(plan.left[i]), b, out);
                } else {
                    Kernel<op>::value(b, out, count);
                }
            });
        }
    }
}

// Reverse sweep: adjoint(i) = d root / d node i, set from the parent's adjoint. In a tree every
// node has one parent, so each adjoint is assigned once and never accumulated.
template <typename Buffer>
void reverse_block(const Tree& tree, const Plan& plan, const Buffer& v, Buffer& g,
                   Eigen::Ref<Eigen::ArrayXXd> jacobian, Eigen::Index row, Eigen::Index count) {
    const auto root = tree.root();
    g.col(root).setOnes();
    for (std::size_t i = root + 1; i-- > 0;) {
        if (!plan.has_constant[i]) continue;
        const auto& node = tree[i];
        if (node.op == Op::Constant) {
            jacobian.col(plan.ordinal[i]).segment(row, count) = g.col(i).head(count);
            continue;
        }
        const auto up = g.col(i);
        const auto self = v.col(i);
        const std::size_t r = i - 1;         // right (or only) child
        const std::size_t l = plan.left[i];  // left child of a binary operator
        const auto b = v.col(r);
        visit_operator(node.op, [&]<Op op>() {
            if constexpr (arity(op) == 2) {
                const auto a = v.col(l);
                if (plan.has_constant[l]) Kernel<op>::left(up, a, b, self, g.col(l));
                if (plan.has_constant[r]) Kernel<op>::right(up, a, b, self, g.col(r));
            } else {
                Kernel<op>::derivative(up, b, self, g.col(r), count);
            }
        });
    }
}

}  // namespace

Interpreter::Plan::Plan(const Tree& tree)
    : left(tree.length()), has_constant(tree.length(), 0), ordinal(tree.length(), -1) {
    for (std::size_t i = 0; i < tree.length(); ++i) {
        const auto& node = tree[i];
        if (node.op == Op::Constant) {
            ordinal[i] = static_cast<std::int32_t>(constants++);
            has_constant[i] = 1;
        }
        if (arity(node.op) >= 1) {
            left[i] = static_cast<std::uint32_t>(tree.left_child(i));
            has_constant[i] = has_constant[i - 1];
            if (arity(node.op) == 2) has_constant[i] |= has_constant[left[i]];
        }
    }
}

bool Interpreter::evaluate(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                           Eigen::Ref<Eigen::ArrayXd> out, std::span<const double> constants) {
    return evaluate(tree, Plan(tree), X, out, constants);
}

bool Interpreter::evaluate(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                           Eigen::Ref<Eigen::ArrayXd> out, Eigen::Ref<Eigen::ArrayXXd> jacobian,
                           std::span<const double> constants) {
    return evaluate(tree, Plan(tree), X, out, jacobian, constants);
}

bool Interpreter::evaluate(const Tree& tree, const Plan& plan, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                           Eigen::Ref<Eigen::ArrayXd> out, std::span<const double> constants) {
    Eigen::ArrayXXd no_jacobian;
    return evaluate(tree, plan, X, out, no_jacobian, constants);
}

bool Interpreter::evaluate(const Tree& tree, const Plan& plan, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                           Eigen::Ref<Eigen::ArrayXd> out, Eigen::Ref<Eigen::ArrayXXd> jacobian,
                           std::span<const double> constants) {
    assert(!tree.empty() && out.size() == X.rows() && plan.left.size() == tree.length());
    assert(constants.empty() || constants.size() == plan.constants);
    const bool with_jacobian = jacobian.cols() > 0 && plan.has_constant[tree.root()];
    if (jacobian.cols() > 0 && !with_jacobian) jacobian.setZero();
    const auto n = static_cast<Eigen::Index>(tree.length());
    if (values_.cols() < n) {
        // fresh columns are filled so padding rows of a short last block hold finite values
        values_.resize(Eigen::NoChange, n);
        values_.setOnes();
        adjoint_.resize(Eigen::NoChange, n);
    }
    const auto root = tree.root();
    const Eigen::Index rows = X.rows();
    assert(!with_jacobian || (jacobian.rows() == rows &&
                              jacobian.cols() == static_cast<Eigen::Index>(tree.constant_count())));
    for (Eigen::Index row = 0; row < rows; row += block_rows) {
        const Eigen::Index count = std::min(block_rows, rows - row);
        forward_block(tree, plan, values_, constants, X, row, count, row == 0);
        const auto result = values_.col(root).head(count);
        if (!result.isFinite().all()) return false;
        out.segment(row, count) = result;
        if (with_jacobian) reverse_block(tree, plan, values_, adjoint_, jacobian, row, count);
    }
    return true;
}

}  // namespace occam
