#include "occam/canonical_form.hpp"

#include <ginac/ginac.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "expression_form.hpp"
#include "occam/interpreter.hpp"
#include "occam/simplify.hpp"

namespace occam {
namespace {

using detail::Expr;
namespace gi = GiNaC;

// A form may differ from the formula by rounding only: its RMS difference on the rows at most
// this fraction of the formula's RMS spread (the loss unchanged to 1e-12).
constexpr double agreement = 1e-6;

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

double round_to_digits(double v, int digits) {
    const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::abs(v)))));
    const double rounded = std::round(v * scale) / scale;
    return std::isfinite(scale) && std::isfinite(rounded) && rounded != 0 ? rounded : v;
}

bool is_float(const gi::ex& e) {
    return gi::is_a<gi::numeric>(e) && !gi::ex_to<gi::numeric>(e).is_rational();
}

bool has_symbol(const gi::ex& e) {
    if (gi::is_a<gi::symbol>(e)) return true;
    for (std::size_t k = 0; k < e.nops(); ++k)
        if (has_symbol(e.op(k))) return true;
    return false;
}

bool has_float(const gi::ex& e) {
    if (is_float(e)) return true;
    for (std::size_t k = 0; k < e.nops(); ++k)
        if (has_float(e.op(k))) return true;
    return false;
}

// ---- an order of terms and factors that is occam's, not GiNaC's --------------------------------
// GiNaC orders the terms of a sum by hashes that depend on how many symbols the process has made
// before, so its order (and which sign normal() gives a denominator) differs from one call to
// the next. What occam prints must not: sums and products are written in this order instead, and
// a sum inside a product turned so that its first term is positive.

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    return z ^ (z >> 31);
}

// A hash of the expression's value-bearing structure: the same for the same expression in every
// call, whatever order GiNaC keeps its parts in.
std::uint64_t stable_key(const gi::ex& e) {
    if (gi::is_a<gi::numeric>(e)) {
        const gi::numeric n = gi::ex_to<gi::numeric>(e);
        return mix(1, std::hash<double>{}(n.is_real() ? n.to_double() : 0.0));
    }
    if (gi::is_a<gi::symbol>(e)) return mix(2, std::hash<std::string>{}(gi::ex_to<gi::symbol>(e).get_name()));
    if (gi::is_a<gi::constant>(e)) return mix(3, std::hash<double>{}(gi::ex_to<gi::numeric>(e.evalf()).to_double()));
    if (gi::is_a<gi::power>(e)) return mix(mix(4, stable_key(e.op(0))), stable_key(e.op(1)));
    if (gi::is_a<gi::function>(e)) {
        std::uint64_t key = mix(5, std::hash<std::string>{}(gi::ex_to<gi::function>(e).get_name()));
        for (std::size_t k = 0; k < e.nops(); ++k) key = mix(key, stable_key(e.op(k)));
        return key;
    }
    // a sum or a product: the same whatever the order of its parts
    std::uint64_t parts = 0;
    for (std::size_t k = 0; k < e.nops(); ++k) parts += mix(7, stable_key(e.op(k)));
    return mix(gi::is_a<gi::add>(e) ? 8 : 9, parts);
}

// The lowest input column an expression uses (inputs are named x0, x1, ...), or a large number.
long lowest_input(const gi::ex& e) {
    if (gi::is_a<gi::symbol>(e)) return std::stol(gi::ex_to<gi::symbol>(e).get_name().substr(1));
    long lowest = 1L << 30;
    for (std::size_t k = 0; k < e.nops(); ++k) lowest = std::min(lowest, lowest_input(e.op(k)));
    return lowest;
}

int printed_size(const gi::ex& e);

// (S, p) for a factor S^p with S a sum and p a number, or (0, 0)
std::pair<gi::ex, gi::ex> power_of_sum(const gi::ex& factor) {
    if (gi::is_a<gi::add>(factor)) return {factor, 1};
    if (gi::is_a<gi::power>(factor) && gi::is_a<gi::add>(factor.op(0)) && gi::is_a<gi::numeric>(factor.op(1)))
        return {factor.op(0), factor.op(1)};
    return {0, 0};
}

// Parts in occam's order: constants first, then by the first input they use, then the shorter.
bool comes_first(const gi::ex& a, const gi::ex& b) {
    const auto key = [](const gi::ex& e) { return std::tuple(lowest_input(e), printed_size(e), stable_key(e)); };
    return key(a) < key(b);
}

std::vector<gi::ex> parts_in_order(const gi::ex& e) {
    std::vector<gi::ex> parts;
    for (std::size_t k = 0; k < e.nops(); ++k) parts.push_back(e.op(k));
    std::stable_sort(parts.begin(), parts.end(), comes_first);
    return parts;
}

// A term's sign and its size: -3*x is (true, 3*x).
std::pair<bool, gi::ex> signed_part(const gi::ex& term) {
    if (gi::is_a<gi::numeric>(term) && gi::ex_to<gi::numeric>(term).is_negative()) return {true, -term};
    if (gi::is_a<gi::mul>(term)) {
        const gi::ex last = term.op(term.nops() - 1);  // GiNaC keeps a product's number last
        if (gi::is_a<gi::numeric>(last) && gi::ex_to<gi::numeric>(last).is_negative()) return {true, -term};
    }
    return {false, term};
}

// -S, term by term (GiNaC may keep -1 * S as a product, and (-1 * S)^-1 as -1 * S^-1)
gi::ex negated(const gi::ex& sum) {
    gi::exvector terms;
    for (std::size_t k = 0; k < sum.nops(); ++k) terms.push_back(-sum.op(k));
    return gi::add(terms);
}

// Whether a sum should be written turned (-S, its sign moved out): its first term in occam's
// order is negative.
bool turned(const gi::ex& sum) {
    std::vector<std::pair<bool, gi::ex>> terms;
    for (std::size_t k = 0; k < sum.nops(); ++k) terms.push_back(signed_part(sum.op(k)));
    const auto first = std::min_element(terms.begin(), terms.end(),
                                        [](const auto& a, const auto& b) { return comes_first(a.second, b.second); });
    return first->first;
}

// ---- occam's tree to GiNaC and back ------------------------------------------------------------

class Translation {
public:
    explicit Translation(const Eigen::ArrayXXd& rows) {
        for (Eigen::Index c = 0; c < rows.cols(); ++c) {
            const std::string name = "x" + std::to_string(c);
            if (rows.rows() > 0 && (rows.col(c) > 0).all())
                symbols_.push_back(gi::possymbol(name));
            else
                symbols_.push_back(gi::realsymbol(name));
        }
    }

    gi::ex to_ginac(const Tree& tree, std::size_t i) const {
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

    // Throws std::domain_error for what occam cannot write (complex numbers, other functions).
    Expr to_expr(const gi::ex& e) const {
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

private:
    static Expr number(const gi::numeric& n) {
        if (!n.is_real()) throw std::domain_error("a complex number");
        if (!n.is_rational()) return Expr::constant(n.to_double());
        if (n.is_integer()) return Expr::number(n.to_double());
        return Expr::binary(Op::Div, Expr::number(n.numer().to_double()), Expr::number(n.denom().to_double()));
    }

    Expr sum(const gi::ex& e) const {
        // occam's order, positive terms first, so a sum reads "a - b" rather than "-b + a"
        std::vector<std::pair<bool, gi::ex>> signed_terms;
        for (std::size_t k = 0; k < e.nops(); ++k) signed_terms.push_back(signed_part(e.op(k)));
        std::stable_sort(signed_terms.begin(), signed_terms.end(),
                         [](const auto& a, const auto& b) { return comes_first(a.second, b.second); });
        std::stable_partition(signed_terms.begin(), signed_terms.end(), [](const auto& t) { return !t.first; });
        Expr out = to_expr(signed_terms[0].second);
        if (signed_terms[0].first) out = Expr::unary(Op::Neg, std::move(out));
        for (std::size_t k = 1; k < signed_terms.size(); ++k)
            out = Expr::binary(signed_terms[k].first ? Op::Sub : Op::Add, std::move(out), to_expr(signed_terms[k].second));
        return out;
    }

    // A product as top/bottom; its constant factors (6/(11*pi)) written as one exact subtree,
    // which occam counts as one node.
    Expr product(const gi::ex& e) const {
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

    Expr power(const gi::ex& base, const gi::ex& exponent) const {
        Expr b = to_expr(base);
        if (gi::is_a<gi::numeric>(exponent)) {
            const gi::numeric n = gi::ex_to<gi::numeric>(exponent);
            if (n.is_negative()) return Expr::unary(Op::Inv, power(base, -exponent));
            if (n == 1) return b;
            if (n == gi::numeric(1, 2)) return Expr::unary(Op::Sqrt, std::move(b));
            if (n == 2) return Expr::unary(Op::Square, std::move(b));
            if (n == 3) return Expr::unary(Op::Cube, std::move(b));
            return Expr::binary(Op::Pow, std::move(b), number(n));
        }
        return Expr::binary(Op::Pow, std::move(b), to_expr(exponent));
    }

    Expr function(const gi::ex& e) const {
        // a sum in an odd or even function is written with its first term positive too
        const gi::ex arg = e.op(0);
        const bool odd = is_ex_the_function(e, gi::sin) || is_ex_the_function(e, gi::tan) ||
                         is_ex_the_function(e, gi::asin) || is_ex_the_function(e, gi::atan) ||
                         is_ex_the_function(e, gi::tanh);
        const bool even = is_ex_the_function(e, gi::cos) || is_ex_the_function(e, gi::abs);
        if ((odd || even) && gi::is_a<gi::add>(arg) && turned(arg)) {
            Expr turned_call = Expr::unary(function_op(e), to_expr(negated(arg)));
            return odd ? Expr::unary(Op::Neg, std::move(turned_call)) : turned_call;
        }
        const auto unary = [&](Op op) { return Expr::unary(op, to_expr(arg)); };
        if (is_ex_the_function(e, gi::exp)) return e.op(0).is_equal(1) ? Expr{Op::Euler, 0, 0.0, {}} : unary(Op::Exp);
        if (is_ex_the_function(e, gi::log)) return unary(Op::Log);
        if (is_ex_the_function(e, gi::sin)) return unary(Op::Sin);
        if (is_ex_the_function(e, gi::cos)) return unary(Op::Cos);
        if (is_ex_the_function(e, gi::tan)) return unary(Op::Tan);
        if (is_ex_the_function(e, gi::asin)) return unary(Op::Asin);
        if (is_ex_the_function(e, gi::acos)) return unary(Op::Acos);
        if (is_ex_the_function(e, gi::atan)) return unary(Op::Atan);
        if (is_ex_the_function(e, gi::tanh)) return unary(Op::Tanh);
        if (is_ex_the_function(e, gi::abs)) return unary(Op::Abs);
        throw std::domain_error("a function occam does not have");
    }

    static Op function_op(const gi::ex& e) {
        if (is_ex_the_function(e, gi::sin)) return Op::Sin;
        if (is_ex_the_function(e, gi::cos)) return Op::Cos;
        if (is_ex_the_function(e, gi::tan)) return Op::Tan;
        if (is_ex_the_function(e, gi::asin)) return Op::Asin;
        if (is_ex_the_function(e, gi::atan)) return Op::Atan;
        if (is_ex_the_function(e, gi::tanh)) return Op::Tanh;
        return Op::Abs;
    }

    std::vector<gi::ex> symbols_;
};

// ---- rewrites GiNaC does not make on its own ---------------------------------------------------

// A constant expression holding a fitted number is one fitted number: in a sum or a product, the
// constant terms or factors together, once one of them is fitted (4.4*pi beside -3*log(0.00998)).
struct FoldFitted : gi::map_function {
    gi::ex operator()(const gi::ex& e) override {
        if (!has_symbol(e)) return has_float(e) ? e.evalf() : e;
        const gi::ex inner = e.map(*this);
        if (!gi::is_a<gi::add>(inner) && !gi::is_a<gi::mul>(inner)) return inner;
        const bool sum = gi::is_a<gi::add>(inner);
        gi::ex constant = sum ? gi::ex(0) : gi::ex(1), varying = sum ? gi::ex(0) : gi::ex(1);
        bool fitted = false;
        for (std::size_t k = 0; k < inner.nops(); ++k) {
            const gi::ex part = inner.op(k);
            const bool is_constant = !has_symbol(part);
            fitted = fitted || (is_constant && has_float(part));
            if (is_constant)
                constant = sum ? constant + part : constant * part;
            else
                varying = sum ? varying + part : varying * part;
        }
        if (sum) return fitted ? constant.evalf() + varying : inner;
        if (!constant.is_equal(1) && holds_fitted_sum(varying)) return into_fitted_sum(constant.evalf(), varying);
        return fitted ? constant.evalf() * varying : inner;
    }

    static bool holds_fitted_sum(const gi::ex& varying) {
        if (gi::is_a<gi::add>(varying)) return has_float(varying);
        if (!gi::is_a<gi::mul>(varying)) return false;
        for (std::size_t k = 0; k < varying.nops(); ++k)
            if (gi::is_a<gi::add>(varying.op(k)) && has_float(varying.op(k))) return true;
        return false;
    }

    // c * (a*x + b*y) * rest, with a or b fitted, is (c*a*x + c*b*y) * rest: the products of fitted
    // numbers become one number each, which snapping can then read (-0.0016 * 619.7 is -1), and so
    // does an exact c (6/(11*pi) * 0.576 is 0.1).
    static gi::ex into_fitted_sum(const gi::ex& coefficient, const gi::ex& varying) {
        // the first such sum in occam's order, not GiNaC's
        const std::vector<gi::ex> factors = gi::is_a<gi::mul>(varying) ? parts_in_order(varying) : std::vector{varying};
        for (const gi::ex& factor : factors) {
            if (!gi::is_a<gi::add>(factor) || !has_float(factor)) continue;
            gi::ex spread = 0;
            for (std::size_t t = 0; t < factor.nops(); ++t) spread += coefficient * factor.op(t);
            return spread * (varying / factor);
        }
        return coefficient * varying;
    }
};

// Shifts of a trigonometric argument by a multiple of pi/2, and a fitted factor or term out of a
// logarithm or an exponential: sin(x + pi/2) is cos(x), log(c*x) is log(c) + log(x), exp(c + x) is
// exp(c)*exp(x).
struct Rewrite : gi::map_function {
    gi::ex operator()(const gi::ex& e) override {
        const gi::ex inner = e.map(*this);
        if (is_ex_the_function(inner, gi::sin) || is_ex_the_function(inner, gi::cos) ||
            is_ex_the_function(inner, gi::tan))
            return shifted(inner);
        if (is_ex_the_function(inner, gi::log) && gi::is_a<gi::mul>(inner.op(0))) {
            const gi::ex arg = inner.op(0);
            const gi::ex last = arg.op(arg.nops() - 1);
            if (is_float(last) && gi::ex_to<gi::numeric>(last).is_positive())
                return gi::log(last) + gi::log(arg / last);
        }
        if (is_ex_the_function(inner, gi::exp) && gi::is_a<gi::add>(inner.op(0))) {
            const gi::ex arg = inner.op(0);
            const gi::ex last = arg.op(arg.nops() - 1);  // GiNaC keeps a sum's number last
            if (is_float(last)) return gi::exp(last) * gi::exp(arg - last);
        }
        return inner;
    }

    static gi::ex shifted(const gi::ex& f) {
        const gi::ex arg = f.op(0).expand();
        const gi::ex turns = arg.coeff(gi::Pi, 1);  // the argument is rest + turns*pi
        if (!gi::is_a<gi::numeric>(turns) || turns.is_zero()) return f;
        const gi::numeric halves = gi::ex_to<gi::numeric>(turns) * 2;
        if (!halves.is_integer()) return f;
        const gi::ex rest = arg - turns * gi::Pi;
        const long quarter = ((halves.to_long() % 4) + 4) % 4;  // the shift in quarter turns
        if (is_ex_the_function(f, gi::sin)) {
            const gi::ex s[4] = {gi::sin(rest), gi::cos(rest), -gi::sin(rest), -gi::cos(rest)};
            return s[quarter];
        }
        if (is_ex_the_function(f, gi::cos)) {
            const gi::ex c[4] = {gi::cos(rest), -gi::sin(rest), -gi::cos(rest), gi::sin(rest)};
            return c[quarter];
        }
        return quarter % 2 == 0 ? gi::tan(rest) : -1 / gi::tan(rest);
    }
};

// Roughly the nodes occam prints for e: what the distribution below weighs its steps by.
int printed_size(const gi::ex& e) {
    if (gi::is_a<gi::numeric>(e) || gi::is_a<gi::symbol>(e) || gi::is_a<gi::constant>(e)) return 1;
    if (gi::is_a<gi::power>(e)) {
        const gi::ex exponent = e.op(1);
        const bool unary = exponent.is_equal(gi::numeric(1, 2)) || exponent.is_equal(2) || exponent.is_equal(3) ||
                           exponent.is_equal(-1);
        return printed_size(e.op(0)) + (unary ? 1 : 1 + printed_size(exponent));
    }
    int size = gi::is_a<gi::function>(e) ? 1 : static_cast<int>(e.nops()) - 1;
    for (std::size_t k = 0; k < e.nops(); ++k) size += printed_size(e.op(k));
    return size;
}

// A factor taken into a sum it multiplies, where that makes the formula shorter:
// z^-2 * (1 + x^2/z^2 + y^2/z^2)^-1 is (z^2 + x^2 + y^2)^-1, and b*sqrt(1 + (a/b)^2) is
// sqrt(b^2 + a^2) for b > 0. GiNaC merges the powers of equal bases in each term by itself.
struct Distribute : gi::map_function {
    gi::ex operator()(const gi::ex& e) override {
        gi::ex inner = e.map(*this);
        if (!gi::is_a<gi::mul>(inner)) return inner;
        // factors tried in occam's order, so the form found does not hang on GiNaC's
        for (bool shorter = true; shorter && gi::is_a<gi::mul>(inner);) {
            shorter = false;
            const int before = printed_size(inner);
            const std::vector<gi::ex> factors = parts_in_order(inner);
            for (std::size_t s = 0; s < factors.size() && !shorter; ++s) {
                const auto [sum, exponent] = power_of_sum(factors[s]);
                if (sum.is_zero()) continue;
                for (std::size_t f = 0; f < factors.size() && !shorter; ++f) {
                    const gi::ex& factor = factors[f];
                    if (f == s || gi::is_a<gi::numeric>(factor)) continue;
                    // (S^p) * f = (S * f^(1/p))^p: always for p = +-1, else only for f > 0
                    const bool integral = exponent.is_equal(1) || exponent.is_equal(-1);
                    if (!integral && !factor.info(gi::info_flags::positive)) continue;
                    const gi::ex into = gi::pow(factor, 1 / exponent);
                    gi::ex absorbed = 0;
                    for (std::size_t t = 0; t < sum.nops(); ++t) absorbed += (sum.op(t) * into).map(*this);
                    const gi::ex candidate = inner / (factors[s] * factor) * gi::pow(absorbed, exponent);
                    if (printed_size(candidate) < before) {
                        inner = candidate;
                        shorter = true;
                    }
                }
            }
        }
        return inner;
    }
};

gi::ex distributed(const gi::ex& e) {
    Distribute distribute;
    return distribute(e);
}

gi::ex folded(const gi::ex& e) {
    FoldFitted fold;
    return fold(e);
}

// Each term of a sum normalised by itself: x^2*y/(x + x^2) is x*y/(1 + x) while the sum stays one.
gi::ex termwise_normal(const gi::ex& e) {
    if (!gi::is_a<gi::add>(e)) return gi::normal(e);
    gi::ex out = 0;
    for (std::size_t k = 0; k < e.nops(); ++k) out += gi::normal(e.op(k));
    return out;
}

// Whether candidate gives tree's values on the rows, to rounding.
bool agrees(const Tree& tree, const Tree& candidate, const Eigen::ArrayXXd& rows, Interpreter& interpreter) {
    if (rows.rows() == 0) return false;
    Eigen::ArrayXd original(rows.rows()), rewritten(rows.rows());
    if (!interpreter.evaluate(tree, rows, original) || !interpreter.evaluate(candidate, rows, rewritten)) return false;
    const double spread = (original - original.mean()).square().sum() + original.square().sum() * 1e-12;
    return (rewritten - original).square().sum() <= agreement * agreement * spread;
}

}  // namespace

Tree canonical_form(const Tree& tree, const Eigen::ArrayXXd& rows) {
    if (tree.empty()) return tree;
    // GiNaC's reference counts and symbol serials are global and unguarded
    static std::mutex ginac;
    const std::lock_guard lock(ginac);
    Tree best = tree;
    int lowest = tree.complexity();
    Interpreter interpreter;
    try {
        const Translation translation(rows);
        Rewrite rewrite;
        const gi::ex base = folded(rewrite(translation.to_ginac(tree, tree.root())));
        const auto try_form = [&](const auto& make) {
            try {
                const Tree candidate = simplify(detail::to_tree(translation.to_expr(folded(make()))));
                if (candidate.complexity() < lowest && agrees(tree, candidate, rows, interpreter)) {
                    lowest = candidate.complexity();
                    best = candidate;
                }
            } catch (const std::exception&) {
                // GiNaC could not make this form (or occam cannot write it): the others remain
            }
        };
        try_form([&] { return base; });
        try_form([&] { return distributed(base); });
        try_form([&] { return gi::normal(base); });
        try_form([&] { return base.expand(); });
        try_form([&] { return termwise_normal(base.expand()); });
        try_form([&] {
            const gi::ex parts = gi::numer_denom(gi::normal(base));
            return parts.op(0).expand() / parts.op(1).expand();
        });
    } catch (const std::exception&) {
        // a formula GiNaC cannot take in stays as it is
    }
    // a fitted number the algebra computed carries its rounding, which depends on the order GiNaC
    // added in: 12 significant digits are what the form says, and the same in every call
    if (!(best == tree))
        for (Node& node : best.mutable_nodes())
            if (node.op == Op::Constant && node.value != 0 && std::isfinite(node.value))
                node.value = round_to_digits(node.value, 12);
    return best;
}

}  // namespace occam
