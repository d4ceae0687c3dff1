#pragma once
// Synthetic data from a known formula: inputs drawn uniformly from ranges, optional Gaussian noise.
#include <cstdint>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/tree.hpp"

namespace occam {

struct VariableRange {
    std::string name;
    double low = 0;
    double high = 1;
};

struct SampleOptions {
    std::size_t rows = 1000;
    std::uint64_t seed = 1;
    double noise = 0;  // sd of added Gaussian noise, as a fraction of the target's RMS
    std::string target = "y";
};

// Columns: the variables in the order given, then the target. Rows where the formula is undefined
// (NaN/Inf) are drawn again; input_error if the formula is undefined almost everywhere.
Dataset sample_formula(const Tree& formula, const std::vector<VariableRange>& ranges,
                       const SampleOptions& options);

}  // namespace occam
