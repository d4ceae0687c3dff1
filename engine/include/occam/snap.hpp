#pragma once
// Constant snapping: replace fitted constants by nearby exact values (small rationals, multiples and
// powers of pi, square roots of small integers) when the data allow it. Turns 0.49999997 into 1/2.
#include <functional>
#include <optional>

#include "occam/tree.hpp"

namespace occam {

struct SnapOptions {
    // A snap is kept when loss_after <= loss_before * (1 + relative_tolerance) + absolute_tolerance.
    double relative_tolerance = 1e-3;
    double absolute_tolerance = 1e-14;
    // Exact values within this relative distance of a constant are candidates (a constant smaller
    // than this in magnitude may also become 0); the nearest few are tried, each with one refit.
    double search_radius = 1e-3;
    std::size_t tries_per_constant = 4;
};

// refit: fits the remaining fittable constants of the tree in place and returns its loss, or nullopt
// when the tree cannot be evaluated. Called on the original, once per candidate snap, and once
// more for each round that simplifying a snapped tree folds constants together.
using RefitLoss = std::function<std::optional<double>(Tree&)>;

Tree snap_constants(const Tree& tree, const RefitLoss& refit, const SnapOptions& options = {});

}  // namespace occam
