#include "exact_linear_algebra.hpp"

#include <numeric>
#include <utility>

namespace occam::detail {
namespace {

void swap_rows(RationalMatrix& m, std::size_t a, std::size_t b) {
    for (std::size_t c = 0; c < m.cols(); ++c) std::swap(m(a, c), m(b, c));
}

// row target -= factor * row source; factor is a copy because it is often an element of m
void subtract_row(RationalMatrix& m, std::size_t target, std::size_t source, Rational factor) {
    if (factor.is_zero()) return;
    for (std::size_t c = 0; c < m.cols(); ++c) m(target, c) -= factor * m(source, c);
}

// Extended Euclid on integers held as rationals: g = x a + y b, g >= 0.
struct Bezout {
    Rational g, x, y;
};
Bezout bezout(long long a, long long b) {
    long long old_r = a, r = b, old_s = 1, s = 0, old_t = 0, t = 1;
    while (r != 0) {
        const long long q = old_r / r;
        old_r = std::exchange(r, old_r - q * r);
        old_s = std::exchange(s, old_s - q * s);
        old_t = std::exchange(t, old_t - q * t);
    }
    if (old_r < 0) return {-old_r, -old_s, -old_t};
    return {old_r, old_s, old_t};
}

}  // namespace

RationalVector RationalMatrix::column(std::size_t c) const {
    RationalVector result(rows_);
    for (std::size_t r = 0; r < rows_; ++r) result[r] = (*this)(r, c);
    return result;
}

RationalVector RationalMatrix::times(std::span<const Rational> x) const {
    RationalVector result(rows_);
    for (std::size_t r = 0; r < rows_; ++r)
        for (std::size_t c = 0; c < cols_; ++c) result[r] += (*this)(r, c) * x[c];
    return result;
}

std::size_t rank(RationalMatrix m) {
    std::size_t pivot_row = 0;
    for (std::size_t c = 0; c < m.cols() && pivot_row < m.rows(); ++c) {
        std::size_t r = pivot_row;
        while (r < m.rows() && m(r, c).is_zero()) ++r;
        if (r == m.rows()) continue;
        swap_rows(m, pivot_row, r);
        for (std::size_t below = pivot_row + 1; below < m.rows(); ++below)
            subtract_row(m, below, pivot_row, m(below, c) / m(pivot_row, c));
        ++pivot_row;
    }
    return pivot_row;
}

std::optional<RationalMatrix> coordinates(const RationalMatrix& a, std::span<const std::size_t> basis,
                                          const RationalMatrix& targets) {
    const std::size_t k = basis.size();
    RationalMatrix m(a.rows(), k + targets.cols());
    for (std::size_t r = 0; r < a.rows(); ++r) {
        for (std::size_t j = 0; j < k; ++j) m(r, j) = a(r, basis[j]);
        for (std::size_t t = 0; t < targets.cols(); ++t) m(r, k + t) = targets(r, t);
    }
    // Gauss-Jordan on the basis columns: each must get a pivot of its own
    for (std::size_t c = 0; c < k; ++c) {
        std::size_t r = c;
        while (r < m.rows() && m(r, c).is_zero()) ++r;
        if (r == m.rows()) return std::nullopt;
        swap_rows(m, c, r);
        const Rational pivot = m(c, c);
        for (std::size_t j = 0; j < m.cols(); ++j) m(c, j) = m(c, j) / pivot;
        for (std::size_t other = 0; other < m.rows(); ++other)
            if (other != c) subtract_row(m, other, c, m(other, c));
    }
    // rows without a pivot are zero in the basis part; a target with a non-zero there is outside the span
    for (std::size_t r = k; r < m.rows(); ++r)
        for (std::size_t t = 0; t < targets.cols(); ++t)
            if (!m(r, k + t).is_zero()) return std::nullopt;
    RationalMatrix result(k, targets.cols());
    for (std::size_t j = 0; j < k; ++j)
        for (std::size_t t = 0; t < targets.cols(); ++t) result(j, t) = m(j, k + t);
    return result;
}

std::optional<IntegerSolutions> integer_solutions(const RationalMatrix& a, std::span<const Rational> b) {
    // Unimodular column operations (tracked in u) bring a to column echelon form h = a u; then
    // a x = b has the integer solutions x = u y with h y = b, y integer.
    RationalMatrix h = a;
    const std::size_t n = a.cols();
    RationalMatrix u(n, n);
    for (std::size_t i = 0; i < n; ++i) u(i, i) = 1;
    const auto combine = [](RationalMatrix& m, std::size_t c, std::size_t j, const Rational& cc, const Rational& cj,
                             const Rational& jc, const Rational& jj) {
        // (col c, col j) <- (cc col c + cj col j, jc col c + jj col j)
        for (std::size_t r = 0; r < m.rows(); ++r) {
            const Rational old_c = m(r, c);
            const Rational old_j = m(r, j);
            m(r, c) = cc * old_c + cj * old_j;
            m(r, j) = jc * old_c + jj * old_j;
        }
    };
    std::vector<std::size_t> pivot_rows;  // of columns 0, 1, ...
    std::size_t c = 0;
    for (std::size_t r = 0; r < h.rows() && c < n; ++r) {
        for (std::size_t j = c + 1; j < n; ++j) {
            if (h(r, j).is_zero()) continue;
            const long long p = h(r, c).numerator();
            const long long q = h(r, j).numerator();
            const Bezout e = bezout(p, q);
            // determinant x p/g + y q/g = 1: the operation is unimodular
            const Rational pg = Rational(p) / e.g;
            const Rational qg = Rational(q) / e.g;
            combine(h, c, j, e.x, e.y, -qg, pg);
            combine(u, c, j, e.x, e.y, -qg, pg);
        }
        if (!h(r, c).is_zero()) {
            pivot_rows.push_back(r);
            ++c;
        }
    }
    // forward substitution for the pivot columns; the rest of y is free and set to zero
    RationalVector y(n);
    for (std::size_t k = 0; k < pivot_rows.size(); ++k) {
        const std::size_t r = pivot_rows[k];
        Rational rest = b[r];
        for (std::size_t l = 0; l < k; ++l) rest -= h(r, l) * y[l];
        y[k] = rest / h(r, k);
        if (!y[k].is_integer()) return std::nullopt;
    }
    for (std::size_t r = 0; r < h.rows(); ++r) {
        Rational sum;
        for (std::size_t k = 0; k < pivot_rows.size(); ++k) sum += h(r, k) * y[k];
        if (sum != b[r]) return std::nullopt;
    }
    IntegerSolutions result{u.times(y), {}};
    for (std::size_t k = pivot_rows.size(); k < n; ++k) result.null_lattice.push_back(u.column(k));
    return result;
}

RationalVector smallest_integer_multiple(RationalVector v) {
    long long multiple = 1;
    for (const Rational& x : v) multiple = std::lcm(multiple, x.denominator());
    long long divisor = 0;
    for (Rational& x : v) {
        x *= multiple;
        divisor = std::gcd(divisor, x.numerator());
    }
    if (divisor > 1)
        for (Rational& x : v) x = x / divisor;
    return v;
}

}  // namespace occam::detail
