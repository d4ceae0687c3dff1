#include "occam/simplify.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "expression_form.hpp"
#include "occam/interpreter.hpp"

namespace occam {
namespace {

using detail::Expr;
using detail::is_constant;
using detail::Leaves;
using detail::leaves_of;
using detail::same;

// Every rule shortens the tree or moves it to a canonical form, so this bound is never reached; it
// only caps the work should two rules ever undo each other.
constexpr int rewrite_budget = 100000;

Expr unary(Op op, Expr x) { return Expr::unary(op, std::move(x)); }
Expr binary(Op op, Expr a, Expr b) { return Expr::binary(op, std::move(a), std::move(b)); }

// An exact result becomes a literal only when writing it down loses nothing: an integer, or a
// short decimal such as 0.5 or 0.125. Rounding debris (0.30000000000000004), 1/3, 2*pi and sqrt(2)
// all print with many digits and stay as they are.
bool is_short_decimal(double v) {
    if (!std::isfinite(v)) return false;
    if (v == std::trunc(v) && std::abs(v) < 0x1p53) return true;
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific);
    if (error != std::errc{}) return false;
    int digits = 0;
    for (const char* p = buffer; p != end && *p != 'e'; ++p) digits += (*p >= '0' && *p <= '9') ? 1 : 0;
    return digits <= 12;
}

// The reference evaluator decides what a constant subtree is worth, so folding computes exactly
// what evaluation would. Nullopt when any step is NaN or Inf: exp(-1/0) is 0, but through an
// infinity whose sign hangs on a signed zero, which is no value to keep.
std::optional<double> finite_value(const Expr& e) {
    const Tree tree = detail::to_tree(e);
    for (std::size_t i = 0; i < tree.length(); ++i) {
        if (!std::isfinite(evaluate_scalar(tree, {}, i))) return std::nullopt;
    }
    return evaluate_scalar(tree, {});
}

// A constant subtree as one leaf: a fittable Constant when it holds one (the optimiser keeps its
// freedom), a Number when its exact value is a short literal.
std::optional<Expr> fold(const Expr& e) {
    if (e.children.empty()) return std::nullopt;
    const Leaves leaves = leaves_of(e);
    if (leaves == Leaves::Varying) return std::nullopt;
    const auto v = finite_value(e);
    if (!v) return std::nullopt;
    if (leaves == Leaves::Fittable) return Expr::constant(*v);
    if (is_short_decimal(*v)) return Expr::number(*v == 0.0 ? 0.0 : *v);  // no -0 literal
    return std::nullopt;
}

// For rules that merge two constants into one: worth it only when the merge is a single leaf.
std::optional<Expr> as_leaf(Expr e) {
    if (e.children.empty()) return e;
    return fold(e);
}

// ---- sums --------------------------------------------------------------------------------------
// A chain of +, - and neg is flattened into signed terms; opposite equal terms cancel, constant
// terms merge into one, and terms c1*x, c2*x, x with the same x merge into (c1 + c2 + 1)*x.

struct Term {
    bool negative;
    Expr expr;
};

void flatten_sum(const Expr& e, bool negative, std::vector<Term>& terms) {
    switch (e.op) {
        case Op::Add:
            flatten_sum(e.left(), negative, terms);
            flatten_sum(e.right(), negative, terms);
            return;
        case Op::Sub:
            flatten_sum(e.left(), negative, terms);
            flatten_sum(e.right(), !negative, terms);
            return;
        case Op::Neg: flatten_sum(e.only(), !negative, terms); return;
        default: terms.push_back({negative, e});
    }
}

// The leftmost factor of a product or quotient chain (2 in 2*x/y), or null when it is no constant.
Expr* leading_constant(Expr& e) {
    Expr* node = &e;
    while (node->is(Op::Mul) || node->is(Op::Div)) node = &node->children[0];
    return node->is(Op::Number) || node->is(Op::Constant) ? node : nullptr;
}

// -e, with the sign taken into a leading literal factor where there is one: -(2*x) is -2*x.
Expr negated(Expr e) {
    if (e.is(Op::Number) || e.is(Op::Constant)) {
        e.value = -e.value;
        return e;
    }
    if (Expr* lead = leading_constant(e); lead != nullptr && lead != &e) {
        lead->value = -lead->value;
        return e;
    }
    return unary(Op::Neg, std::move(e));
}

// Terms summed left to right; a negative leading factor becomes the term's sign: a + -2*x/y
// reads a - 2*x/y.
Expr join_sum(std::vector<Term> terms) {
    if (terms.empty()) return Expr::number(0);
    for (std::size_t k = 1; k < terms.size(); ++k) {
        Expr* factor = leading_constant(terms[k].expr);
        if (factor != nullptr && factor != &terms[k].expr && factor->value < 0) {
            factor->value = -factor->value;
            terms[k].negative = !terms[k].negative;
        }
    }
    Expr sum = terms[0].negative ? negated(std::move(terms[0].expr)) : std::move(terms[0].expr);
    for (std::size_t k = 1; k < terms.size(); ++k)
        sum = binary(terms[k].negative ? Op::Sub : Op::Add, std::move(sum), std::move(terms[k].expr));
    return sum;
}

// c*x as (c, x); any other term is 1*itself.
std::pair<Expr, Expr> split_coefficient(const Expr& e) {
    if (e.is(Op::Mul) && is_constant(e.left()) && !is_constant(e.right())) return {e.left(), e.right()};
    if (e.is(Op::Mul) && is_constant(e.right()) && !is_constant(e.left())) return {e.right(), e.left()};
    return {Expr::number(1), e};
}

// Terms that merge: all constant terms, or all terms with the same non-constant base.
struct LikeTerms {
    bool constant;
    Expr base;                 // unused for the constant group
    std::vector<Term> parts;   // coefficients with their signs (the terms themselves when constant)
    std::vector<Term> originals;
};

// A number or fitted constant written with its sign in front: x + -3 reads x - 3.
Term signed_term(Expr e) {
    if ((e.is(Op::Number) || e.is(Op::Constant)) && e.value < 0) {
        e.value = -e.value;
        return {true, std::move(e)};
    }
    return {false, std::move(e)};
}

// The merged form of one group, appended to out.
void emit_group(LikeTerms& group, std::vector<Term>& out) {
    if (group.constant) {
        std::optional<Expr> total;
        if (group.parts.size() > 1) {
            total = fold(join_sum(group.parts));
        } else if (group.parts[0].expr.is(Op::Number) || group.parts[0].expr.is(Op::Constant)) {
            Expr single = group.parts[0].expr;
            if (group.parts[0].negative) single.value = -single.value;
            total = std::move(single);
        }
        if (!total) {  // exact but not a short literal (pi + 1), or a lone term: keep as written
            for (auto& term : group.originals) out.push_back(std::move(term));
            return;
        }
        if (total->is_number(0)) return;
        out.push_back(signed_term(std::move(*total)));
        return;
    }
    Expr coefficient = join_sum(group.parts);
    if (auto folded = fold(coefficient)) coefficient = std::move(*folded);
    if (group.parts.size() == 1 && !((coefficient.is(Op::Number) || coefficient.is(Op::Constant)) && coefficient.value < 0)) {
        out.push_back(std::move(group.originals[0]));  // nothing to merge, no sign to move
        return;
    }
    if (coefficient.is_number(0)) return;
    if (coefficient.is_number(1)) {
        out.push_back({false, std::move(group.base)});
        return;
    }
    if (coefficient.is_number(-1)) {
        out.push_back({true, std::move(group.base)});
        return;
    }
    Term sign = signed_term(std::move(coefficient));
    out.push_back({sign.negative, binary(Op::Mul, std::move(sign.expr), std::move(group.base))});
}

// The term with its leading constant taken out: 3*x*y is x*y, 3/x is 1/x, 3 is 1.
void drop_lead(Expr& term) {
    if (!term.is(Op::Mul) && !term.is(Op::Div)) {
        term = Expr::number(1);
        return;
    }
    Expr* parent = &term;
    while (parent->children[0].is(Op::Mul) || parent->children[0].is(Op::Div)) parent = &parent->children[0];
    if (parent->is(Op::Mul)) {
        Expr rest = std::move(parent->children[1]);
        *parent = std::move(rest);
    } else {
        parent->children[0] = Expr::number(1);
    }
}

// The size of the constant leading every term (a constant term is its own lead), when they all
// share one that is not 1; it is then taken out of the terms, its signs staying with them. A law
// mapped back from a reduced problem reads c*(d*a + d) with c*d = 1 otherwise; as d*(a + 1) the
// two constants merge, fit as one, and snap.
std::optional<Expr> take_common_factor(std::vector<Term>& terms) {
    if (terms.size() < 2) return std::nullopt;
    std::optional<Expr> common;
    for (Term& term : terms) {
        const Expr* lead = (term.expr.is(Op::Number) || term.expr.is(Op::Constant)) ? &term.expr : leading_constant(term.expr);
        if (lead == nullptr || (common && (lead->op != common->op || std::abs(lead->value) != common->value)))
            return std::nullopt;
        if (!common) {
            common = *lead;
            common->value = std::abs(common->value);
        }
    }
    if (common->value == 1 || common->value == 0) return std::nullopt;
    for (Term& term : terms) {
        const Expr* lead = (term.expr.is(Op::Number) || term.expr.is(Op::Constant)) ? &term.expr : leading_constant(term.expr);
        if (lead->value < 0) term.negative = !term.negative;
        drop_lead(term.expr);
    }
    // -2*x - 2*y is -2*(x + y), not 2*(-x - y)
    if (std::all_of(terms.begin(), terms.end(), [](const Term& t) { return t.negative; })) {
        for (Term& term : terms) term.negative = false;
        common->value = -common->value;
    }
    return common;
}

std::optional<Expr> collect_sum(const Expr& e) {
    std::vector<Term> terms;
    flatten_sum(e, false, terms);

    // x - x vanishes (equal subtrees, equal constant values)
    std::vector<bool> cancelled(terms.size(), false);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        for (std::size_t j = i + 1; j < terms.size() && !cancelled[i]; ++j) {
            if (!cancelled[j] && terms[i].negative != terms[j].negative && same(terms[i].expr, terms[j].expr))
                cancelled[i] = cancelled[j] = true;
        }
    }

    std::vector<LikeTerms> groups;  // in order of first appearance
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (cancelled[i]) continue;
        Term& term = terms[i];
        if (is_constant(term.expr)) {
            auto it = std::find_if(groups.begin(), groups.end(), [](const LikeTerms& g) { return g.constant; });
            if (it == groups.end()) it = groups.insert(groups.end(), LikeTerms{true, {}, {}, {}});
            it->parts.push_back(term);
            it->originals.push_back(term);
            continue;
        }
        // a pair, not a structured binding: clang 14 (the fuzzing build) cannot capture those
        std::pair<Expr, Expr> split = split_coefficient(term.expr);
        const Expr& base = split.second;
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const LikeTerms& g) { return !g.constant && same(g.base, base); });
        if (it == groups.end()) it = groups.insert(groups.end(), LikeTerms{false, std::move(split.second), {}, {}});
        it->parts.push_back({term.negative, std::move(split.first)});
        it->originals.push_back(term);
    }

    std::vector<Term> merged;
    for (auto& group : groups) emit_group(group, merged);
    // lead with a positive term where there is one: y - x rather than -x + y
    const auto positive = std::find_if(merged.begin(), merged.end(), [](const Term& t) { return !t.negative; });
    if (positive != merged.end()) std::rotate(merged.begin(), positive, positive + 1);

    std::vector<Term> factored = merged;
    const auto common = take_common_factor(factored);
    Expr result = join_sum(std::move(merged));
    if (common) {
        // only when no longer: 2/x - 2/y stays, 2*(1/x - 1/y) would be two nodes more
        Expr taken_out = binary(Op::Mul, *common, join_sum(std::move(factored)));
        if (detail::node_count(taken_out) <= detail::node_count(result)) result = std::move(taken_out);
    }
    const std::size_t before = detail::node_count(e), after = detail::node_count(result);
    if (after < before || (after == before && !same(result, e))) return result;
    return std::nullopt;
}

// ---- products and quotients ----------------------------------------------------------------------

// A chain of *, /, inv and neg, through squares, cubes and whole powers, flattened into factors with
// whole exponents: equal factors merge (q2^2*q1/q2 is q1*q2, (c/v)*(c/v) is c^2/v^2) and constant
// factors gather in front. Used only when the result is shorter.
struct Factor {
    Expr base;
    int exponent;
};

void flatten_product(const Expr& e, int exponent, bool& negative, std::vector<Factor>& factors) {
    switch (e.op) {
        case Op::Mul:
            flatten_product(e.left(), exponent, negative, factors);
            flatten_product(e.right(), exponent, negative, factors);
            return;
        case Op::Div:
            flatten_product(e.left(), exponent, negative, factors);
            flatten_product(e.right(), -exponent, negative, factors);
            return;
        case Op::Inv: flatten_product(e.only(), -exponent, negative, factors); return;
        case Op::Neg:
            if (exponent % 2 != 0) negative = !negative;
            flatten_product(e.only(), exponent, negative, factors);
            return;
        case Op::Square: flatten_product(e.only(), 2 * exponent, negative, factors); return;
        case Op::Cube: flatten_product(e.only(), 3 * exponent, negative, factors); return;
        case Op::Pow: {
            const double n = e.right().is(Op::Number) ? e.right().value : 0.5;
            if (n == std::trunc(n) && std::abs(n) <= 12) {
                flatten_product(e.left(), static_cast<int>(n) * exponent, negative, factors);
                return;
            }
            break;
        }
        default: break;
    }
    for (Factor& factor : factors) {
        if (same(factor.base, e)) {
            factor.exponent += exponent;
            return;
        }
    }
    factors.push_back({e, exponent});
}

// base^n for n >= 1, as a person writes it
Expr power_of(Expr base, int n) {
    if (n == 1) return base;
    if (n == 2) return unary(Op::Square, std::move(base));
    if (n == 3) return unary(Op::Cube, std::move(base));
    return binary(Op::Pow, std::move(base), Expr::number(n));
}

// The product of the factors with exponents of one sign, as powers of their bases; nothing if none.
std::optional<Expr> product_of(const std::vector<Factor>& factors, int sign) {
    std::optional<Expr> product;
    for (const Factor& factor : factors) {
        if (factor.exponent * sign <= 0) continue;
        Expr power = power_of(factor.base, factor.exponent * sign);
        product = product ? binary(Op::Mul, std::move(*product), std::move(power)) : std::move(power);
    }
    return product;
}

std::optional<Expr> collect_product(const Expr& e) {
    bool negative = false;
    std::vector<Factor> all;
    flatten_product(e, 1, negative, all);
    std::vector<Factor> constants, varying;
    for (Factor& factor : all) {
        if (factor.exponent == 0) continue;  // x/x: a law is not judged where x is 0
        (is_constant(factor.base) ? constants : varying).push_back(std::move(factor));
    }
    std::optional<Expr> coefficient;
    if (!constants.empty()) {
        const auto top = product_of(constants, +1), bottom = product_of(constants, -1);
        Expr written = top ? (bottom ? binary(Op::Div, *top, *bottom) : *top) : unary(Op::Inv, *bottom);
        if (auto leaf = fold(written)) written = std::move(*leaf);
        coefficient = std::move(written);
    }
    std::optional<Expr> numerator = product_of(varying, +1);
    const std::optional<Expr> denominator = product_of(varying, -1);
    if (coefficient) numerator = numerator ? binary(Op::Mul, std::move(*coefficient), std::move(*numerator)) : std::move(*coefficient);
    Expr result = denominator ? (numerator ? binary(Op::Div, std::move(*numerator), *denominator)
                                           : unary(Op::Inv, *denominator))
                              : (numerator ? std::move(*numerator) : Expr::number(1));
    if (negative) result = negated(std::move(result));
    if (node_count(result) < node_count(e)) return result;
    return std::nullopt;
}

std::optional<Expr> rewrite_product(const Expr& e) {
    const Expr& a = e.left();
    const Expr& b = e.right();
    if (a.is_number(1)) return b;
    if (b.is_number(1)) return a;
    if (a.is_number(-1)) return unary(Op::Neg, b);
    if (b.is_number(-1)) return unary(Op::Neg, a);
    // constants lead, so that products print as 2.5*x
    if (is_constant(b) && !is_constant(a)) return binary(Op::Mul, b, a);
    if (same(a, b)) return unary(Op::Square, a);
    // x*(c*x) and (c*x)*x are c*x^2
    if (b.is(Op::Mul) && is_constant(b.left()) && same(a, b.right()))
        return binary(Op::Mul, b.left(), unary(Op::Square, a));
    if (a.is(Op::Mul) && is_constant(a.left()) && same(a.right(), b))
        return binary(Op::Mul, a.left(), unary(Op::Square, b));
    if (a.is(Op::Square) && same(a.only(), b)) return unary(Op::Cube, b);
    if (b.is(Op::Square) && same(b.only(), a)) return unary(Op::Cube, a);
    if (b.is(Op::Inv)) return binary(Op::Div, a, b.only());
    if (a.is(Op::Inv)) return binary(Op::Div, b, a.only());
    if (a.is(Op::Neg) && b.is(Op::Neg)) return binary(Op::Mul, a.only(), b.only());
    // a sign inside a product moves out, where it can cancel or join a leading factor
    if (a.is(Op::Neg)) return unary(Op::Neg, binary(Op::Mul, a.only(), b));
    if (b.is(Op::Neg) && !is_constant(a)) return unary(Op::Neg, binary(Op::Mul, a, b.only()));
    if (!is_constant(a)) return std::nullopt;
    // a constant factor absorbs signs and other constant factors: c*(-x), c*(d*x*y), c*(d/x), c*(x/d)
    if (b.is(Op::Neg)) {
        if (auto c = as_leaf(unary(Op::Neg, a))) return binary(Op::Mul, std::move(*c), b.only());
    }
    // c*(d*x*y/z): the leading factor of a product or quotient chain, however deep, takes c in
    {
        Expr chain = b;
        Expr* lead = leading_constant(chain);
        if (lead != nullptr && lead != &chain) {
            if (auto c = as_leaf(binary(Op::Mul, a, *lead))) {
                *lead = std::move(*c);
                return chain;
            }
        }
    }
    if (b.is(Op::Div) && is_constant(b.right())) {
        if (auto c = as_leaf(binary(Op::Div, a, b.right()))) return binary(Op::Mul, std::move(*c), b.left());
    }
    return std::nullopt;
}

std::optional<Expr> rewrite_quotient(const Expr& e) {
    const Expr& a = e.left();
    const Expr& b = e.right();
    if (b.is_number(1)) return a;
    if (b.is_number(-1)) return unary(Op::Neg, a);
    if (a.is_number(1)) return unary(Op::Inv, b);
    if (b.is(Op::Inv)) return binary(Op::Mul, a, b.only());
    // a/(b/c) is a*c/b: one division, outermost, as a person writes it (u/(2/u) is u^2/2)
    if (b.is(Op::Div)) return binary(Op::Div, binary(Op::Mul, a, b.right()), b.left());
    if (a.is(Op::Neg) && b.is(Op::Neg)) return binary(Op::Div, a.only(), b.only());
    // -a/(b - c) is a/(c - b): the sign goes into the difference, as in 1/(exp(x) - 1)
    if (b.is(Op::Sub)) {
        if (a.is(Op::Neg)) return binary(Op::Div, a.only(), binary(Op::Sub, b.right(), b.left()));
        Expr numerator = a;
        Expr* lead = leading_constant(numerator);
        if (lead != nullptr && lead->value < 0) {
            lead->value = -lead->value;
            return binary(Op::Div, std::move(numerator), binary(Op::Sub, b.right(), b.left()));
        }
    }
    if (a.is(Op::Neg)) return unary(Op::Neg, binary(Op::Div, a.only(), b));
    if (b.is(Op::Neg) && !is_constant(a)) return unary(Op::Neg, binary(Op::Div, a, b.only()));
    // a common factor cancels: x/x is 1, x*y/y is x, y/(x*y) is 1/x (a law is not judged at the
    // isolated points where the factor is 0)
    if (!is_constant(b)) {
        if (same(a, b)) return Expr::number(1);
        if (a.is(Op::Mul) && same(a.right(), b)) return a.left();
        if (a.is(Op::Mul) && same(a.left(), b)) return a.right();
        if (b.is(Op::Mul) && same(b.right(), a)) return unary(Op::Inv, b.left());
        if (b.is(Op::Mul) && same(b.left(), a)) return unary(Op::Inv, b.right());
    }
    // x/c is (1/c)*x when c is fitted anyway: one canonical product form
    if (b.is(Op::Constant) && !is_constant(a)) {
        if (auto c = fold(binary(Op::Div, Expr::number(1), b))) return binary(Op::Mul, std::move(*c), a);
    }
    if (is_constant(b) && a.is(Op::Mul) && is_constant(a.left())) {
        if (auto c = as_leaf(binary(Op::Div, a.left(), b))) return binary(Op::Mul, std::move(*c), a.right());
    }
    if (is_constant(a) && b.is(Op::Mul) && is_constant(b.left())) {
        if (auto c = as_leaf(binary(Op::Div, a, b.left()))) return binary(Op::Div, std::move(*c), b.right());
    }
    if (is_constant(a) && b.is(Op::Neg)) {
        if (auto c = as_leaf(unary(Op::Neg, a))) return binary(Op::Div, std::move(*c), b.only());
    }
    return std::nullopt;
}

// (x^p)^q = x^(p*q) for every x where the left side is defined, except when p is even and p*q is
// not: (x^2)^0.5 is |x|, not x.
bool powers_merge(double p, double q) {
    const auto is_integer = [](double v) { return v == std::trunc(v); };
    if (is_integer(q)) return true;
    if (is_integer(p) && std::fmod(p, 2.0) == 0.0) return is_integer(p * q) && std::fmod(p * q, 2.0) == 0.0;
    return true;
}

std::optional<Expr> rewrite_power(const Expr& e) {
    const Expr& base = e.left();
    if (!e.right().is(Op::Number)) return std::nullopt;
    const double q = e.right().value;
    // a power of a power, written either way: pow(x, p), square, cube, sqrt, inv
    std::optional<double> p;
    if (base.is(Op::Pow) && base.right().is(Op::Number)) p = base.right().value;
    if (base.is(Op::Square)) p = 2.0;
    if (base.is(Op::Cube)) p = 3.0;
    if (base.is(Op::Sqrt)) p = 0.5;
    if (base.is(Op::Inv)) p = -1.0;
    if (p && powers_merge(*p, q) && is_short_decimal(*p * q))
        return binary(Op::Pow, base.children[0], Expr::number(*p * q));
    if (q == 0) return Expr::number(1);  // pow(x, 0) is 1 even for x = NaN
    if (q == 1) return base;
    if (q == 2) return unary(Op::Square, base);
    if (q == 3) return unary(Op::Cube, base);
    if (q == 0.5) return unary(Op::Sqrt, base);
    if (q == -1) return unary(Op::Inv, base);
    return std::nullopt;
}

// ---- unary operators -----------------------------------------------------------------------------

std::optional<Expr> rewrite_unary(const Expr& e) {
    const Expr& x = e.only();
    switch (e.op) {
        case Op::Neg:
            if (x.is(Op::Neg)) return x.only();
            if (x.is(Op::Sub)) return binary(Op::Sub, x.right(), x.left());
            // -(2*x*y) is -2*x*y: the sign goes into the leading factor of a product chain
            if (x.is(Op::Mul) || x.is(Op::Div)) {
                Expr chain = x;
                Expr* lead = leading_constant(chain);
                if (lead != nullptr && lead != &chain && (lead->is(Op::Constant) || lead->is(Op::Number))) {
                    lead->value = -lead->value;
                    return chain;
                }
            }
            break;
        case Op::Square:
            if (x.is(Op::Sqrt)) return x.only();  // sqrt is undefined where the two differ
            if (x.is(Op::Neg) || x.is(Op::Abs)) return unary(Op::Square, x.only());
            // (u/sqrt(c))^2 is u^2/c: exp(-(u/sqrt(2))^2) reads exp(-u^2/2)
            if (x.is(Op::Div) && x.right().is(Op::Sqrt)) return binary(Op::Div, unary(Op::Square, x.left()), x.right().only());
            break;
        case Op::Sqrt:
            if (x.is(Op::Square)) return unary(Op::Abs, x.only());
            break;
        case Op::Exp:
            if (x.is(Op::Log)) return x.only();  // log is undefined where the two differ
            break;
        case Op::Log:
            if (x.is(Op::Exp)) return x.only();
            break;
        case Op::Inv:
            if (x.is(Op::Inv)) return x.only();
            if (x.is(Op::Div)) return binary(Op::Div, x.right(), x.left());
            // 1/(c*x) is (1/c)/x, the constant in front: exp(-7164/T), not exp(1/(-0.0001396*T))
            if (x.is(Op::Mul) && is_constant(x.left())) {
                if (auto c = as_leaf(binary(Op::Div, Expr::number(1), x.left()))) return binary(Op::Div, std::move(*c), x.right());
            }
            break;
        case Op::Sin:
            if (x.is(Op::Asin)) return x.only();  // asin is undefined where the two differ
            break;
        case Op::Cos:
            if (x.is(Op::Acos)) return x.only();
            break;
        case Op::Tan:
            if (x.is(Op::Atan)) return x.only();
            break;
        case Op::Abs:
            if (x.is(Op::Neg)) return unary(Op::Abs, x.only());
            if (x.is(Op::Abs) || x.is(Op::Square) || x.is(Op::Sqrt) || x.is(Op::Exp)) return x;
            break;
        default: break;
    }
    return std::nullopt;
}

// ---- driver ----------------------------------------------------------------------------------------

// Rules that hold whatever the operands are worth, tried before folding so that 0*c is the literal
// 0 rather than a fitted constant that happens to be 0.
std::optional<Expr> annihilate(const Expr& e) {
    switch (e.op) {
        case Op::Mul:
            if (e.left().is_number(0) || e.right().is_number(0)) return Expr::number(0);
            break;
        case Op::Div:
            if (e.left().is_number(0)) return Expr::number(0);
            if (same(e.left(), e.right())) return Expr::number(1);
            break;
        case Op::Sub:
            if (same(e.left(), e.right())) return Expr::number(0);
            break;
        default: break;
    }
    return std::nullopt;
}

// One rewrite at the root of e, whose children are already simplified.
std::optional<Expr> rewrite(const Expr& e) {
    if (e.children.empty()) return std::nullopt;
    if (auto r = annihilate(e)) return r;
    if (auto r = fold(e)) return r;
    switch (e.op) {
        case Op::Add:
        case Op::Sub: return collect_sum(e);
        case Op::Mul:
            if (auto r = collect_product(e)) return r;
            return rewrite_product(e);
        case Op::Div:
            if (auto r = collect_product(e)) return r;
            return rewrite_quotient(e);
        case Op::Pow: return rewrite_power(e);
        default: return rewrite_unary(e);
    }
}

class Simplifier {
public:
    // Bottom up: children first, then rewrites at this node until none applies. A rewrite may build
    // new nodes above simplified children, so its result is simplified again.
    Expr run(Expr e) {
        for (auto& child : e.children) child = run(std::move(child));
        if (budget_ > 0) {
            if (auto next = rewrite(e)) {
                --budget_;
                return run(std::move(*next));
            }
        }
        return e;
    }

private:
    int budget_ = rewrite_budget;
};

}  // namespace

Tree simplify(const Tree& tree) {
    if (tree.empty()) return tree;
    Tree result = detail::to_tree(Simplifier{}.run(detail::to_expr(tree, tree.root())));
    return result.length() <= tree.length() ? result : tree;  // the promise holds even if a rule slips
}

}  // namespace occam
