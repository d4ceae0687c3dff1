#include "power_product.hpp"

#include <vector>

namespace occam::detail {
namespace {

// variable ^ exponent for a positive exponent
void push_power(std::vector<Node>& nodes, std::uint32_t variable, const Rational& exponent) {
    nodes.push_back(Node::variable(variable));
    if (exponent == 1) return;
    if (exponent == 2) return nodes.push_back(Node::function(Op::Square));
    if (exponent == 3) return nodes.push_back(Node::function(Op::Cube));
    if (exponent == Rational(1, 2)) return nodes.push_back(Node::function(Op::Sqrt));
    nodes.push_back(Node::number(exponent.to_double()));
    nodes.push_back(Node::function(Op::Pow));
}

// The product of the powers with the given sign, or false when there are none.
bool push_product(std::vector<Node>& nodes, std::span<const Rational> exponents, int sign) {
    bool any = false;
    for (std::size_t i = 0; i < exponents.size(); ++i) {
        const Rational& e = exponents[i];
        if (e.is_zero() || (e.numerator() > 0) != (sign > 0)) continue;
        push_power(nodes, static_cast<std::uint32_t>(i), abs(e));
        if (any) nodes.push_back(Node::function(Op::Mul));
        any = true;
    }
    return any;
}

}  // namespace

Tree power_product(std::span<const Rational> exponents) {
    std::vector<Node> nodes;
    const bool numerator = push_product(nodes, exponents, +1);
    const bool denominator = push_product(nodes, exponents, -1);
    if (numerator && denominator) nodes.push_back(Node::function(Op::Div));
    if (!numerator && denominator) nodes.push_back(Node::function(Op::Inv));
    if (!numerator && !denominator) nodes.push_back(Node::number(1));
    return Tree(std::move(nodes));
}

}  // namespace occam::detail
