#include "occam/solve.hpp"

#include <algorithm>

#include "occam/error.hpp"
#include "occam/surrogate_oracle.hpp"
#include "relative_errors.hpp"

namespace occam {
namespace {

// Of a time limit, one surrogate may train for at most this share: a problem state is asked
// several questions and the checks stop starting new ones at half the time (precheck.cpp).
constexpr double surrogate_time_share = 0.2;

OracleFactory default_oracle(const SearchOptions& search) {
    SurrogateOptions surrogate;
    surrogate.seed = search.seed;
    if (search.budget.time_limit)
        surrogate.time_limit_seconds =
            std::min(surrogate.time_limit_seconds, surrogate_time_share * search.budget.time_limit->count());
    return surrogate_oracle_factory(surrogate);
}

}  // namespace

void SolveOptions::validate() const {
    search.validate();
    check_residual_rounds(residual_rounds, search);
    if (prechecks.mode == PrecheckMode::off && prechecks.units != nullptr)
        throw input_error("--units: dimensional analysis is a pre-check, so it needs --precheck auto, not off");
    if (errors == ErrorModel::relative && prechecks.units != nullptr)
        throw input_error("--errors relative: dimensional analysis (--units) needs the target in its units, not its log");
    if (errors == ErrorModel::relative && residual_rounds > 1)
        throw input_error("--errors relative: residual rounds add formulas of the target itself, so they need absolute errors");
}

Solution solve(const Dataset& data, const Problem& problem, const SolveOptions& options,
               const RoundProgressCallback& on_progress, const std::atomic<bool>* stop) {
    options.validate();
    if (const std::optional<LogScale> scale = detail::log_scale_of(data, problem, options)) {
        // one round, on the logs: the same rows, split and weights
        const Dataset log_data = detail::with_log_target(data, problem);
        const Problem logs = detail::log_problem(log_data, problem);
        SolveOptions absolute = options;
        absolute.errors = ErrorModel::absolute;
        Solution solution = solve(log_data, logs, absolute, on_progress, stop);
        solution.front = detail::in_target_scale(solution.front, logs, *scale);
        solution.steps.insert(solution.steps.begin(), detail::log_scale_step(*scale));
        return solution;
    }
    Solution solution;
    const RoundSearch round_search = [&](std::size_t round, const Problem& current, const SearchOptions& search_options,
                                         const ProgressCallback& progress, const std::atomic<bool>* round_stop) {
        if (round > 1) return search(current, search_options, progress, round_stop);
        // the surrogate's share is of round 1's budget, which is all of it only with one round
        PrecheckOptions prechecks = options.prechecks;
        if (prechecks.mode != PrecheckMode::off && !prechecks.oracle) prechecks.oracle = default_oracle(search_options);
        PrecheckedSearch checked = search_with_prechecks(data, current, search_options, prechecks, progress, round_stop);
        solution.steps = std::move(checked.steps);
        return std::move(checked.front);
    };
    if (options.residual_rounds == 1) {
        const ProgressCallback progress =
            on_progress ? ProgressCallback([&](const Progress& p) { on_progress(1, p); }) : ProgressCallback{};
        solution.front = round_search(1, problem, options.search, progress, stop);
        solution.interrupted = solution.front.interrupted;
        return solution;
    }
    solution.model = search_residuals(problem, options.search, options.residual_rounds, on_progress, stop, round_search);
    if (!solution.model->rounds.empty()) solution.front = solution.model->rounds.front().front;
    solution.interrupted = solution.model->interrupted;
    return solution;
}

}  // namespace occam
