#include <cmath>
#include <numbers>

#include "occam/interpreter.hpp"

namespace occam {

double evaluate_scalar(const Tree& tree, std::span<const double> row, std::size_t i) {
    const auto& node = tree[i];
    auto left = [&] { return evaluate_scalar(tree, row, tree.left_child(i)); };
    auto right = [&] { return evaluate_scalar(tree, row, i - 1); };
    switch (node.op) {
        case Op::Constant:
        case Op::Number: return node.value;
        case Op::Pi: return std::numbers::pi;
        case Op::Euler: return std::numbers::e;
        case Op::Variable: return row[node.index];
        case Op::Add: return left() + right();
        case Op::Sub: return left() - right();
        case Op::Mul: return left() * right();
        case Op::Div: return left() / right();
        case Op::Pow: return std::pow(left(), right());
        case Op::Neg: return -right();
        case Op::Square: { const double x = right(); return x * x; }
        case Op::Cube: { const double x = right(); return x * x * x; }
        case Op::Sqrt: return std::sqrt(right());
        case Op::Exp: return std::exp(right());
        case Op::Log: return std::log(right());
        case Op::Sin: return std::sin(right());
        case Op::Cos: return std::cos(right());
        case Op::Tan: return std::tan(right());
        case Op::Asin: return std::asin(right());
        case Op::Acos: return std::acos(right());
        case Op::Atan: return std::atan(right());
        case Op::Tanh: return std::tanh(right());
        case Op::Abs: return std::abs(right());
        case Op::Inv: return 1.0 / right();
    }
    return std::nan("");
}

}  // namespace occam
