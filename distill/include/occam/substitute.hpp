#pragma once
// Substituting subtrees for variables: how a formula over derived variables (dimensionless groups,
// say) becomes a formula over the original ones.
#include <span>

#include "occam/tree.hpp"

namespace occam {

// formula with every variable k replaced by a copy of replacements[k]. input_error when formula
// uses a variable beyond the replacements or the result exceeds Tree::max_length nodes.
Tree substitute_variables(const Tree& formula, std::span<const Tree> replacements);

}  // namespace occam
