#include "occam/exactness.hpp"

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

}  // namespace

ExactnessVerdict judge_exact(const Tree& candidate, const Tree& truth, const std::vector<VariableRange>& ranges,
                             const ExactnessOptions& options) {
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
    return verdict;
}

}  // namespace occam
