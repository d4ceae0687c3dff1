#pragma once
// Random trees of an exact length, for initial populations, mutation and benchmarks.
#include "occam/operator_set.hpp"
#include "occam/random.hpp"
#include "occam/tree.hpp"

namespace occam {

struct CreatorOptions {
    std::size_t variables = 1;         // leaves index columns [0, variables)
    double variable_probability = 0.7; // the rest of the leaves are fittable constants
    double constant_low = -2, constant_high = 2;
};

// A tree of exactly `length` nodes built from ops: each function node splits the remaining size
// among its children at random, so shapes range from chains to balanced trees (in the spirit of
// PTC2, which also controls size rather than depth). Unary operators need at least 2 nodes,
// binary ones at least 3; when length is 2 and ops has no unary operator, length 1 is returned.
Tree random_tree(Random& rng, const OperatorSet& ops, std::size_t length, const CreatorOptions& options);

}  // namespace occam
