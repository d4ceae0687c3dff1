#pragma once
// A real table's accepted law against the formulas a search found: the law's form is on the front
// when one of its formulas is that form, whatever its constants (they are the data's to decide).
#include <Eigen/Core>
#include <string>
#include <vector>

#include "occam/sampling.hpp"
#include "occam/tree.hpp"

namespace occam {

struct FittedLaw {
    Tree form;    // over the inputs, the free constants fittable
    Tree fitted;  // the same with the constants fitted to the table
    double nmse = INFINITY;  // of the fitted law on the table
    int complexity = 0;      // of the fitted law, simplified, as a front formula's is counted
    double log_sign = 0;     // not 0: fitted and judged as log(log_sign*law) on log|y| (relative errors)
};

// law over inputs and free_constants (names), its constants fitted to the table by Levenberg-
// Marquardt from a grid of starting magnitudes: a constant such as the 7000 K of a vapour-pressure
// law is far from any single start. With log_sign (the target's sign) the law is fitted, and every
// formula then judged, on the logs, as the search judged them when it took the errors as relative.
FittedLaw fit_law(const std::string& law, const std::vector<std::string>& inputs,
                  const std::vector<std::string>& free_constants, const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y,
                  double log_sign = 0);

// Whether formula has the law's form: the law, its constants refitted, reproduces the formula
// within 1e-6 on the table's ranges (so the formula has no term the law lacks), and the formula fits
// the table within 10 % of the law's loss (so it fixes no constant where the data say otherwise:
// c*x for a line whose intercept the data support fits far worse).
bool has_law_form(const Tree& formula, const FittedLaw& law, const std::vector<VariableRange>& ranges,
                  const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y);

// Whether formula, no more complex than the law, fits the table better than the law refitted: then
// the law cannot be on the Pareto front, and the rows alone prefer formula.
bool outdoes_law(const Tree& formula, const FittedLaw& law, const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y);

}  // namespace occam
