#pragma once
// Goodness-of-fit measures between a target and a prediction of equal length.
#include <Eigen/Core>

namespace occam {

struct FitMetrics {
    double r2 = 0;         // 1 - SSE / SST
    double rmse = 0;       // sqrt(mean squared error)
    double nmse = 0;       // mean squared error / variance of the target
    double max_abs_error = 0;
};

// The denominator of NMSE: the target's variance, or 1 for a constant target (NMSE is then the
// plain mean squared error instead of a ratio to zero).
double nmse_denominator(const Eigen::Ref<const Eigen::ArrayXd>& target);

FitMetrics fit_metrics(const Eigen::Ref<const Eigen::ArrayXd>& target,
                       const Eigen::Ref<const Eigen::ArrayXd>& prediction);

}  // namespace occam
