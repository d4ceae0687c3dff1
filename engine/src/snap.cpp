#include "occam/snap.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "occam/simplify.hpp"
#include "significant_digits.hpp"

namespace occam {
namespace {

// ---- the exact values a constant may become --------------------------------------------------------

// A positive exact value and how to write it.
struct ExactValue {
    double value;
    std::vector<Node> nodes;  // postfix
    bool leading_factor;      // nodes[0] is a Number multiplying the whole: negate it to write -value
};

using Nodes = std::vector<Node>;

Nodes number(double v) { return {Node::number(v)}; }
Nodes pi() { return {Node::function(Op::Pi)}; }
Nodes euler() { return {Node::function(Op::Euler)}; }
Nodes apply(Op op, Nodes x) {
    x.push_back(Node::function(op));
    return x;
}
Nodes apply(Op op, Nodes a, const Nodes& b) {
    a.insert(a.end(), b.begin(), b.end());
    a.push_back(Node::function(op));
    return a;
}

// p/q has a finite decimal expansion (0.5, 0.125, 0.2), so it is written as one literal.
bool terminates(int q) {
    while (q % 2 == 0) q /= 2;
    while (q % 5 == 0) q /= 5;
    return q == 1;
}

void add_rationals(std::vector<ExactValue>& out) {
    for (int q = 1; q <= 12; ++q) {
        for (int p = 1; p <= 100; ++p) {
            if (std::gcd(p, q) != 1) continue;
            const double v = double(p) / q;
            out.push_back({v, terminates(q) ? number(v) : apply(Op::Div, number(p), number(q)), true});
        }
    }
}

void add_pi_multiples(std::vector<ExactValue>& out) {
    const double pi_value = std::numbers::pi;
    for (int q = 1; q <= 12; ++q) {
        for (int p = 1; p <= 24; ++p) {
            if (std::gcd(p, q) != 1) continue;
            const double v = p * pi_value / q;  // p*pi/q
            if (q == 1) out.push_back({v, p == 1 ? pi() : apply(Op::Mul, number(p), pi()), p != 1});
            else if (p == 1) out.push_back({v, apply(Op::Div, pi(), number(q)), false});
            else if (terminates(q)) out.push_back({v, apply(Op::Mul, number(double(p) / q), pi()), true});
            else out.push_back({v, apply(Op::Div, apply(Op::Mul, number(p), pi()), number(q)), true});
        }
    }
    for (int q = 1; q <= 12; ++q) {
        for (int p = 1; p <= 12; ++p) {
            if (std::gcd(p, q) != 1) continue;
            const double v = p / (q * pi_value);  // p/(q*pi)
            if (q == 1) out.push_back({v, p == 1 ? apply(Op::Inv, pi()) : apply(Op::Div, number(p), pi()), p != 1});
            else if (terminates(q)) out.push_back({v, apply(Op::Div, number(double(p) / q), pi()), true});
            else out.push_back({v, apply(Op::Div, number(p), apply(Op::Mul, number(q), pi())), true});
        }
    }
    // p*pi^k/q and p/(q*pi^k) for k = 2, 3, p <= 4, q <= 8: 1/(2*pi^3) and 1/(8*pi^2) are where
    // hbar = h/(2*pi) meets another pi
    for (int k = 2; k <= 3; ++k) {
        const Nodes power = apply(k == 2 ? Op::Square : Op::Cube, pi());
        const double power_value = std::pow(pi_value, k);
        for (int q = 1; q <= 8; ++q) {
            for (int p = 1; p <= 4; ++p) {
                if (std::gcd(p, q) != 1 || (p == 1 && q == 1)) continue;
                const Nodes coefficient = terminates(q) ? number(double(p) / q) : apply(Op::Div, number(p), number(q));
                out.push_back({p * power_value / q, apply(Op::Mul, coefficient, power), true});
                out.push_back({p / (q * power_value), apply(Op::Div, coefficient, power), true});
            }
        }
    }
    out.push_back({1 / (pi_value * pi_value * pi_value), apply(Op::Inv, apply(Op::Cube, pi())), false});
    // the powers and roots that physics formulas are made of
    const Nodes two_pi = apply(Op::Mul, number(2), pi());
    out.push_back({pi_value * pi_value, apply(Op::Square, pi()), false});
    out.push_back({pi_value * pi_value * pi_value, apply(Op::Cube, pi()), false});
    out.push_back({4 * pi_value * pi_value, apply(Op::Mul, number(4), apply(Op::Square, pi())), true});
    out.push_back({1 / (pi_value * pi_value), apply(Op::Inv, apply(Op::Square, pi())), false});
    out.push_back({std::sqrt(pi_value), apply(Op::Sqrt, pi()), false});
    out.push_back({1 / std::sqrt(pi_value), apply(Op::Inv, apply(Op::Sqrt, pi())), false});
    out.push_back({std::sqrt(2 * pi_value), apply(Op::Sqrt, two_pi), false});
    out.push_back({1 / std::sqrt(2 * pi_value), apply(Op::Inv, apply(Op::Sqrt, two_pi)), false});
    out.push_back({std::sqrt(pi_value / 2), apply(Op::Sqrt, apply(Op::Div, pi(), number(2))), false});
    out.push_back({std::sqrt(2 / pi_value), apply(Op::Sqrt, apply(Op::Div, number(2), pi())), false});
}

void add_euler_powers(std::vector<ExactValue>& out) {
    const double e = std::numbers::e;
    out.push_back({e, euler(), false});
    out.push_back({1 / e, apply(Op::Inv, euler()), false});
    out.push_back({e * e, apply(Op::Square, euler()), false});
    out.push_back({std::sqrt(e), apply(Op::Sqrt, euler()), false});
}

void add_square_roots(std::vector<ExactValue>& out) {
    for (int n = 2; n <= 30; ++n) {
        const int root = static_cast<int>(std::lround(std::sqrt(n)));
        if (root * root == n) continue;
        const double s = std::sqrt(double(n));
        const Nodes sqrt_n = apply(Op::Sqrt, number(n));
        out.push_back({s, sqrt_n, false});
        out.push_back({1 / s, apply(Op::Inv, sqrt_n), false});
        for (int k = 2; k <= 4; ++k) {
            out.push_back({s / k, apply(Op::Div, sqrt_n, number(k)), false});
            out.push_back({k * s, apply(Op::Mul, number(k), sqrt_n), true});
        }
    }
}

// All candidates sorted by value; of values equal up to rounding (sqrt(8)/2 and sqrt(2)) only the
// shortest form is kept.
std::vector<ExactValue> build_exact_values() {
    std::vector<ExactValue> all;
    add_rationals(all);
    add_pi_multiples(all);
    add_euler_powers(all);
    add_square_roots(all);
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
    std::vector<ExactValue> kept;
    for (auto& candidate : all) {
        if (!kept.empty() && candidate.value - kept.back().value <= 1e-12 * candidate.value) {
            if (candidate.nodes.size() < kept.back().nodes.size()) kept.back() = std::move(candidate);
            continue;
        }
        kept.push_back(std::move(candidate));
    }
    return kept;
}

const std::vector<ExactValue>& exact_values() {
    static const std::vector<ExactValue> table = build_exact_values();
    return table;
}

// ---- candidates for one constant -------------------------------------------------------------------

struct Candidate {
    double distance;  // relative to the constant; absolute for 0
    Nodes nodes;
    int digits;       // significant digits of the literals written: 0 is simpler than 17.6
};

int significant_digits(double v) {
    if (v == 0) return 0;
    for (int digits = 1; digits < 17; ++digits) {
        if (std::abs(round_to_significant(v, digits) - v) <= 1e-12 * std::abs(v)) return digits;
    }
    return 17;
}

// pi and e count as one digit: 3 and pi are alike in simplicity, and the nearer wins
int digits_of(const Nodes& nodes) {
    int digits = 0;
    for (const Node& node : nodes) {
        if (node.op == Op::Number) digits += significant_digits(node.value);
        if (node.op == Op::Pi || node.op == Op::Euler) digits += 1;
    }
    return digits;
}

Nodes with_sign(const ExactValue& exact, bool negative) {
    Nodes nodes = exact.nodes;
    if (!negative) return nodes;
    if (exact.leading_factor) nodes[0].value = -nodes[0].value;
    else nodes.push_back(Node::function(Op::Neg));
    return nodes;
}

// ---- rationals beyond the table, for constants the data fix to many digits -----------------------

// The simplest fraction p/q (p, q <= largest) within tolerance of w > 0: the first convergent of
// w's continued fraction that is near enough, since no fraction with a smaller denominator is
// nearer than a convergent.
std::optional<std::pair<long, long>> simplest_fraction(double w, double tolerance, long largest) {
    long p0 = 0, q0 = 1, p1 = 1, q1 = 0;  // the convergents before the current one
    double rest = w;
    for (int term = 0; term < 40 && rest <= double(largest); ++term) {
        const double whole = std::floor(rest);
        const long a = static_cast<long>(whole);
        const long p = a * p1 + p0, q = a * q1 + q0;
        if (p > largest || q > largest) break;
        if (std::abs(double(p) / double(q) - w) <= tolerance) return std::pair{p, q};
        p0 = p1, q0 = q1, p1 = p, q1 = q;
        if (rest - whole < 1e-15) break;
        rest = 1 / (rest - whole);
    }
    return std::nullopt;
}

// p/q times pi^power, written as the table writes its values (0.15/pi, 3*pi^2/7).
ExactValue rational_times_pi_power(long p, long q, int power) {
    const double value = double(p) / double(q) * std::pow(std::numbers::pi, power);
    const bool unit = p == 1 && q == 1;
    Nodes coefficient = terminates(static_cast<int>(q)) ? number(double(p) / double(q))
                                                        : apply(Op::Div, number(double(p)), number(double(q)));
    if (power == 0) return {value, coefficient, true};
    const int magnitude = std::abs(power);
    const Nodes pi_power = magnitude == 1 ? pi() : apply(magnitude == 2 ? Op::Square : Op::Cube, pi());
    if (power > 0) return unit ? ExactValue{value, pi_power, false} : ExactValue{value, apply(Op::Mul, coefficient, pi_power), true};
    return unit ? ExactValue{value, apply(Op::Inv, pi_power), false} : ExactValue{value, apply(Op::Div, coefficient, pi_power), true};
}

// Where the standard error fixes a constant to 1e-9 of its value (no noise), p/q times pi^-3 ...
// pi^3 with p, q up to 200 is tried too: 3/(20*pi) and 15/(16*pi^2) are outside the table, and a
// fraction that simple lands within 3e-9 of a value near 1 by chance about once in a thousand.
constexpr double precise = 1e-9;
constexpr long largest_precise_term = 200;

std::vector<ExactValue> precise_fractions(double a, double standard_error) {
    std::vector<ExactValue> found;
    if (!(a > 0) || !std::isfinite(standard_error) || standard_error > precise * a) return found;
    const double tolerance = std::max(3 * standard_error, 1e-12 * a);
    for (int power = -3; power <= 3; ++power) {
        const double scale = std::pow(std::numbers::pi, power);
        if (const auto fraction = simplest_fraction(a / scale, tolerance / scale, largest_precise_term))
            found.push_back(rational_times_pi_power(fraction->first, fraction->second, power));
    }
    return found;
}

// Values noise cannot tell apart from a fit are only worth writing when they mean something: small
// integers (factors, exponents) and simple fractions of exponents (3/2, 1/3, 3/4 ...).
bool plain_value(double v) {
    if (std::abs(v - std::round(v)) < 1e-12) return std::abs(v) <= 12;
    for (const int q : {2, 3, 4})
        if (std::abs(v * q - std::round(v * q)) < 1e-12) return std::abs(v) <= 3;
    return false;
}

// The exact values near v, simplest first: fewest nodes, then fewest digits, then nearest; at most
// options.tries_per_constant of them. Where the data pin v down to the search radius, near is
// within that radius. Where noise leaves it looser, only 0 within two standard errors (a term not
// significant at the usual 5 % level, |t| < 2, is a fitted piece of the noise), and plain values
// (see plain_value) within one standard error when that is at most 5 % of v: the first the
// data accept wins, so an intercept of 17.6 +- 12 becomes 0, never 88/5, and a slope of
// 3.636 +- 0.05 stays fitted, never 40/11. When noise lets 1/2 and 11/(7*pi) = 0.50020 both pass,
// the formula a person would write is the one kept.
std::vector<Candidate> candidates_near(double v, double standard_error, const SnapOptions& options) {
    std::vector<Candidate> found;
    const double a = std::abs(v);
    const double near = options.search_radius * a;
    const double uncertain = std::isfinite(standard_error) ? standard_error : 0.0;
    if (a <= std::max(options.search_radius, 2 * uncertain)) found.push_back({a, number(0), -1});  // simplest of all
    // an infinite error: the data do not fix this constant apart from others it trades against
    // (a/(b/x - c) holds one ratio too many), so it may as well be 1 and the others carry the fit
    if (std::isinf(standard_error) && a > 0) found.push_back({std::abs(a - 1) / a, number(v < 0 ? -1 : 1), 1});
    const bool pinned = uncertain <= near;
    if (a > 0 && (pinned || uncertain <= 0.05 * a)) {
        const double window = std::max(near, uncertain);
        const auto& table = exact_values();
        auto it = std::lower_bound(table.begin(), table.end(), a - window,
                                   [](const ExactValue& e, double x) { return e.value < x; });
        for (; it != table.end() && it->value <= a + window; ++it) {
            if (!pinned && !plain_value(it->value)) continue;
            Nodes nodes = with_sign(*it, v < 0);
            const int digits = digits_of(nodes);
            found.push_back({std::abs(it->value - a) / a, std::move(nodes), digits});
        }
        for (const ExactValue& fraction : precise_fractions(a, standard_error)) {
            Nodes nodes = with_sign(fraction, v < 0);
            if (std::any_of(found.begin(), found.end(), [&](const Candidate& c) { return c.nodes == nodes; })) continue;
            const int digits = digits_of(nodes);
            found.push_back({std::abs(fraction.value - a) / a, std::move(nodes), digits});
        }
        // integers past the table's rationals, only when the fit already sits on one: a free factor
        // that another constant compensates (c1 * 4521.0003 * x) would otherwise snap to noise. The
        // absolute bound matters for big values: past 1e9 every number is within 1e-9 relative of
        // an integer, and a 10-digit "integer" is a fitted constant in disguise.
        const double n = std::round(a);
        if (n > 100 && n < 0x1p53 && std::abs(n - a) <= std::min(1e-9 * a, 1e-6))
            found.push_back({std::abs(n - a) / a, number(v < 0 ? -n : n), significant_digits(n)});
    }
    std::stable_sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
        if (x.nodes.size() != y.nodes.size()) return x.nodes.size() < y.nodes.size();
        if (x.digits != y.digits) return x.digits < y.digits;
        return x.distance < y.distance;
    });
    if (found.size() > options.tries_per_constant) found.resize(options.tries_per_constant);
    return found;
}

double nearest(const std::vector<Candidate>& candidates) {
    return std::min_element(candidates.begin(), candidates.end(),
                            [](const Candidate& x, const Candidate& y) { return x.distance < y.distance; })
        ->distance;
}

// The tree with its k-th fittable constant (postfix order) replaced by the subtree `nodes`.
Tree substitute(const Tree& tree, std::size_t k, const Nodes& nodes) {
    std::vector<Node> out;
    out.reserve(tree.length() + nodes.size());
    std::size_t seen = 0;
    for (const Node& node : tree.nodes()) {
        if (node.op == Op::Constant && seen++ == k) out.insert(out.end(), nodes.begin(), nodes.end());
        else out.push_back(node);
    }
    return Tree(std::move(out));  // recomputes subtree sizes
}

// One pass over the tree's constants, each snapped to the simplest exact value whose refit loss
// stays within allowed; the tree comes back unsimplified.
Tree snap_each_constant(Tree base, const RefitLoss& refit, const SnapOptions& options, const ConstantErrors& errors,
                        double allowed) {
    // Constants are named by their rank in the original tree. A snapped one leaves the tree, so its
    // current position among the remaining constants is its rank less the snapped ones before it.
    const std::size_t count = base.constant_count();
    std::vector<bool> tried(count, false), snapped(count, false);
    auto position = [&](std::size_t rank) {
        return rank - static_cast<std::size_t>(std::count(snapped.begin(), snapped.begin() + rank, true));
    };

    for (;;) {
        // the most obviously exact constant first, judged on the current (refitted) values
        const auto values = base.constants();
        const auto standard_errors = errors ? errors(base) : std::nullopt;
        const auto error_of = [&](std::size_t at) { return standard_errors ? (*standard_errors)[at] : NAN; };
        std::size_t best = count;
        std::vector<Candidate> best_candidates;
        for (std::size_t rank = 0; rank < count; ++rank) {
            if (tried[rank]) continue;
            // none now may be some later: a redundant constant (1*c*f, an offset inside and one
            // outside) leaves its partner's error unknown until it is snapped away
            auto candidates = candidates_near(values[position(rank)], error_of(position(rank)), options);
            if (candidates.empty()) continue;
            if (best == count || nearest(candidates) < nearest(best_candidates)) {
                best = rank;
                best_candidates = std::move(candidates);
            }
        }
        if (best == count) break;
        tried[best] = true;
        for (const auto& candidate : best_candidates) {
            Tree trial = substitute(base, position(best), candidate.nodes);
            const auto loss = refit(trial);
            if (loss && *loss <= allowed) {
                base = std::move(trial);
                snapped[best] = true;
                break;
            }
        }
    }
    return base;
}

}  // namespace

Tree snap_constants(const Tree& tree, const RefitLoss& refit, const SnapOptions& options, const ConstantErrors& errors) {
    Tree base = tree;
    const auto reference = refit(base);
    if (!reference) return simplify(tree);
    // Every snap is measured against the unsnapped fit, so small losses cannot pile up.
    double tolerance = options.relative_tolerance;
    const std::size_t constants = base.constant_count();
    if (options.rows > constants) tolerance = std::max(tolerance, 4.0 / static_cast<double>(options.rows - constants));
    const double allowed = *reference * (1 + tolerance) + options.absolute_tolerance;
    // Simplifying a snapped tree folds what is left into new constants (c1*0.5*c2, where 0.5 was
    // snapped, is one constant, and often exactly 1 or -1), so snap again while that happens.
    constexpr int rounds = 3;
    for (int round = 0; round < rounds; ++round) {
        const Tree snapped = snap_each_constant(base, refit, options, errors, allowed);
        base = simplify(snapped);
        auto before = snapped.constants(), after = base.constants();
        std::sort(before.begin(), before.end());
        std::sort(after.begin(), after.end());
        const bool folded = !after.empty() && after != before;  // new constants, not just new places
        if (!folded || round + 1 == rounds || !refit(base)) break;
    }
    return base;
}

}  // namespace occam
