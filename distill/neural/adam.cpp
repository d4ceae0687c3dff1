#include "adam.hpp"

#include <fmt/format.h>

#include <cmath>

#include "occam/error.hpp"

namespace occam {

Adam::Adam(Eigen::Index parameter_count, AdamOptions options)
    : options_(options),
      mean_(Eigen::VectorXd::Zero(parameter_count)),
      square_(Eigen::VectorXd::Zero(parameter_count)) {}

void Adam::step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::Ref<const Eigen::VectorXd>& gradient,
                double learning_rate) {
    if (parameters.size() != mean_.size() || gradient.size() != mean_.size())
        throw input_error(fmt::format("Adam holds {} parameters, got {} and a gradient of {}", mean_.size(),
                                      parameters.size(), gradient.size()));
    ++steps_;
    mean_ = options_.beta1 * mean_ + (1 - options_.beta1) * gradient;
    square_ = options_.beta2 * square_ + (1 - options_.beta2) * gradient.cwiseAbs2();
    const double t = static_cast<double>(steps_);
    const double mean_correction = 1 - std::pow(options_.beta1, t);
    const double square_correction = 1 - std::pow(options_.beta2, t);
    parameters.array() -= learning_rate / mean_correction * mean_.array() /
                          ((square_.array() / square_correction).sqrt() + options_.epsilon);
}

}  // namespace occam
