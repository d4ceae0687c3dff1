#pragma once
// The pre-checks as a report, without searching (`occam check`): dimensional analysis, every pair
// symmetry and separability test asked of the surrogate of the data as given, with its evidence,
// and the plan solve() would follow. The surrogate trained for the tests is the one the plan's first
// step asks, so it is trained once.
#include <optional>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/problem.hpp"
#include "occam/solve.hpp"
#include "occam/symmetry_checks.hpp"

namespace occam {

struct CheckReport {
    std::optional<DimensionalAnalysis> dimensions;  // when options.prechecks.units is given
    std::string oracle;                             // the surrogate, in words
    double threshold = 0;                           // relative error up to which a hypothesis holds
    bool log_magnitude = false;                     // the errors are of log|f|
    std::vector<PairSymmetryVerdict> symmetries;    // closest to holding first
    std::vector<SeparabilityVerdict> separations;   // as check_separability orders them
    std::vector<std::string> plan;                  // what solve() would do, step by step
};

// The surrogate is trained with options.search.seed; the time budget is not used (nothing is searched).
CheckReport check(const Dataset& data, const Problem& problem, const SolveOptions& options);

}  // namespace occam
