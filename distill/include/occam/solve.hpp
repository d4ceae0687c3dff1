#pragma once
// The one entry point of a run: what `occam search`, `suite` and `distill` and a C++ program call.
// It composes the stages in this order, all under one budget that is the whole run's:
//
//   residual round 1:  pre-checks (units, symmetries, separability through the neural surrogate)
//                      -> searches of the parts and of the reduced problem -> the plain search
//   residual rounds 2..K (when asked for): the plain search of what the rounds before left over
//   every search ends in the front builder (simplify, refit, snap, score) and the recommendation
//
// A time limit covers everything, surrogate training included; evaluation and generation budgets
// count the searches' work and stay reproducible for any thread count.
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/precheck.hpp"
#include "occam/problem.hpp"
#include "occam/residual_search.hpp"
#include "occam/search.hpp"
#include "occam/search_options.hpp"

namespace occam {

// How the target's errors are taken: absolute (every row's residual in the target's units), or
// relative (log|target| is searched, see relative_errors.hpp); automatic takes them as relative for
// a target of one sign across three decades or more (decades.hpp), unless the rows carry weights
// (the user said what the errors are), a units table is given (dimensional analysis works on the
// target in its units) or residual rounds are asked for (they add formulas of the target itself).
enum class ErrorModel { automatic, absolute, relative };

// The names every front end gives the modes: "auto", "absolute", "relative" and "auto", "off";
// input_error naming option (as the front end spells it) for any other.
ErrorModel error_model_from_name(std::string_view name, std::string_view option = "--errors");
PrecheckMode precheck_mode_from_name(std::string_view name, std::string_view option = "--precheck");

struct SolveOptions {
    // search.budget is the whole run's; each stage and round gets its share of what is left
    SearchOptions search;
    // mode automatic (the default) runs the pre-checks from prechecks.min_inputs inputs up; without
    // an oracle of its own the pipeline asks the neural surrogate, trained with search.seed and,
    // under a time limit, within the share of the time the pre-checks may take
    PrecheckOptions prechecks;
    std::size_t residual_rounds = 1;  // round 1 runs the pre-checks; later rounds search the residual plainly
    ErrorModel errors = ErrorModel::automatic;

    // input_error naming the first impossible option or combination of options
    void validate() const;
};

struct Solution {
    Front front;  // over the original inputs: the first round's front, which is the result with one round
    std::vector<PrecheckStep> steps;    // what the pre-checks checked, found and searched (round 1)
    std::optional<ResidualModel> model; // with residual_rounds above 1: every round and their sum
    bool interrupted = false;           // a stop ended the run early; what was found so far is here
};

// data holds the problem's columns (the pre-checks change variables on it); the problem's split
// and weights carry into every stage.
Solution solve(const Dataset& data, const Problem& problem, const SolveOptions& options,
               const RoundProgressCallback& on_progress = {}, const std::atomic<bool>* stop = nullptr);

// What a reader of a run should be told beside its front, a line each: the pre-checks' steps, when
// the islands widened their operators, and why the search stopped early. Every front end prints
// these (the CLI to standard error, Python with verbose=True).
std::vector<std::string> solution_notes(const Solution& solution, const Problem& problem, const SolveOptions& options);

}  // namespace occam
