#include "simplest_exponents.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace occam::detail {
namespace {

// Past this many pivot sets the search keeps the best found so far (tables of a few dozen
// variables; the Feynman equations need at most a few hundred).
constexpr std::size_t max_pivot_sets = 200000;

// Calls visit(pivots) for every set of k columns out of n, in lexicographic order, until visit
// returns false.
template <class Visit>
void for_each_subset(std::size_t n, std::size_t k, Visit visit) {
    if (k > n) return;
    std::vector<std::size_t> subset(k);
    std::iota(subset.begin(), subset.end(), std::size_t{0});
    for (;;) {
        if (!visit(std::as_const(subset))) return;
        std::size_t i = k;
        while (i > 0 && subset[i - 1] == n - k + i - 1) --i;
        if (i == 0) return;
        ++subset[i - 1];
        for (std::size_t j = i; j < k; ++j) subset[j] = subset[j - 1] + 1;
    }
}

// Lower is simpler: (divisions by or roots of pole variables, non-zero exponents, sum of their
// sizes, largest size).
using Cost = std::tuple<std::size_t, std::size_t, Rational, Rational>;

Cost cost_of(const std::vector<RationalVector>& vectors, const PoleVariables& poles) {
    Cost cost{0, 0, 0, 0};
    for (const auto& v : vectors) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const Rational& x = v[i];
            if (x.is_zero()) continue;
            if (i < poles.size() && poles[i] && (x < Rational(0) || !x.is_integer())) ++std::get<0>(cost);
            ++std::get<1>(cost);
            std::get<2>(cost) += abs(x);
            std::get<3>(cost) = std::max(std::get<3>(cost), abs(x));
        }
    }
    return cost;
}

bool is_integral(const RationalVector& v) {
    return std::all_of(v.begin(), v.end(), [](const Rational& x) { return x.is_integer(); });
}

// The same equations with integer coefficients: each row times the lcm of its denominators.
std::pair<RationalMatrix, RationalVector> integer_rows(const RationalMatrix& a, const RationalVector& b) {
    RationalMatrix scaled = a;
    RationalVector scaled_b = b;
    for (std::size_t r = 0; r < a.rows(); ++r) {
        long long multiple = b[r].denominator();
        for (std::size_t c = 0; c < a.cols(); ++c) multiple = std::lcm(multiple, a(r, c).denominator());
        for (std::size_t c = 0; c < a.cols(); ++c) scaled(r, c) *= multiple;
        scaled_b[r] *= multiple;
    }
    return {scaled, scaled_b};
}

// The simplest of x0 + sum z_j lattice_j over small integers z (the box shrinks as the lattice grows).
RationalVector simplest_lattice_point(const RationalVector& x0, const std::vector<RationalVector>& lattice,
                                      const PoleVariables& poles) {
    const std::size_t k = lattice.size();
    const long long radius = k <= 4 ? 2 : (k <= 7 ? 1 : 0);
    RationalVector best = x0;
    Cost best_cost = cost_of({x0}, poles);
    std::vector<long long> z(k, -radius);
    if (radius == 0) return best;
    for (;;) {
        RationalVector x = x0;
        for (std::size_t j = 0; j < k; ++j)
            for (std::size_t i = 0; i < x.size(); ++i) x[i] += Rational(z[j]) * lattice[j][i];
        if (const Cost c = cost_of({x}, poles); c < best_cost) {
            best_cost = c;
            best = x;
        }
        std::size_t j = 0;
        while (j < k && z[j] == radius) z[j++] = -radius;
        if (j == k) return best;
        ++z[j];
    }
}

}  // namespace

std::vector<RationalVector> simplest_null_basis(const RationalMatrix& units, const PoleVariables& poles) {
    const std::size_t n = units.cols();
    const std::size_t r = rank(units);
    std::vector<RationalVector> best;
    std::optional<Cost> best_cost;
    std::size_t visited = 0;
    for_each_subset(n, r, [&](const std::vector<std::size_t>& pivots) {
        const auto coefficients = coordinates(units, pivots, units);
        if (coefficients) {
            std::vector<RationalVector> basis;
            for (std::size_t f = 0; f < n; ++f) {
                if (std::find(pivots.begin(), pivots.end(), f) != pivots.end()) continue;
                RationalVector q(n);
                q[f] = 1;
                for (std::size_t k = 0; k < pivots.size(); ++k) q[pivots[k]] = -(*coefficients)(k, f);
                basis.push_back(smallest_integer_multiple(std::move(q)));
            }
            // "<=": among equals the later pivot set wins, which leaves the earlier variables free
            if (const Cost c = cost_of(basis, poles); !best_cost || c <= *best_cost) {
                best_cost = c;
                best = std::move(basis);
            }
        }
        return ++visited < max_pivot_sets || !best_cost;
    });
    return best;
}

std::optional<RationalVector> simplest_solution(const RationalMatrix& units, const RationalVector& target,
                                                const PoleVariables& poles) {
    const std::size_t n = units.cols();
    const std::size_t r = rank(units);
    RationalMatrix target_column(units.rows(), 1);
    for (std::size_t i = 0; i < units.rows(); ++i) target_column(i, 0) = target[i];
    std::optional<RationalVector> best;
    std::tuple<bool, Cost> best_cost;
    std::size_t visited = 0;
    for_each_subset(n, r, [&](const std::vector<std::size_t>& pivots) {
        if (const auto coefficients = coordinates(units, pivots, target_column)) {
            RationalVector x(n);
            for (std::size_t k = 0; k < pivots.size(); ++k) x[pivots[k]] = (*coefficients)(k, 0);
            const auto c = std::make_tuple(!is_integral(x), cost_of({x}, poles));
            // "<=" as in simplest_null_basis, so that prefactor and groups favour the same variables
            if (!best || c <= best_cost) {
                best_cost = c;
                best = std::move(x);
            }
        }
        return ++visited < max_pivot_sets || !best;
    });
    if (!best || is_integral(*best)) return best;
    // No basic solution is integral, yet one with more variables may be: V / A is a length while
    // sqrt(A) and cbrt(V) are the basic solutions.
    const auto [a, b] = integer_rows(units, target);
    if (const auto solutions = integer_solutions(a, b))
        return simplest_lattice_point(solutions->particular, solutions->null_lattice, poles);
    return best;
}

}  // namespace occam::detail
