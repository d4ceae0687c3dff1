#pragma once
// What to learn: a target column from input columns, with rows shuffled once (by seed) and split
// into training and validation parts, optionally with per-row weights split the same way.
// Everything downstream sees only these matrices.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "occam/dataset.hpp"

namespace occam {

struct SplitOptions {
    double validation_fraction = 0.25;  // share of rows held out for choosing among formulas
    std::uint64_t seed = 1;
    // With fewer rows a held-out part is too small to choose by (7 validation rows of 26 pick a
    // noise fit by chance): every row trains, and the front is ranked by description length
    // (front_builder.hpp) instead.
    std::size_t min_rows_to_hold_out = 100;
};

// The fewest rows a problem accepts: one constant and one row to judge it by, and one more.
inline constexpr long long min_problem_rows = 3;

class Problem {
public:
    // Inputs are every column but the target (and the weights) unless given; input_error for an
    // unknown name, a target or weight column among the inputs, or too few rows for the split.
    // weights, when not empty, names the column of per-row weights (checked by weight_column).
    Problem(const Dataset& data, const std::string& target, std::vector<std::string> inputs = {},
            const SplitOptions& split = {}, const std::string& weights = {});

    // The same rows, split and weights with another target (e.g. the residual of a model).
    Problem with_targets(std::string target_name, Eigen::ArrayXd train_target, Eigen::ArrayXd validation_target) const;

    const std::vector<std::string>& input_names() const { return input_names_; }
    const std::string& target_name() const { return target_name_; }
    const SplitOptions& split() const { return split_; }  // how the rows were split: a new problem on the same data splits alike
    // Whether rows were held out for validation: none when the data were too few (see SplitOptions)
    // or the fraction was 0.
    bool holds_out() const { return validation_y_.size() > 0; }
    const Eigen::ArrayXXd& train_inputs() const { return train_x_; }
    const Eigen::ArrayXd& train_target() const { return train_y_; }
    const Eigen::ArrayXXd& validation_inputs() const { return validation_x_; }
    const Eigen::ArrayXd& validation_target() const { return validation_y_; }

    bool weighted() const { return !weight_name_.empty(); }
    const std::string& weight_name() const { return weight_name_; }  // empty when unweighted
    // Empty arrays when unweighted, which every fitting and scoring function reads as "all equal".
    const Eigen::ArrayXd& train_weights() const { return train_w_; }
    const Eigen::ArrayXd& validation_weights() const { return validation_w_; }

private:
    std::vector<std::string> input_names_;
    std::string target_name_;
    std::string weight_name_;
    SplitOptions split_;
    Eigen::ArrayXXd train_x_, validation_x_;
    Eigen::ArrayXd train_y_, validation_y_;
    Eigen::ArrayXd train_w_, validation_w_;
};

}  // namespace occam
