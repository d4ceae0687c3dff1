#include "occam/sampling.hpp"

#include <fmt/format.h>

#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/random.hpp"

namespace occam {

Dataset sample_formula(const Tree& formula, const std::vector<VariableRange>& ranges,
                       const SampleOptions& options) {
    const auto n_vars = static_cast<Eigen::Index>(ranges.size());
    const auto wanted = static_cast<Eigen::Index>(options.rows);
    if (wanted == 0) throw input_error("cannot sample 0 rows");
    if (!(options.noise >= 0)) throw input_error(fmt::format("noise {}: expected a level of at least 0", options.noise));
    for (const auto& r : ranges) {
        if (!(r.low <= r.high) || !std::isfinite(r.low) || !std::isfinite(r.high))
            throw input_error(fmt::format("variable {}: range {}:{} is not a finite interval", r.name,
                                          r.low, r.high));
    }
    Random rng(options.seed);
    Eigen::ArrayXXd values(wanted, n_vars + 1);
    Eigen::Index filled = 0;
    std::vector<double> row(ranges.size());
    // Draw in row order and keep only rows where the formula is defined: the values of a kept row
    // depend on the seed alone, not on the batch they were drawn in.
    const Eigen::Index max_draws = 100 * wanted + 1000;
    for (Eigen::Index draws = 0; filled < wanted; ++draws) {
        if (draws == max_draws)
            throw input_error("the formula is undefined (NaN or Inf) on almost all of the sampling ranges");
        for (Eigen::Index v = 0; v < n_vars; ++v) row[v] = rng.uniform(ranges[v].low, ranges[v].high);
        const double y = evaluate_scalar(formula, row);
        if (!std::isfinite(y)) continue;
        for (Eigen::Index v = 0; v < n_vars; ++v) values(filled, v) = row[v];
        values(filled, n_vars) = y;
        ++filled;
    }
    if (options.noise > 0) {
        const double rms = values.col(n_vars).matrix().stableNorm() / std::sqrt(static_cast<double>(wanted));
        for (Eigen::Index i = 0; i < wanted; ++i) values(i, n_vars) += options.noise * rms * rng.normal();
    }
    std::vector<std::string> names;
    for (const auto& r : ranges) names.push_back(r.name);
    names.push_back(options.target);
    return Dataset(std::move(names), std::move(values));
}

}  // namespace occam
