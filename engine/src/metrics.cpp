#include "occam/metrics.hpp"

namespace occam {

double nmse_denominator(const Eigen::Ref<const Eigen::ArrayXd>& target) {
    const double variance = (target - target.mean()).square().mean();
    return variance > 0 ? variance : 1.0;
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

}  // namespace occam
