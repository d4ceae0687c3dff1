#pragma once
// One candidate formula with its fitted scaling and how well it does on the training rows.
#include <cmath>
#include <cstdint>

#include "occam/constant_fitter.hpp"
#include "occam/tree.hpp"

namespace occam {

struct Individual {
    Tree tree;
    LinearScaling scaling;
    double loss = INFINITY;  // training NMSE of scaling.offset + scaling.scale * tree
    int complexity = 0;

    bool valid() const { return std::isfinite(loss); }
};

// The formula as a user reads it: offset + scale * tree, with the fitted scaling as constants.
Tree explicit_tree(const Individual& individual);

// Lower loss wins; between equal losses, the simpler formula.
inline bool better(const Individual& a, const Individual& b) {
    if (a.loss != b.loss) return a.loss < b.loss;
    return a.complexity < b.complexity;
}

}  // namespace occam
