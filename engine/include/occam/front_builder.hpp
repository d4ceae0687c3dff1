#pragma once
// Turns the search's archive into the front a user reads: each formula made explicit (linear
// scaling folded in), simplified, refitted on all training rows, snapped to exact constants where
// the data allow, and scored on the validation rows. Public so that formulas found another way
// (on a reduced problem, say, and mapped back) join a front on the same terms.
//
// Every fitted constant gets a standard error, and snapping is tied to it: a constant the data leave
// looser than 1e-3 relative may become 0 within two standard errors (a term the data do not support
// at the 5 % level goes), or a small integer or simple fraction within one standard error that is
// at most 5 % of it, when the refit loss grows by no more than a two-error step costs, 4/(n - p).
//
// When the problem holds no rows out (too few rows, see SplitOptions), the front is judged on the
// training rows by description length (description_length.hpp); the shortest is recommended, and a
// formula with n - 1 constants or more for n rows is left out (it fits any data, so the data cannot
// judge it).
//
// Formulas are taken from the simplest up; once the deadline has passed, each one left is scored with
// the constants the search fitted (simplified, not refitted, written canonically or snapped), and no
// snap is tried past it, so a user's time limit holds however long the archive's formulas are.
#include <span>

#include "occam/budget.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/search.hpp"

namespace occam {

// beside_archive: formulas judged beside the archive's, whatever their loss: under noise a law whose
// constants snap to exact values is simpler than its fitted form, which the archive may have
// dropped for a formula of the same fitted complexity and a loss lower by the noise.
Front build_front(const Problem& problem, const ParetoArchive& archive, const FittingOptions& fitting,
                  std::span<const Individual> beside_archive = {}, const Deadline& deadline = {});

}  // namespace occam
