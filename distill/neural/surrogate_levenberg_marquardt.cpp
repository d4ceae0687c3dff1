// Levenberg-Marquardt on the network's weights: each step solves (J^T J + lambda I) delta = -J^T r
// over all training rows. lambda follows Nielsen's rule (Madsen, Nielsen & Tingleff, "Methods for
// non-linear least squares problems", 2004): shrunk by the gain ratio of an accepted step, doubled
// ever faster on rejections. Plain identity damping: the inputs and the output are standardised,
// and in measurement it beat Marquardt's diag(J^T J) scaling on four of five Feynman laws.
#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>

#include "network_gradient.hpp"
#include "surrogate_training.hpp"

namespace occam::detail {

int train_by_levenberg_marquardt(TrainingRun& run) {
    constexpr int max_rejections = 30;  // lambda grows at least 2^30-fold before giving up
    const auto& X = run.train_X();
    const auto& y = run.train_y();
    const double rows = static_cast<double>(X.rows());
    Eigen::VectorXd parameters = run.best_parameters();
    Eigen::MatrixXd jtj, system;
    Eigen::VectorXd jtr;
    double damping = -1;
    double growth = 2;
    int iterations = 0;
    while (iterations < run.options().max_iterations) {
        assign_parameters(run.network(), parameters);
        const double loss = gauss_newton_system(run.network(), X, y, jtj, jtr);
        if (damping < 0) damping = 1e-3 * jtj.diagonal().maxCoeff();
        bool accepted = false;
        for (int rejection = 0; rejection < max_rejections && !accepted; ++rejection) {
            system = jtj;
            system.diagonal().array() += damping;
            const Eigen::LLT<Eigen::MatrixXd> cholesky(system);
            Eigen::VectorXd step;
            double trial_loss = INFINITY;
            if (cholesky.info() == Eigen::Success) {
                step = -cholesky.solve(jtr);
                assign_parameters(run.network(), parameters + step);
                trial_loss = mean_squared_error(run.network(), X, y);
            }
            if (trial_loss < loss) {
                // decrease predicted by the damped quadratic model, in the same mean-square units
                const double predicted = step.dot(damping * step - jtr) / rows;
                const double gain = (loss - trial_loss) / std::max(predicted, 1e-300);
                damping *= std::max(1.0 / 3, 1 - std::pow(2 * gain - 1, 3));
                growth = 2;
                parameters += step;
                accepted = true;
            } else {
                damping *= growth;
                growth *= 2;
            }
        }
        if (!accepted) break;  // no step decreases the loss: a minimum, to rounding
        ++iterations;
        if (!run.record(parameters)) break;
    }
    return iterations;
}

}  // namespace occam::detail
