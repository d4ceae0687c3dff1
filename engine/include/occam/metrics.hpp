#pragma once
// Goodness-of-fit measures between a target and a prediction of equal length. Every measure has a
// weighted form: with per-row weights w (e.g. 1/sigma^2), means become sum(w x) / sum(w). An empty
// weights array means unweighted, and then the plain formulas run unchanged.
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
// The weighted variance sum(w (y - mean_w)^2) / sum(w), with the same fallback to 1.
double nmse_denominator(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& weights);

// sum(w x) / sum(w); the plain mean when weights is empty.
double weighted_mean(const Eigen::Ref<const Eigen::ArrayXd>& values, const Eigen::Ref<const Eigen::ArrayXd>& weights);

// The loss formulas are ranked by: the weighted mean squared error over nmse_denominator, so that a
// constant target still has a finite scale. Stages that already hold a fit's MSE divide it by
// nmse_denominator themselves. (fit_metrics' nmse is SSE/SST, for reporting.)
double nmse_loss(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction,
                 const Eigen::Ref<const Eigen::ArrayXd>& weights);
double nmse_loss(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction);

FitMetrics fit_metrics(const Eigen::Ref<const Eigen::ArrayXd>& target,
                       const Eigen::Ref<const Eigen::ArrayXd>& prediction);
// Weighted R2, RMSE and NMSE; the largest error is over the rows of positive weight.
FitMetrics fit_metrics(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction,
                       const Eigen::Ref<const Eigen::ArrayXd>& weights);

}  // namespace occam
