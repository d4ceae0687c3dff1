#pragma once
// Rewrites a tree into the short form a person would write, without changing its value wherever
// the original is defined.
#include "occam/tree.hpp"

namespace occam {

Tree simplify(const Tree& tree);

}  // namespace occam
