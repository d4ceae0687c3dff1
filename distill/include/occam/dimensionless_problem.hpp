#pragma once
// From data with units to the dimensionless problem of dimensional_analysis.hpp and back:
//
//   auto form  = *occam::analyze_dimensions(units, inputs, "m").form;
//   auto small = occam::dimensionless_problem(data, form, split);  // pi0 from pi1, ...
//   ... search small, get a formula g over pi1..pik ...
//   occam::Tree law = occam::from_dimensionless(g, form);         // m_0 * g(v/c), over form.inputs
#include "occam/dataset.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/problem.hpp"
#include "occam/tree.hpp"

namespace occam {

// Columns pi1..pik (each group computed from the inputs, in the order of form.groups), then
// form.target_name holding target / prefactor; row for row with data. input_error naming the data
// row (1-based) and the group where a value is not finite (an input that is zero under a negative
// exponent, say), or the column that data lacks.
Dataset to_dimensionless(const Dataset& data, const DimensionlessForm& form);

// The problem of learning form.target_name from the groups. With the same split options it holds
// the same rows in training and validation as Problem(data, form.target, form.inputs, split): the
// shuffle depends only on the seed and the number of rows. input_error when no group is left
// (the target is then a constant times the prefactor: fit that constant instead of searching).
Problem dimensionless_problem(const Dataset& data, const DimensionlessForm& form, const SplitOptions& split = {});

// prefactor(x) * formula(pi1(x), ..., pik(x)) over the original inputs (variable i is
// form.inputs[i]), for a formula whose variable j is group j (as in the problem above).
Tree from_dimensionless(const Tree& formula, const DimensionlessForm& form);

}  // namespace occam
