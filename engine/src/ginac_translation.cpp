#include "ginac_translation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "occam/operators.hpp"

namespace occam::algebra {
namespace {

using detail::Expr;

// Whether a number the formula wrote exactly reads as a short decimal (0.5, 0.075): then it is
// that decimal as a fraction; other exact values (rounding debris) are taken as fitted.
std::optional<gi::numeric> exact_decimal(double v) {
    if (v == std::trunc(v) && std::abs(v) < 1e15) return gi::numeric(static_cast<long>(v));
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    if (error != std::errc{}) return std::nullopt;
    const std::string text(buffer, end);
    const auto point = text.find('.');
    if (point == std::string::npos || text.size() - point - 1 > 6) return std::nullopt;
    std::string digits = text;
    digits.erase(point, 1);
    long scale = 1;
    for (std::size_t i = point + 1; i < text.size(); ++i) scale *= 10;
    return gi::numeric(std::stol(digits)) / gi::numeric(scale);
}

}  // namespace

Translation::Translation(const Eigen::ArrayXXd& rows) {
    for (Eigen::Index c = 0; c < rows.cols(); ++c) {
        const std::string name = fmt::format("x{}", c);
        if (rows.rows() > 0 && (rows.col(c) > 0).all())
            symbols_.push_back(gi::possymbol(name));
        else
            symbols_.push_back(gi::realsymbol(name));
    }
}

gi::ex Translation::to_ginac(const Tree& tree, std::size_t i) const {
    const Node& node = tree[i];
    const auto left = [&] { return to_ginac(tree, tree.left_child(i)); };
    const auto right = [&] { return to_ginac(tree, i - 1); };
    switch (node.op) {
        case Op::Constant: return gi::numeric(node.value);
        case Op::Number: {
            const auto exact = exact_decimal(node.value);
            return exact ? gi::ex(*exact) : gi::ex(gi::numeric(node.value));
        }
        case Op::Pi: return gi::Pi;
        case Op::Euler: return gi::exp(gi::ex(1));
        case Op::Variable: return symbols_.at(node.index);
        case Op::Add: return left() + right();
        case Op::Sub: return left() - right();
        case Op::Mul: return left() * right();
        case Op::Div: return left() / right();
        case Op::Pow: return gi::pow(left(), right());
        case Op::Neg: return -right();
        case Op::Square: return gi::pow(right(), 2);
        case Op::Cube: return gi::pow(right(), 3);
        case Op::Sqrt: return gi::sqrt(right());
        case Op::Inv: return gi::pow(right(), -1);
        case Op::Exp: return gi::exp(right());
        case Op::Log: return gi::log(right());
        case Op::Sin: return gi::sin(right());
        case Op::Cos: return gi::cos(right());
        case Op::Tan: return gi::tan(right());
        case Op::Asin: return gi::asin(right());
        case Op::Acos: return gi::acos(right());
        case Op::Atan: return gi::atan(right());
        case Op::Tanh: return gi::tanh(right());
        case Op::Abs: return gi::abs(right());
    }
    throw std::logic_error("canonical_form: an operator GiNaC is not told of");
}

Expr Translation::to_expr(const gi::ex& e) const {
    if (gi::is_a<gi::numeric>(e)) return number(gi::ex_to<gi::numeric>(e));
    if (gi::is_a<gi::symbol>(e)) {
        for (std::size_t c = 0; c < symbols_.size(); ++c)
            if (e.is_equal(symbols_[c])) return {Op::Variable, static_cast<std::uint32_t>(c), 0.0, {}};
        throw std::domain_error("unknown symbol");
    }
    if (e.is_equal(gi::Pi)) return {Op::Pi, 0, 0.0, {}};
    if (gi::is_a<gi::add>(e)) return sum(e);
    if (gi::is_a<gi::mul>(e)) return product(e);
    if (gi::is_a<gi::power>(e)) return power(e.op(0), e.op(1));
    if (gi::is_a<gi::function>(e)) return function(e);
    throw std::domain_error("an expression occam cannot write");
}

Expr Translation::number(const gi::numeric& n) {
    if (!n.is_real()) throw std::domain_error("a complex number");
    if (!n.is_rational()) return Expr::constant(n.to_double());
    if (n.is_integer()) return Expr::number(n.to_double());
    return Expr::binary(Op::Div, Expr::number(n.numer().to_double()), Expr::number(n.denom().to_double()));
}

Expr Translation::sum(const gi::ex& e) const {
    // occam's order, positive terms first, so a sum reads "a - b" rather than "-b + a"
    struct Term {
        OrderKey key;
        bool negative;
        gi::ex size;
    };
    std::vector<Term> signed_terms;
    for (std::size_t k = 0; k < e.nops(); ++k) {
        const auto [negative, size] = signed_part(e.op(k));
        signed_terms.push_back({order_key(size), negative, size});
    }
    std::stable_sort(signed_terms.begin(), signed_terms.end(), [](const Term& a, const Term& b) { return a.key < b.key; });
    std::stable_partition(signed_terms.begin(), signed_terms.end(), [](const Term& t) { return !t.negative; });
    Expr out = to_expr(signed_terms[0].size);
    if (signed_terms[0].negative) out = Expr::unary(Op::Neg, std::move(out));
    for (std::size_t k = 1; k < signed_terms.size(); ++k)
        out = Expr::binary(signed_terms[k].negative ? Op::Sub : Op::Add, std::move(out), to_expr(signed_terms[k].size));
    return out;
}

Expr Translation::product(const gi::ex& e) const {
    gi::numeric coefficient = 1;
    gi::ex exact = 1;  // constant factors other than numbers: pi and its powers
    std::vector<Expr> top, bottom;
    const bool varying = has_symbol(e);
    for (const gi::ex& factor : parts_in_order(e)) {
        if (varying && !gi::is_a<gi::numeric>(factor) && !has_symbol(factor)) {
            exact *= factor;
            continue;
        }
        if (gi::is_a<gi::numeric>(factor)) {
            coefficient *= gi::ex_to<gi::numeric>(factor);
            continue;
        }
        const bool numeric_power = gi::is_a<gi::power>(factor) && gi::is_a<gi::numeric>(factor.op(1));
        gi::ex base = numeric_power ? factor.op(0) : factor;
        const gi::ex exponent = numeric_power ? factor.op(1) : gi::ex(1);
        // a sum to an integer power is written with its first term positive, the sign moved out;
        // base and exponent stay apart, for GiNaC would take the sign out of the power again
        if (gi::is_a<gi::add>(base) && exponent.info(gi::info_flags::integer) && turned(base)) {
            base = negated(base);
            if (exponent.info(gi::info_flags::odd)) coefficient = -coefficient;
        }
        if (gi::ex_to<gi::numeric>(exponent).is_negative())
            bottom.push_back(power(base, -exponent));
        else
            top.push_back(power(base, exponent));
    }
    if (!coefficient.is_real()) throw std::domain_error("a complex number");
    const bool negative = coefficient.is_negative();
    const gi::numeric size = gi::abs(coefficient);
    if (!exact.is_equal(1)) {
        top.insert(top.begin(), to_expr(exact * size));
    } else if (!size.is_rational()) {
        top.insert(top.begin(), Expr::constant(size.to_double()));
    } else {
        if (size.numer() != 1) top.insert(top.begin(), Expr::number(size.numer().to_double()));
        if (size.denom() != 1) bottom.insert(bottom.begin(), Expr::number(size.denom().to_double()));
    }
    const auto chain = [](std::vector<Expr>& factors) {
        Expr out = std::move(factors[0]);
        for (std::size_t k = 1; k < factors.size(); ++k)
            out = Expr::binary(Op::Mul, std::move(out), std::move(factors[k]));
        return out;
    };
    Expr out = top.empty() ? Expr::unary(Op::Inv, chain(bottom))
               : bottom.empty() ? chain(top)
                                : Expr::binary(Op::Div, chain(top), chain(bottom));
    return negative ? Expr::unary(Op::Neg, std::move(out)) : out;
}

Expr Translation::power(const gi::ex& base, const gi::ex& exponent) const {
    // a sum to an integer power is written with its first term positive (GiNaC turns it by its
    // own order): (y - x)^2 is (x - y)^2, (y - x)^3 is -(x - y)^3
    if (gi::is_a<gi::add>(base) && exponent.info(gi::info_flags::integer) && turned(base)) {
        Expr written = power(negated(base), exponent);
        return exponent.info(gi::info_flags::odd) ? Expr::unary(Op::Neg, std::move(written)) : written;
    }
    if (gi::is_a<gi::numeric>(exponent) && gi::ex_to<gi::numeric>(exponent).is_negative())
        return Expr::unary(Op::Inv, power(base, -exponent));
    Expr b = to_expr(base);
    if (gi::is_a<gi::numeric>(exponent)) {
        const gi::numeric n = gi::ex_to<gi::numeric>(exponent);
        if (n == 1) return b;
        if (n == gi::numeric(1, 2)) return Expr::unary(Op::Sqrt, std::move(b));
        if (n == 2) return Expr::unary(Op::Square, std::move(b));
        if (n == 3) return Expr::unary(Op::Cube, std::move(b));
        return Expr::binary(Op::Pow, std::move(b), number(n));
    }
    return Expr::binary(Op::Pow, std::move(b), to_expr(exponent));
}

Expr Translation::function(const gi::ex& e) const {
    // GiNaC's functions occam has go by occam's names (exp, log, sin, ..., abs)
    const auto op = op_from_name(gi::ex_to<gi::function>(e).get_name());
    if (!op || arity(*op) != 1) throw std::domain_error("a function occam does not have");
    const gi::ex arg = e.op(0);
    if (*op == Op::Exp && arg.is_equal(1)) return {Op::Euler, 0, 0.0, {}};
    // a sum in an odd or even function is written with its first term positive too
    const bool odd = *op == Op::Sin || *op == Op::Tan || *op == Op::Asin || *op == Op::Atan || *op == Op::Tanh;
    const bool even = *op == Op::Cos || *op == Op::Abs;
    if ((odd || even) && gi::is_a<gi::add>(arg) && turned(arg)) {
        Expr turned_call = Expr::unary(*op, to_expr(negated(arg)));
        return odd ? Expr::unary(Op::Neg, std::move(turned_call)) : turned_call;
    }
    return Expr::unary(*op, to_expr(arg));
}

}  // namespace occam::algebra
