#pragma once
// A fitted phase of a periodic function taken back to within half a period of zero:
// cos(theta - 4048987062.42) is cos(theta + 3.14155). Levenberg–Marquardt may walk a phase any
// number of periods away, where it is still as good a fit, but no exact value (pi, pi/2) is near
// it and the printed number says nothing.
#include "occam/tree.hpp"

namespace occam {

// 2*pi for sin and cos, pi for tan, 0 for an operator that is not periodic.
double period_of(Op op);

// The tree with every fitted constant added to or subtracted from the argument of a sine, cosine
// (period 2*pi) or tangent (period pi) reduced modulo the period; the tree itself when none moves.
Tree with_reduced_phases(Tree tree);

}  // namespace occam
