#include "algebra_rewrites.hpp"

#include <cmath>
#include <optional>

#include "ginac_expression.hpp"

namespace occam::algebra {
namespace {

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
        if (!constant.is_equal(1))
            if (const auto spread = into_fitted_sum(constant, varying)) return *spread;
        return fitted ? constant.evalf() * varying : inner;
    }

    // c * (a*x + b*y) * rest, with a or b fitted, is (c*a*x + c*b*y) * rest: the products of fitted
    // numbers become one number each, which snapping can then read (-0.0016 * 619.7 is -1), and so
    // does an exact c (6/(11*pi) * 0.576 is 0.1). Nothing when no sum there holds a fitted number.
    static std::optional<gi::ex> into_fitted_sum(const gi::ex& constant, const gi::ex& varying) {
        // the first such sum in occam's order, not GiNaC's
        const std::vector<gi::ex> factors = gi::is_a<gi::mul>(varying) ? parts_in_order(varying) : std::vector{varying};
        for (const gi::ex& factor : factors) {
            if (!gi::is_a<gi::add>(factor) || !has_float(factor)) continue;
            const gi::ex coefficient = constant.evalf();
            gi::ex spread = 0;
            for (std::size_t t = 0; t < factor.nops(); ++t) spread += coefficient * factor.op(t);
            return spread * (varying / factor);
        }
        return std::nullopt;
    }
};

// Shifts of a trigonometric argument by a multiple of pi/2, and a fitted factor or term out of a
// logarithm or an exponential: sin(x + pi/2) is cos(x), log(c*x) is log(c) + log(x), exp(c + x) is
// exp(c)*exp(x); and a power written through its logarithm, exp(-log(z)) for 1/z.
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
        if (is_ex_the_function(inner, gi::exp)) {
            if (const auto power = power_of_log(inner.op(0))) return *power;
            if (gi::is_a<gi::add>(inner.op(0))) return exp_of_sum(inner.op(0));
        }
        return inner;
    }

    // exp(c*log(z)) is z^c wherever the log is defined (GiNaC folds only exp(log(z)))
    static std::optional<gi::ex> power_of_log(const gi::ex& term) {
        if (!gi::is_a<gi::mul>(term) || term.nops() != 2) return std::nullopt;
        for (std::size_t i = 0; i < 2; ++i)
            if (is_ex_the_function(term.op(i), gi::log) && gi::is_a<gi::numeric>(term.op(1 - i)))
                return gi::pow(term.op(i).op(0), term.op(1 - i));
        return std::nullopt;
    }

    // exp of a sum: a fitted number and each power written through its log come out as factors,
    // so exp(a + b*log(x)), a power law fitted in logs, is exp(a)*x^b
    static gi::ex exp_of_sum(const gi::ex& sum) {
        gi::ex factors = 1, rest = 0;
        for (std::size_t i = 0; i < sum.nops(); ++i) {
            const gi::ex term = sum.op(i);
            if (is_float(term)) factors *= gi::exp(term);
            else if (is_ex_the_function(term, gi::log)) factors *= term.op(0);
            else if (const auto power = power_of_log(term)) factors *= *power;
            else rest += term;
        }
        return factors * gi::exp(rest);
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

}  // namespace

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

namespace {

// The number that, divided out of a sum, leaves its leading coefficient 1; 1 when none is fitted.
gi::ex leading_coefficient(const gi::ex& sum) {
    for (std::size_t t = 0; t < sum.nops(); ++t)
        if (!has_symbol(sum.op(t))) return is_float(sum.op(t)) ? sum.op(t) : gi::ex(1);
    const gi::ex first = parts_in_order(sum).front();
    const gi::ex coefficient = gi::is_a<gi::mul>(first) ? first.op(first.nops() - 1) : gi::ex(1);
    return is_float(coefficient) ? coefficient : gi::ex(1);
}

// A float the division made a whole number (c/c) is that number, exact: not a constant to fit.
struct ExactWholes : gi::map_function {
    gi::ex operator()(const gi::ex& e) override {
        if (is_float(e)) {
            const double value = gi::ex_to<gi::numeric>(e).to_double();
            if (value == std::round(value) && std::abs(value) <= 1e6) return gi::numeric(static_cast<long>(value));
            return e;
        }
        return e.map(*this);
    }
};

gi::ex with_unit_denominator(const gi::ex& quotient) {
    const gi::ex parts = gi::numer_denom(quotient);
    const gi::ex denominator = parts.op(1);
    if (!gi::is_a<gi::add>(denominator)) return quotient;
    const gi::ex c = leading_coefficient(denominator);
    if (c.is_equal(1)) return quotient;
    ExactWholes exact;
    return exact((parts.op(0) / c).expand()) / exact((denominator / c).expand());
}

}  // namespace

gi::ex unit_denominators(const gi::ex& e) {
    if (!gi::is_a<gi::add>(e)) return with_unit_denominator(e);
    gi::ex out = 0;
    for (std::size_t k = 0; k < e.nops(); ++k) out += with_unit_denominator(e.op(k));
    return out;
}

gi::ex rewritten(const gi::ex& e) {
    Rewrite rewrite;
    return rewrite(e);
}

}  // namespace occam::algebra
