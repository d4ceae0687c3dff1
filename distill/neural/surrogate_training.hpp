#pragma once
// What the surrogate's trainers share (internal to distill/): the network, its standardised training
// and validation rows, and the early-stopping bookkeeping that keeps the best weights seen.
#include <Eigen/Core>
#include <chrono>

#include "occam/feed_forward.hpp"
#include "occam/random.hpp"
#include "occam/surrogate.hpp"

namespace occam::detail {

class TrainingRun {
public:
    TrainingRun(FeedForward& network, Eigen::MatrixXd train_X, Eigen::VectorXd train_y, Eigen::MatrixXd valid_X,
                Eigen::VectorXd valid_y, const SurrogateOptions& options);

    FeedForward& network() { return network_; }
    const Eigen::MatrixXd& train_X() const { return train_X_; }
    const Eigen::VectorXd& train_y() const { return train_y_; }
    const SurrogateOptions& options() const { return options_; }

    // Scores parameters on the validation rows, keeps them if they are the best so far, and says
    // whether training should go on (patience and time limit both left).
    bool record(const Eigen::VectorXd& parameters);

    const Eigen::VectorXd& best_parameters() const { return best_; }
    double best_validation_mse() const { return best_loss_; }
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
    bool time_limit_reached() const { return seconds() > options_.time_limit_seconds; }

private:
    FeedForward& network_;
    Eigen::MatrixXd train_X_, valid_X_;
    Eigen::VectorXd train_y_, valid_y_;
    const SurrogateOptions& options_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    Eigen::VectorXd best_;
    double best_loss_;
    int since_best_ = 0;
};

// Each returns the iterations it ran; the best weights are in run.best_parameters().
int train_by_levenberg_marquardt(TrainingRun& run);
int train_by_adam(TrainingRun& run, Random& rng);

}  // namespace occam::detail
