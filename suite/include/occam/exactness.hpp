#pragma once
// The verdict "exact": the candidate, with its fittable constants refitted on noise-free data from
// the true law, matches the truth within a relative tolerance on fresh points drawn from the
// sampling ranges widened on each side, wherever the truth is defined and finite. Noise in a run
// may change the fitted constants, never this reference.
//
// "Exact as printed" is stricter: the formula must also be right with the constants it was printed
// with. Either it is exact as it stands (within the tolerance, its own constants unchanged: then no
// term it holds can matter beyond the tolerance either), or each constant is within three standard
// errors (of the run's fit, finite) of its refitted value and none is a noise term: one that can be
// set to zero with the refitted formula staying exact (a fitted piece of the noise, such as
// `mu*Nn - 0.00145`).
#include <cstdint>
#include <span>
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
    bool exact = false;             // after the constants are refitted on the truth
    bool exact_as_printed = false;  // exact, and with its own constants (see above)
    double max_relative_error = INFINITY;  // |candidate - truth| / max(|truth|, 1e-3 * rms(truth))
};

// candidate and truth index the same variables, in the order of ranges. standard_errors, one per
// fittable constant of candidate in postfix order, come from the run's fit; without them a constant
// must match its refitted value to the tolerance.
ExactnessVerdict judge_exact(const Tree& candidate, const Tree& truth, const std::vector<VariableRange>& ranges,
                             const ExactnessOptions& options = {}, std::span<const double> standard_errors = {});

}  // namespace occam
