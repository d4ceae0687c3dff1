#pragma once
// What the searches of search_with_prechecks share: budgets and archives. Each stage (the parts of a separable problem,
// the reduced problem, the original one) adds formulas over the original inputs to one archive.
// Internal to distill/.
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/search.hpp"

namespace occam::detail {

struct StageOutcome {
    ParetoArchive archive;  // formulas over the original inputs, fitted on the original rows
    Progress progress;      // the stage's work; best_loss on the stage's own target
    bool interrupted = false;
    bool stalled = false;  // a search stopped by Budget::stall_generations (see Front::stalled)
    // formulas whose complexity is final only once snapped (an enumerated one at a simple scale):
    // for the front builder to judge whatever the archive's order by loss says
    std::vector<Individual> beside_archive;
};

// A formula over the original inputs as an archive member: fitted (with linear scaling, weighted
// when the problem is) on the original training rows, so the front builder refits, simplifies and
// scores it like any other.
Individual fitted_on(const Problem& problem, Tree formula, int lm_iterations);

}  // namespace occam::detail
