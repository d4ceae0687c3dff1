#pragma once
// How well the data pin down a fitted formula's constants: the standard error of each, from the
// linearised least-squares covariance s^2 (J^T W J)^-1 at the fitted values, with J the
// interpreter's exact Jacobian and s^2 = sum(w r^2) / (sum(w) (n - p) / n), the residual variance
// (weights are taken as relative, as most fitting programs do by default).
#include <Eigen/Core>
#include <optional>
#include <vector>

#include "occam/tree.hpp"

namespace occam {

// One entry per fittable constant, in postfix order: +Inf where the data cannot tell it apart from
// the others (a direction of the fit the rows do not constrain), and nullopt when the formula is
// undefined on a row or there are no more rows than constants.
std::optional<std::vector<double>> standard_errors(const Tree& formula, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                                                   const Eigen::Ref<const Eigen::ArrayXd>& y,
                                                   const Eigen::Ref<const Eigen::ArrayXd>& weights);

}  // namespace occam
