#pragma once
// The verdict "exact": the candidate, with its fittable constants refitted on noise-free data from
// the true law, matches the truth within a relative tolerance on fresh points drawn from the
// sampling ranges widened on each side, wherever the truth is defined and finite. Noise in a run
// may change the fitted constants, never this reference.
#include <cstdint>
#include <vector>

#include "occam/sampling.hpp"
#include "occam/tree.hpp"

namespace occam {

struct ExactnessOptions {
    std::size_t fit_rows = 2000;    // noise-free rows the constants are refitted on
    std::size_t test_rows = 10000;  // fresh rows the candidate is compared on
    double widen = 0.25;            // each range grows by this share of its width on each side
    double tolerance = 1e-6;        // largest relative error allowed
    std::uint64_t seed = 20260101;
};

struct ExactnessVerdict {
    bool exact = false;
    double max_relative_error = INFINITY;  // |candidate - truth| / max(|truth|, 1e-3 * rms(truth))
};

// candidate and truth index the same variables, in the order of ranges.
ExactnessVerdict judge_exact(const Tree& candidate, const Tree& truth, const std::vector<VariableRange>& ranges,
                             const ExactnessOptions& options = {});

}  // namespace occam
