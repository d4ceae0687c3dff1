#pragma once
// Structural pruning: drop a unary function whose removal leaves the fit as good, e.g. asin(asin(k*x))
// with k*x ~ 1e-15, where the functions work in their linear regime and only hide the true form.
#include "occam/snap.hpp"

namespace occam {

// Tries removing each unary operator (its argument takes its place), refitting the constants each
// time; keeps a removal when the loss stays within the tolerances of SnapOptions.
Tree prune_unary(const Tree& tree, const RefitLoss& refit, const SnapOptions& options = {});

}  // namespace occam
