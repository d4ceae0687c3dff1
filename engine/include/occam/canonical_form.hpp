#pragma once
// The formula a person would write, found with a computer algebra system (GiNaC): of the forms
// it finds equal to a formula, the one of least complexity. The forms: numbers folded (a constant
// expression holding a fitted number is one fitted number: c1*c2 is one, -3*log(0.00998) - 4.4*pi
// is one), trigonometric shifts by multiples of pi/2 and compositions with inverse functions
// rewritten (cos(asin(x)) is sqrt(1 - x^2)), a fitted factor taken out of a logarithm and a fitted
// term out of an exponential; then a factor taken into a sum it multiplies where that is shorter
// (z^-2 * (1 + x^2/z^2)^-1 is (z^2 + x^2)^-1), the rational function normalised with its common
// factors cancelled, expanded, and expanded with each term normalised, and with each denominator's
// fitted leading number divided out (a/(a/x - b) is x/(1 - (b/a)*x)). Of forms as long, the one with
// fewer fitted constants. A fitted phase of a sine, cosine or tangent is first reduced modulo the
// period (periodic_phase.hpp).
// Inputs positive on every row are treated as positive (sqrt(x^2) is x there). Each form must give
// the formula's values on the rows to 1e-6 of their spread (RMS; the loss then moves by 1e-12 at
// most), else it is dropped, never returned; occam's own tree stays what evaluates.
#include <Eigen/Core>

#include "occam/tree.hpp"

namespace occam {

// rows: the inputs (rows x columns) the forms are checked on, and whose signs they may assume.
Tree canonical_form(const Tree& tree, const Eigen::ArrayXXd& rows);

}  // namespace occam
