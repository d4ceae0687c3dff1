#include "occam/exactness.hpp"

#include <algorithm>
#include <cmath>

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

// Each printed constant within three standard errors of its refitted value (or within the tolerance,
// relative, where the run gave none), and none that the refit drives to zero.
bool constants_hold(const Tree& printed, const Tree& refitted, std::span<const double> standard_errors,
                    double tolerance) {
    const auto own = printed.constants();
    const auto refit = refitted.constants();
    const bool with_errors = standard_errors.size() == own.size();
    for (std::size_t i = 0; i < own.size(); ++i) {
        if (own[i] != 0 && std::abs(refit[i]) <= 1e-6 * std::abs(own[i])) return false;  // a noise term
        const double allowed = std::max(with_errors ? 3 * standard_errors[i] : 0.0, tolerance * std::abs(refit[i]));
        if (!(std::abs(own[i] - refit[i]) <= allowed)) return false;
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
    Eigen::ArrayXd predicted(test.rows());
    Interpreter interpreter;
    ExactnessVerdict verdict;
    if (!interpreter.evaluate(refitted, test.values().leftCols(inputs), predicted)) return verdict;
    // relative error, with a floor near zero crossings of the truth where any relative measure breaks
    const double floor = std::max(1e-3 * std::sqrt(expected.square().mean()), 1e-300);
    verdict.max_relative_error = ((predicted - expected).abs() / expected.abs().max(floor)).maxCoeff();
    verdict.exact = verdict.max_relative_error <= options.tolerance;
    verdict.exact_as_printed =
        verdict.exact && constants_hold(candidate, refitted, standard_errors, options.tolerance);
    return verdict;
}

}  // namespace occam
