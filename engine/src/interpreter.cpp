#include "occam/interpreter.hpp"

#include "trig_kernels.hpp"

#include <cassert>
#include <vector>

namespace occam {
namespace {

using kernels::Trig;

// A whole block column through the vectorised trigonometric kernels; count rows are real data.
template <Trig kind, typename In, typename Out>
void trig(const In& in, Out&& out, Eigen::Index count) {
    kernels::trig<kind>(in.data(), out.data(), Interpreter::block_rows, count);
}

using Plan = Interpreter::Plan;

// The value of a leaf of fixed value: a constant (the given ones replace the tree's), a number, pi or e.
double leaf_value(const Node& node, std::int32_t ordinal, std::span<const double> constants) {
    switch (node.op) {
        case Op::Constant: return constants.empty() ? node.value : constants[static_cast<std::size_t>(ordinal)];
        case Op::Pi: return 3.14159265358979323846;
        case Op::Euler: return 2.71828182845904523536;
        default: return node.value;
    }
}

template <typename Buffer>
void forward_block(const Tree& tree, const Plan& plan, Buffer& v, std::span<const double> constants,
                   const Eigen::Ref<const Eigen::ArrayXXd>& X, Eigen::Index row, Eigen::Index count,
                   bool first_block) {
    for (std::size_t i = 0; i < tree.length(); ++i) {
        const auto& node = tree[i];
        auto out = v.col(i);
        const auto a = v.col(plan.left[i]);  // meaningful only for operators
        const auto b = v.col(i == 0 ? 0 : i - 1);
        switch (node.op) {
            case Op::Constant:
            case Op::Number:
            case Op::Pi:
            case Op::Euler:
                // leaves of fixed value own their column, so one fill serves every block
                if (first_block) out.setConstant(leaf_value(node, plan.ordinal[i], constants));
                break;
            case Op::Variable:
                out.head(count) = X.col(node.index).segment(row, count);
                // padding rows of a short block hold a harmless value, never a leftover
                out.tail(Interpreter::block_rows - count).setOnes();
                break;
            case Op::Add: out = a + b; break;
            case Op::Sub: out = a - b; break;
            case Op::Mul: out = a * b; break;
            case Op::Div: out = a / b; break;
            case Op::Pow: out = a.pow(b); break;
            case Op::Neg: out = -b; break;
            case Op::Square: out = b.square(); break;
            case Op::Cube: out = b.cube(); break;
            case Op::Sqrt: out = b.sqrt(); break;
            case Op::Exp: out = b.exp(); break;
            case Op::Log: out = b.log(); break;
            case Op::Sin: trig<Trig::Sin>(b, out, count); break;
            case Op::Cos: trig<Trig::Cos>(b, out, count); break;
            case Op::Tan: trig<Trig::Tan>(b, out, count); break;
            case Op::Asin: out = b.asin(); break;
            case Op::Acos: out = b.acos(); break;
            case Op::Atan: out = b.atan(); break;
            case Op::Tanh: out = b.tanh(); break;
            case Op::Abs: out = b.abs(); break;
            case Op::Inv: out = b.inverse(); break;
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
        const auto a = v.col(l);
        const auto b = v.col(r);
        const bool need_l = arity(node.op) == 2 && plan.has_constant[l];
        const bool need_r = plan.has_constant[r];
        switch (node.op) {
            case Op::Add:
                if (need_l) g.col(l) = up;
                if (need_r) g.col(r) = up;
                break;
            case Op::Sub:
                if (need_l) g.col(l) = up;
                if (need_r) g.col(r) = -up;
                break;
            case Op::Mul:
                if (need_l) g.col(l) = up * b;
                if (need_r) g.col(r) = up * a;
                break;
            case Op::Div:
                if (need_l) g.col(l) = up / b;
                if (need_r) g.col(r) = -up * self / b;
                break;
            case Op::Pow:
                if (need_l) g.col(l) = up * b * a.pow(b - 1.0);
                if (need_r) g.col(r) = up * self * a.log();
                break;
            case Op::Neg: g.col(r) = -up; break;
            case Op::Square: g.col(r) = 2.0 * up * b; break;
            case Op::Cube: g.col(r) = 3.0 * up * b.square(); break;
            case Op::Sqrt: g.col(r) = 0.5 * up / self; break;
            case Op::Exp: g.col(r) = up * self; break;
            case Op::Log: g.col(r) = up / b; break;
            case Op::Sin: trig<Trig::Cos>(b, g.col(r), count); g.col(r) *= up; break;
            case Op::Cos: trig<Trig::Sin>(b, g.col(r), count); g.col(r) *= -up; break;
            case Op::Tan: g.col(r) = up * (1.0 + self.square()); break;
            case Op::Asin: g.col(r) = up / (1.0 - b.square()).sqrt(); break;
            case Op::Acos: g.col(r) = -up / (1.0 - b.square()).sqrt(); break;
            case Op::Atan: g.col(r) = up / (1.0 + b.square()); break;
            case Op::Tanh: g.col(r) = up * (1.0 - self.square()); break;
            case Op::Abs: g.col(r) = up * b.sign(); break;
            case Op::Inv: g.col(r) = -up * self.square(); break;
            default: break;  // leaves have no children
        }
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
