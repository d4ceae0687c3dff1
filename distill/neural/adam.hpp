#pragma once
// Adam (Kingma & Ba 2015) on a flat parameter vector: per-parameter step sizes from running averages
// of the gradient and of its square, with the usual bias correction.
#include <Eigen/Core>

namespace occam {

struct AdamOptions {
    double beta1 = 0.9;     // decay of the gradient's running mean
    double beta2 = 0.999;   // decay of the squared gradient's running mean
    double epsilon = 1e-8;  // keeps the step finite where the squared gradient is ~0
};

class Adam {
public:
    explicit Adam(Eigen::Index parameter_count, AdamOptions options = {});

    // parameters -= learning_rate * corrected mean / (sqrt(corrected square) + epsilon)
    void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::Ref<const Eigen::VectorXd>& gradient,
              double learning_rate);

    long steps() const { return steps_; }

private:
    AdamOptions options_;
    Eigen::VectorXd mean_;
    Eigen::VectorXd square_;
    long steps_ = 0;
};

}  // namespace occam
