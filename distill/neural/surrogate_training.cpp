#include "surrogate_training.hpp"

#include "network_gradient.hpp"

namespace occam::detail {

TrainingRun::TrainingRun(FeedForward& network, Eigen::MatrixXd train_X, Eigen::VectorXd train_y,
                         Eigen::MatrixXd valid_X, Eigen::VectorXd valid_y, const SurrogateOptions& options)
    : network_(network),
      train_X_(std::move(train_X)),
      valid_X_(std::move(valid_X)),
      train_y_(std::move(train_y)),
      valid_y_(std::move(valid_y)),
      options_(options),
      best_(flatten_parameters(network)),
      best_loss_(mean_squared_error(network, valid_X_, valid_y_)) {}

bool TrainingRun::record(const Eigen::VectorXd& parameters) {
    assign_parameters(network_, parameters);
    const double loss = mean_squared_error(network_, valid_X_, valid_y_);
    if (loss < best_loss_) {
        best_loss_ = loss;
        best_ = parameters;
        since_best_ = 0;
    } else {
        ++since_best_;
    }
    return since_best_ < options_.patience && !time_limit_reached();
}

}  // namespace occam::detail
