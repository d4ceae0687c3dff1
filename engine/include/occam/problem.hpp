#pragma once
// What to learn: a target column from input columns, with rows shuffled once (by seed) and split
// into training and validation parts. Everything downstream sees only these matrices.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "occam/dataset.hpp"

namespace occam {

struct SplitOptions {
    double validation_fraction = 0.25;  // share of rows held out for choosing among formulas
    std::uint64_t seed = 1;
};

class Problem {
public:
    // Inputs are every column but the target unless given; input_error for an unknown name, a
    // target among the inputs, or too few rows for the split.
    Problem(const Dataset& data, const std::string& target, std::vector<std::string> inputs = {},
            const SplitOptions& split = {});

    const std::vector<std::string>& input_names() const { return input_names_; }
    const std::string& target_name() const { return target_name_; }
    const Eigen::ArrayXXd& train_inputs() const { return train_x_; }
    const Eigen::ArrayXd& train_target() const { return train_y_; }
    const Eigen::ArrayXXd& validation_inputs() const { return validation_x_; }
    const Eigen::ArrayXd& validation_target() const { return validation_y_; }

private:
    std::vector<std::string> input_names_;
    std::string target_name_;
    Eigen::ArrayXXd train_x_, validation_x_;
    Eigen::ArrayXd train_y_, validation_y_;
};

}  // namespace occam
