#include "occam/description_length.hpp"

#include <algorithm>
#include <cmath>

#include "occam/operators.hpp"

namespace occam {

double description_length(double nmse, std::size_t rows, std::size_t constants, int complexity, std::size_t symbols) {
    constexpr double loss_floor = 1e-24;
    const auto n = static_cast<double>(rows);
    const auto p = static_cast<double>(constants);
    if (p >= n - 1) return INFINITY;
    return n / 2 * std::log(std::max(nmse, loss_floor)) + p / 2 * std::log(n) + p * (p + 1) / (n - p - 1) +
           complexity * std::log(static_cast<double>(symbols));
}

std::size_t formula_symbols(std::size_t inputs) { return op_count + inputs; }

}  // namespace occam
