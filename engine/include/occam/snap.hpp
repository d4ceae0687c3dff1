#pragma once
// Constant snapping: replace fitted constants by nearby exact values (small rationals, multiples and
// powers of pi, square roots of small integers; where the errors fix a constant to 1e-9, fractions of
// terms up to 200 times a power of pi) when the data allow it. Turns 0.49999997 into 1/2, and a
// constant the data leave undetermined (its error infinite: it trades against another) into 1.
#include <functional>
#include <optional>

#include "occam/tree.hpp"

namespace occam {

struct SnapOptions {
    // A snap is kept when loss_after <= loss_before * (1 + tolerance) + absolute_tolerance, the
    // tolerance being relative_tolerance or, with rows given, what a step of two standard errors
    // costs a least-squares fit, 4/(rows - constants), whichever is larger.
    double relative_tolerance = 1e-3;
    double absolute_tolerance = 1e-14;
    std::size_t rows = 0;  // rows the constants are fitted on; 0: unknown
    // Exact values within this relative distance of a constant are candidates, and plain ones
    // (0 within two standard errors; small integers, halves, thirds, quarters within one) when
    // errors are known; the simplest few are tried, each with one refit.
    double search_radius = 1e-3;
    std::size_t tries_per_constant = 4;
};

// The standard errors of a tree's fittable constants (postfix order), or nullopt when unknown.
using ConstantErrors = std::function<std::optional<std::vector<double>>(const Tree&)>;

// refit: fits the remaining fittable constants of the tree in place and returns its loss, or nullopt
// when the tree cannot be evaluated. Called on the original, once per candidate snap, and once
// more for each round that simplifying a snapped tree folds constants together.
using RefitLoss = std::function<std::optional<double>(Tree&)>;

// errors, when given, widens each constant's window to the standard error for plain values: a value
// the data cannot tell from the fit (0 for an intercept within its noise) is then tried first.
Tree snap_constants(const Tree& tree, const RefitLoss& refit, const SnapOptions& options = {},
                    const ConstantErrors& errors = {});

}  // namespace occam
