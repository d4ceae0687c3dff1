#pragma once
// Whether a target is better learnt in logs: one sign across three decades or more, as a power law
// over a wide range or counts falling a thousandfold are, with its logs spread about their median
// (an Arrhenius rate over evenly spaced temperatures, a long tail of small values, is not). Fitted
// in y itself, such a target is its largest values only. The neural surrogate learns log|y| then, and so does
// the search when it takes the errors as relative (solve.hpp).
#include <Eigen/Core>

#include "occam/tree.hpp"

namespace occam {

// +1 or -1, the target's sign, when y spans decades; 0 when it does not (mixed signs, a zero, a
// narrower range, or a squared sine's zeros among the data: its log plunges near each, a long
// tail below the median that no smooth fit of the logs follows).
int sign_across_decades(const Eigen::ArrayXd& y);

// log10 of the ratio of y's largest magnitude to its smallest
double decades_spanned(const Eigen::ArrayXd& y);

// A formula between a target of this sign and its logs: log(sign*f), the formula a fit of log|y|
// sees, and sign*exp(g), the target a formula g of log|y| gives; constants in the same postfix order.
Tree log_of(const Tree& f, double sign);
Tree exp_of(const Tree& g, double sign);

}  // namespace occam
