#pragma once
// Per-row weights for a weighted fit (e.g. 1/sigma^2 from measurement uncertainties): a data column
// that is neither the target nor an input of the formulas.
#include <Eigen/Core>
#include <string_view>

#include "occam/dataset.hpp"

namespace occam {

// The values of column `name` of data, checked: input_error (naming source) for an unknown column,
// the target itself, or values that are negative, NaN or Inf, or all zero.
Eigen::ArrayXd weight_column(const Dataset& data, std::string_view name, std::string_view target,
                             std::string_view source);

}  // namespace occam
