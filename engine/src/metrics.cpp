#include "occam/metrics.hpp"

namespace occam {

double nmse_denominator(const Eigen::Ref<const Eigen::ArrayXd>& target) {
    const double variance = (target - target.mean()).square().mean();
    return variance > 0 ? variance : 1.0;
}

double weighted_mean(const Eigen::Ref<const Eigen::ArrayXd>& values, const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    if (weights.size() == 0) return values.mean();
    return (weights * values).sum() / weights.sum();
}

double nmse_denominator(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    if (weights.size() == 0) return nmse_denominator(target);
    const double variance = weighted_mean((target - weighted_mean(target, weights)).square(), weights);
    return variance > 0 ? variance : 1.0;
}

double nmse_loss(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction,
                 const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    return weighted_mean((prediction - target).square(), weights) / nmse_denominator(target, weights);
}

double nmse_loss(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction) {
    return nmse_loss(target, prediction, Eigen::ArrayXd());
}

FitMetrics fit_metrics(const Eigen::Ref<const Eigen::ArrayXd>& target,
                       const Eigen::Ref<const Eigen::ArrayXd>& prediction) {
    FitMetrics m;
    const auto n = static_cast<double>(target.size());
    if (target.size() == 0) return m;
    const Eigen::ArrayXd error = prediction - target;
    const double sse = error.square().sum();
    const double sst = (target - target.mean()).square().sum();
    m.rmse = std::sqrt(sse / n);
    m.nmse = sst > 0 ? sse / sst : (sse > 0 ? INFINITY : 0.0);
    m.r2 = 1.0 - m.nmse;
    m.max_abs_error = error.abs().maxCoeff();
    return m;
}

FitMetrics fit_metrics(const Eigen::Ref<const Eigen::ArrayXd>& target, const Eigen::Ref<const Eigen::ArrayXd>& prediction,
                       const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    if (weights.size() == 0) return fit_metrics(target, prediction);
    FitMetrics m;
    const double total = weights.sum();
    if (target.size() == 0 || !(total > 0)) return m;
    const Eigen::ArrayXd error = prediction - target;
    const double sse = (weights * error.square()).sum();
    const double sst = (weights * (target - weighted_mean(target, weights)).square()).sum();
    m.rmse = std::sqrt(sse / total);
    m.nmse = sst > 0 ? sse / sst : (sse > 0 ? INFINITY : 0.0);
    m.r2 = 1.0 - m.nmse;
    // a row of weight zero is one the user chose to ignore, so its error does not count either
    m.max_abs_error = (weights > 0).select(error.abs(), 0.0).maxCoeff();
    return m;
}

}  // namespace occam
