#pragma once
// Turns the search's archive into the front a user reads: each formula made explicit (linear
// scaling folded in), simplified, refitted on all training rows, snapped to exact constants where
// the data allow, and scored on the validation rows. Public so that formulas found another way
// (on a reduced problem, say, and mapped back) join a front on the same terms.
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/search.hpp"

namespace occam {

Front build_front(const Problem& problem, const ParetoArchive& archive, const FittingOptions& fitting);

}  // namespace occam
