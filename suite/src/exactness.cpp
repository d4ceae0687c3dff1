#include "occam/exactness.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/interpreter.hpp"

namespace occam {
namespace {

std::vector<VariableRange> widened(std::vector<VariableRange> ranges, double share) {
    for (auto& r : ranges) {
        const double margin = share * (r.high - r.low);
        r.low -= margin;
        r.high += margin;
    }
    return ranges;
}

// A thousandth of the truth's typical size: its median magnitude, not its RMS, which a few huge values
// of a steep law (an exponential of 1/T near T = 0) would raise until every error fell below it.
double relative_error_floor(const Eigen::ArrayXd& expected) {
    std::vector<double> sizes(expected.size());
    for (Eigen::Index i = 0; i < expected.size(); ++i) sizes[static_cast<std::size_t>(i)] = std::abs(expected[i]);
    if (sizes.empty()) return 1e-300;
    const auto middle = sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2);
    std::nth_element(sizes.begin(), middle, sizes.end());
    return std::max(1e-3 * *middle, 1e-300);
}

// The largest relative error of formula on the test rows, with a floor near zero crossings of the
// truth where any relative measure breaks; +Inf where formula is undefined.
double max_relative_error(const Tree& formula, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                          const Eigen::ArrayXd& expected) {
    Eigen::ArrayXd predicted(expected.size());
    if (!Interpreter().evaluate(formula, X, predicted)) return INFINITY;
    const double floor = relative_error_floor(expected);
    return ((predicted - expected).abs() / expected.abs().max(floor)).maxCoeff();
}

// The printed formula exact with its own constants; or each printed constant within three (finite)
// standard errors of its refitted value, or within the tolerance, relative, where the run gave no
// errors, and none a noise term: a constant that can be set to zero with the refitted formula
// staying exact. (Two constants that only act as a product, c1*sqrt(c2*x^2), have no errors of
// their own; printed exactly, they pass the first test.)
bool constants_hold(const Tree& printed, const Tree& refitted, std::span<const double> standard_errors,
                    const Eigen::Ref<const Eigen::ArrayXXd>& X, const Eigen::ArrayXd& expected, double tolerance) {
    if (max_relative_error(printed, X, expected) <= tolerance) return true;
    const auto own = printed.constants();
    const auto refit = refitted.constants();
    if (!standard_errors.empty() && standard_errors.size() != own.size()) return false;
    for (std::size_t i = 0; i < own.size(); ++i) {
        const double error = standard_errors.empty() ? 0.0 : standard_errors[i];
        if (!std::isfinite(error)) return false;  // the run could not pin this constant down
        if (!(std::abs(own[i] - refit[i]) <= std::max(3 * error, tolerance * std::abs(refit[i])))) return false;
        if (own[i] == 0) continue;
        auto without = refit;
        without[i] = 0;
        Tree probe = refitted;
        probe.set_constants(without);
        if (max_relative_error(probe, X, expected) <= tolerance) return false;
    }
    return true;
}

}  // namespace

ExactnessVerdict judge_exact(const Tree& candidate, const Tree& truth, const std::vector<VariableRange>& ranges,
                             const ExactnessOptions& options, std::span<const double> standard_errors) {
    const auto inputs = static_cast<Eigen::Index>(ranges.size());
    Tree refitted = candidate;
    if (refitted.constant_count() > 0) {
        const auto fit_data = sample_formula(truth, ranges, {.rows = options.fit_rows, .seed = options.seed, .target = "\x01truth"});
        ConstantFitter fitter(200);
        fitter.fit(refitted, fit_data.values().leftCols(inputs), fit_data.values().col(inputs), /*use_scaling=*/false);
    }
    // The truth decides where points may fall: sample_formula redraws where it is undefined.
    const auto test = sample_formula(truth, widened(ranges, options.widen),
                                     {.rows = options.test_rows, .seed = options.seed + 1, .target = "\x01truth"});
    const Eigen::ArrayXd expected = test.values().col(inputs);
    const auto X = test.values().leftCols(inputs);
    ExactnessVerdict verdict;
    verdict.max_relative_error = max_relative_error(refitted, X, expected);
    verdict.exact = verdict.max_relative_error <= options.tolerance;
    verdict.exact_as_printed =
        verdict.exact && constants_hold(candidate, refitted, standard_errors, X, expected, options.tolerance);
    return verdict;
}

}  // namespace occam
