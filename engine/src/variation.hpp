#pragma once
// Genetic operators, internal to the engine: each is a small const function object that takes the
// random generator first and returns a new tree, never touching its parents. Results respect the
// length limit; an operator that cannot apply returns a copy of its parent.
#include "occam/operator_set.hpp"
#include "occam/random.hpp"
#include "occam/search_options.hpp"
#include "occam/tree.hpp"
#include "tree_creator.hpp"

namespace occam {

struct VariationContext {
    const OperatorSet* ops = nullptr;
    CreatorOptions leaves;           // variable count and constant range for new leaves
    std::size_t max_length = 30;
    std::size_t max_depth = 12;
};

struct Mutation {
    const VariationContext& context;
    MutationWeights weights;
    Tree operator()(Random& rng, const Tree& parent) const;
};

// Replaces a random subtree of `receiver` by a random subtree of `donor`.
struct Crossover {
    const VariationContext& context;
    Tree operator()(Random& rng, const Tree& receiver, const Tree& donor) const;
};

// Replaces nodes [begin, end) of tree with the given postfix nodes and recomputes sizes.
Tree splice(const Tree& tree, std::size_t begin, std::size_t end, std::span<const Node> replacement);

}  // namespace occam
