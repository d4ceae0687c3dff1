#include "occam/weights.hpp"

#include <fmt/format.h>

#include "occam/error.hpp"

namespace occam {

Eigen::ArrayXd weight_column(const Dataset& data, std::string_view name, std::string_view target,
                             std::string_view source) {
    const auto column = data.find(name);
    if (!column)
        throw input_error(fmt::format("--weights: unknown column \"{}\" in {}; columns are: {}", name, source,
                                      fmt::join(data.names(), ", ")));
    if (name == target) throw input_error(fmt::format("--weights: the weight column \"{}\" is the target", name));
    const Eigen::ArrayXd weights = data.values().col(static_cast<Eigen::Index>(*column));
    for (Eigen::Index row = 0; row < weights.size(); ++row) {
        // rows are counted from 1 after the header, as a spreadsheet user counts them
        if (!std::isfinite(weights[row]))
            throw input_error(fmt::format("--weights: column \"{}\" holds NaN or Inf (data row {})", name, row + 1));
        if (weights[row] < 0)
            throw input_error(fmt::format("--weights: column \"{}\" holds a negative weight, {} (data row {})", name,
                                          weights[row], row + 1));
    }
    if (!(weights > 0).any()) throw input_error(fmt::format("--weights: column \"{}\" is all zero", name));
    return weights;
}

}  // namespace occam
