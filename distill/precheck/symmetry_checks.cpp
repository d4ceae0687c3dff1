#include "occam/symmetry_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "occam/random.hpp"
#include "median.hpp"

namespace occam {
namespace {

constexpr std::size_t min_points = 10;  // fewer usable test points: the hypothesis is not judged
constexpr double control_share = 1.0 / 3;  // see check_pair

double rms(const Eigen::ArrayXd& values) { return std::sqrt(values.square().mean()); }
double spread(const Eigen::ArrayXd& values) { return rms(values - values.mean()); }

struct Ranges {
    Eigen::ArrayXd low, high;
    explicit Ranges(const Eigen::ArrayXXd& data) : low(data.colwise().minCoeff()), high(data.colwise().maxCoeff()) {}
    bool inside(std::size_t column, double value) const {
        return value >= low[static_cast<Eigen::Index>(column)] && value <= high[static_cast<Eigen::Index>(column)];
    }
    double width(std::size_t column) const {
        return high[static_cast<Eigen::Index>(column)] - low[static_cast<Eigen::Index>(column)];
    }
};

// The pair moved along the symmetry by step (a shift or a factor), or nothing if that leaves the data's ranges.
std::optional<std::pair<double, double>> moved(PairSymmetry kind, double xi, double xj, double step) {
    switch (kind) {
        case PairSymmetry::difference: return std::pair{xi + step, xj + step};
        case PairSymmetry::sum: return std::pair{xi + step, xj - step};
        case PairSymmetry::ratio: return std::pair{xi * step, xj * step};
        case PairSymmetry::product: return std::pair{xi * step, xj / step};
    }
    return std::nullopt;
}

Evidence evidence_of(double error, const CheckSettings& settings) { return {error, settings.threshold}; }

// log(f'/f) at a point, NaN where f changes sign or is zero; before and after are logs already
// with log_magnitude.
double log_ratio(double before, double after, bool log_magnitude) {
    if (log_magnitude) return after - before;
    return before != 0 && after / before > 0 ? std::log(after / before) : NAN;
}

// The k of f(s x_i, s x_j) = s^k f(x_i, x_j) that the points suggest (median of log(f'/f)/log s
// over points where f keeps its sign), rounded to a multiple of 1/2 as exponents in physical laws
// are; 0 when the points say nothing or suggest more than 4.
double scaling_degree(const Eigen::ArrayXd& before, const Eigen::ArrayXd& after, const std::vector<double>& factors,
                      bool log_magnitude) {
    std::vector<double> degrees;
    for (Eigen::Index k = 0; k < before.size(); ++k)
        if (const double ratio = log_ratio(before[k], after[k], log_magnitude); std::isfinite(ratio))
            degrees.push_back(ratio / std::log(factors[static_cast<std::size_t>(k)]));
    if (degrees.size() < min_points) return 0;
    const double degree = std::round(2 * detail::median(std::move(degrees))) / 2;
    return std::abs(degree) <= 4 ? degree : 0;
}

std::optional<PairSymmetryVerdict> check_pair(const Oracle& f, const Eigen::ArrayXXd& data, const Ranges& ranges,
                                              PairSymmetry kind, std::size_t i, std::size_t j,
                                              const CheckSettings& settings) {
    const bool additive = kind == PairSymmetry::difference || kind == PairSymmetry::sum;
    const auto one_sign = [&](std::size_t c) {
        return ranges.low[static_cast<Eigen::Index>(c)] * ranges.high[static_cast<Eigen::Index>(c)] > 0;
    };
    // x_i/x_j needs a divisor that keeps away from zero; a difference crossing zero may be the
    // numerator (theta - theta1 over sigma in I.6.2b). x_i*x_j/s: both of one sign.
    if (kind == PairSymmetry::ratio && !one_sign(j)) {
        if (!one_sign(i)) return std::nullopt;
        std::swap(i, j);
    }
    if (kind == PairSymmetry::product && !(one_sign(i) && one_sign(j))) return std::nullopt;
    const double shift = 0.25 * std::min(ranges.width(i), ranges.width(j));
    const std::array<double, 2> steps = additive ? std::array{shift, -shift} : std::array{1.25, 1 / 1.25};
    Random random(settings.seed);
    std::vector<Eigen::Index> rows;
    std::vector<std::pair<double, double>> moves;
    std::vector<double> factors;  // the step each move took
    for (std::size_t attempt = 0; attempt < 4 * settings.points && rows.size() < settings.points; ++attempt) {
        const auto row = static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(data.rows())));
        const double xi = data(row, static_cast<Eigen::Index>(i)), xj = data(row, static_cast<Eigen::Index>(j));
        for (double step : steps) {
            const auto pair = moved(kind, xi, xj, step);
            if (pair && ranges.inside(i, pair->first) && ranges.inside(j, pair->second)) {
                rows.push_back(row);
                moves.push_back(*pair);
                factors.push_back(step);
                break;
            }
        }
    }
    if (rows.size() < min_points) return std::nullopt;
    const auto n = static_cast<Eigen::Index>(rows.size());
    // each point, moved along the symmetry, and with x_i alone moved as far (the control)
    Eigen::ArrayXXd points(3 * n, data.cols());
    for (Eigen::Index k = 0; k < n; ++k) {
        points.row(k) = data.row(rows[static_cast<std::size_t>(k)]);
        points.row(n + k) = points.row(k);
        points(n + k, static_cast<Eigen::Index>(i)) = moves[static_cast<std::size_t>(k)].first;
        points(n + k, static_cast<Eigen::Index>(j)) = moves[static_cast<std::size_t>(k)].second;
        points.row(2 * n + k) = points.row(k);
        points(2 * n + k, static_cast<Eigen::Index>(i)) = moves[static_cast<std::size_t>(k)].first;
    }
    const Eigen::ArrayXd all_values = f(points);
    const Eigen::ArrayXd values = all_values.head(2 * n);
    const double scale = spread(values.head(n));
    if (!values.allFinite() || scale == 0) return std::nullopt;
    // A pair that barely moves the target passes any symmetry within the oracle's error (m_0 times
    // a factor of v/c between 1 and 1.35 "depends on v - c" under 1 % noise): the move along the
    // symmetry must leave at most a third of what moving x_i alone changes, measured where that
    // move stays in f's domain (x_i alone may leave it: sqrt(x_i - x_j)).
    const Eigen::ArrayXd control_change = all_values.tail(n) - values.head(n);
    const auto finite = control_change.isFinite();
    CheckSettings with_control = settings;
    if (finite.count() >= static_cast<Eigen::Index>(min_points)) {
        const double control = std::sqrt(finite.select(control_change.square(), 0.0).sum() / static_cast<double>(finite.count())) / scale;
        with_control.threshold = std::min(settings.threshold, control_share * control);
    }
    double degree = kind == PairSymmetry::ratio
                        ? scaling_degree(values.head(n), values.tail(n), factors, settings.log_magnitude)
                        : 0;
    if (degree != std::round(degree) && ranges.high[static_cast<Eigen::Index>(j)] < 0) degree = 0;  // x_j^(1/2) undefined
    Eigen::ArrayXd expected = values.head(n);
    if (degree != 0)
        for (Eigen::Index k = 0; k < n; ++k) {
            const double factor = factors[static_cast<std::size_t>(k)];
            if (settings.log_magnitude) expected[k] += degree * std::log(factor);
            else expected[k] *= std::pow(factor, degree);
        }
    return PairSymmetryVerdict{kind, i, j, evidence_of(rms(values.tail(n) - expected) / scale, with_control), degree};
}

// RMS of t(a,b) + t(a',b') - t(a,b') - t(a',b) over the spread of t, for the four blocks of n
// values the separability test asks about; nothing when t is not finite or does not vary.
std::optional<double> additive_violation(const Eigen::ArrayXd& t, Eigen::Index n) {
    if (!t.allFinite()) return std::nullopt;
    const double scale = spread(t.head(2 * n));
    if (scale == 0) return std::nullopt;
    return rms(t.segment(0, n) + t.segment(n, n) - t.segment(2 * n, n) - t.segment(3 * n, n)) / scale;
}

std::vector<std::vector<std::size_t>> splits(std::size_t inputs) {
    std::vector<std::vector<std::size_t>> groups;
    if (inputs <= 6) {
        // subsets holding input 0, neither empty nor everything: each split once
        for (std::size_t mask = 1; mask < (std::size_t{1} << inputs) - 1; mask += 2) {
            std::vector<std::size_t> group;
            for (std::size_t c = 0; c < inputs; ++c)
                if (mask & (std::size_t{1} << c)) group.push_back(c);
            groups.push_back(group);
        }
        return groups;
    }
    for (std::size_t a = 0; a < inputs; ++a) {
        groups.push_back({a});
        for (std::size_t b = a + 1; b < inputs; ++b) groups.push_back({a, b});
    }
    return groups;
}

}  // namespace

double surrogate_threshold(double relative_rmse) { return std::max(5 * relative_rmse, 1e-4); }

std::string describe(PairSymmetry kind, const std::string& first, const std::string& second) {
    switch (kind) {
        case PairSymmetry::difference: return fmt::format("{} - {}", first, second);
        case PairSymmetry::ratio: return fmt::format("{}/{}", first, second);
        case PairSymmetry::product: return fmt::format("{}*{}", first, second);
        case PairSymmetry::sum: return fmt::format("{} + {}", first, second);
    }
    return {};
}

std::string describe(const PairSymmetryVerdict& verdict, const std::string& first, const std::string& second) {
    const std::string pair = describe(verdict.kind, first, second);
    if (verdict.degree == 0) return pair;
    if (verdict.degree == 1) return fmt::format("{} (times {})", pair, second);
    return fmt::format("{} (times {}^{})", pair, second, verdict.degree);
}

std::string_view transform_name(OutputTransform transform) {
    constexpr std::array names{"f", "f^2", "sqrt(f)", "log(f)", "exp(f)", "1/f"};
    return names.at(static_cast<std::size_t>(transform));
}

std::optional<Eigen::ArrayXd> transformed(OutputTransform transform, const Eigen::ArrayXd& f) {
    switch (transform) {
        case OutputTransform::identity: return f;
        case OutputTransform::square: return f.square();
        case OutputTransform::sqrt:
            if ((f < 0).any()) return std::nullopt;
            return f.sqrt();
        case OutputTransform::log:
            if ((f <= 0).any()) return std::nullopt;
            return f.log();
        case OutputTransform::exp:
            if ((f > 700).any()) return std::nullopt;
            return f.exp();
        case OutputTransform::inverse:
            if ((f == 0).any()) return std::nullopt;
            return f.inverse();
    }
    return std::nullopt;
}

std::vector<PairSymmetryVerdict> check_pair_symmetries(const Oracle& f, const Eigen::ArrayXXd& data_inputs,
                                                       const CheckSettings& settings) {
    const Ranges ranges(data_inputs);
    std::vector<PairSymmetryVerdict> verdicts;
    const auto inputs = static_cast<std::size_t>(data_inputs.cols());
    for (std::size_t i = 0; i < inputs; ++i)
        for (std::size_t j = i + 1; j < inputs; ++j)
            for (PairSymmetry kind : {PairSymmetry::difference, PairSymmetry::ratio, PairSymmetry::product, PairSymmetry::sum})
                if (auto verdict = check_pair(f, data_inputs, ranges, kind, i, j, settings)) verdicts.push_back(*verdict);
    return verdicts;
}

std::vector<SeparabilityVerdict> check_separability(const Oracle& f, const Eigen::ArrayXXd& data_inputs,
                                                    const CheckSettings& settings) {
    std::vector<SeparabilityVerdict> verdicts;
    const auto inputs = static_cast<std::size_t>(data_inputs.cols());
    if (inputs < 2 || data_inputs.rows() < 2) return verdicts;
    for (const auto& group : splits(inputs)) {
        Random random(settings.seed);
        const auto n = static_cast<Eigen::Index>(settings.points);
        // rows 0..n-1: (a, b); n..2n-1: (a', b'); then (a, b') and (a', b)
        Eigen::ArrayXXd points(4 * n, data_inputs.cols());
        for (Eigen::Index k = 0; k < n; ++k) {
            const auto first = static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(data_inputs.rows())));
            const auto second = static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(data_inputs.rows())));
            points.row(k) = data_inputs.row(first);
            points.row(n + k) = data_inputs.row(second);
            points.row(2 * n + k) = data_inputs.row(second);
            points.row(3 * n + k) = data_inputs.row(first);
            for (std::size_t c : group) {
                points(2 * n + k, static_cast<Eigen::Index>(c)) = data_inputs(first, static_cast<Eigen::Index>(c));
                points(3 * n + k, static_cast<Eigen::Index>(c)) = data_inputs(second, static_cast<Eigen::Index>(c));
            }
        }
        const Eigen::ArrayXd values = f(points);
        if (!values.allFinite()) continue;
        if (settings.log_magnitude) {
            // values are log|f|: a product g*h adds in the logs, a sum adds in exp(log|f|) = |f|
            if (const auto error = additive_violation(values, n))
                verdicts.push_back({Separation::multiplicative, OutputTransform::identity, group, evidence_of(*error, settings)});
            if (const auto error = additive_violation(values.exp(), n))
                verdicts.push_back({Separation::additive, OutputTransform::identity, group, evidence_of(*error, settings)});
            continue;
        }
        for (OutputTransform transform : {OutputTransform::identity, OutputTransform::square, OutputTransform::sqrt,
                                          OutputTransform::log, OutputTransform::exp, OutputTransform::inverse}) {
            const auto t = transformed(transform, values);
            if (!t) continue;
            if (const auto error = additive_violation(*t, n))
                verdicts.push_back({Separation::additive, transform, group, evidence_of(*error, settings)});
        }
        const double product_scale = rms(values.segment(0, n) * values.segment(n, n));
        if (product_scale > 0) {
            const Eigen::ArrayXd violation =
                values.segment(0, n) * values.segment(n, n) - values.segment(2 * n, n) * values.segment(3 * n, n);
            verdicts.push_back({Separation::multiplicative, OutputTransform::identity, group,
                                evidence_of(rms(violation) / product_scale, settings)});
        }
    }
    std::stable_sort(verdicts.begin(), verdicts.end(), [](const SeparabilityVerdict& a, const SeparabilityVerdict& b) {
        if (a.evidence.accepted() != b.evidence.accepted()) return a.evidence.accepted();
        return a.evidence.error / a.evidence.threshold < b.evidence.error / b.evidence.threshold;
    });
    return verdicts;
}

}  // namespace occam
