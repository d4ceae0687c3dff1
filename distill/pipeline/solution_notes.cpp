// The lines a run reports beside its front, worded once for every front end.
#include <fmt/format.h>

#include "occam/solve.hpp"

namespace occam {

std::vector<std::string> solution_notes(const Solution& solution, const Problem& problem, const SolveOptions& options) {
    std::vector<std::string> notes;
    const char* round = options.residual_rounds > 1 ? " (round 1)" : "";
    for (const PrecheckStep& step : solution.steps) notes.push_back(fmt::format("pre-check{}: {}", round, step.line()));
    const Front& front = solution.front;
    if (front.widened)
        notes.push_back(fmt::format("search added {} to its operators at generation {} of the plain search: the best "
                                    "loss had not fallen by 1 % for {} generations",
                                    front.widened->operators, front.widened->generation, options.search.widen_after));
    if (front.stalled)
        notes.push_back(fmt::format(
            "search stopped after {} generations: {}", front.final_progress.generations,
            problem.holds_out() ? std::string("the held-out rows had stopped rewarding anything new (--stall-generations)")
                                : fmt::format("the shortest description had not improved for {} (--stall-generations)",
                                              options.search.budget.stall_generations)));
    return notes;
}

}  // namespace occam
