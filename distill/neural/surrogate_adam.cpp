// Adam on shuffled mini-batches, the learning rate decaying geometrically from the schedule's first
// to its final value over max_iterations epochs. Rows left over after the last full batch of an
// epoch wait for the next shuffle, so every step sees the same number of rows.
#include <algorithm>
#include <cmath>

#include "adam.hpp"
#include "network_gradient.hpp"
#include "surrogate_training.hpp"

namespace occam::detail {

int train_by_adam(TrainingRun& run, Random& rng) {
    const auto& X = run.train_X();
    const auto& y = run.train_y();
    const AdamSchedule& schedule = run.options().adam;
    const int epochs = run.options().max_iterations;
    Eigen::VectorXd parameters = run.best_parameters();
    Adam adam(parameters.size());
    Eigen::VectorXd gradient(parameters.size());
    const Eigen::Index batch = std::min(schedule.batch_rows, X.rows());
    const Eigen::Index batches = X.rows() / batch;
    Eigen::MatrixXd batch_X(batch, X.cols());
    Eigen::VectorXd batch_y(batch);
    const double decay = std::pow(schedule.final_learning_rate / schedule.learning_rate, 1.0 / std::max(1, epochs - 1));
    double learning_rate = schedule.learning_rate;
    int epoch = 0;
    while (epoch < epochs) {
        const auto order = shuffled_order<Eigen::Index>(static_cast<std::size_t>(X.rows()), rng);
        for (Eigen::Index b = 0; b < batches; ++b) {
            for (Eigen::Index i = 0; i < batch; ++i) {
                const Eigen::Index row = order[static_cast<std::size_t>(b * batch + i)];
                batch_X.row(i) = X.row(row);
                batch_y[i] = y[row];
            }
            assign_parameters(run.network(), parameters);
            mean_squared_error_gradient(run.network(), batch_X, batch_y, gradient);
            adam.step(parameters, gradient, learning_rate);
        }
        learning_rate *= decay;
        ++epoch;
        if (!run.record(parameters)) break;
    }
    return epoch;
}

}  // namespace occam::detail
