#pragma once
// Aliasing: a periodic function whose argument sweeps more periods than the rows can sample. On
// n rows, sin(c*x) with c large enough passes through nearly any n values, so a formula holding
// one fits noise, not a law (on 26 rows with x from 1 to 130, sin(x) alone sweeps 20 periods).
// The rule is Nyquist's on average: fewer than one period per two rows,
//   (max - min of the argument over the rows) / period  <=  (rows - 1) / 2.
// It is applied where no rows are held out (search islands and the front builder): there such a
// fit wins on the very rows that judge it, while held-out rows expose it by themselves.
#include <Eigen/Core>

#include "occam/interpreter.hpp"
#include "occam/tree.hpp"

namespace occam {

// Whether some sin, cos or tan in tree has an argument that sweeps more periods over the rows of
// X than the rule allows. An argument that cannot be evaluated is not judged here.
bool aliases(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X, Interpreter& interpreter);

}  // namespace occam
