#include "occam/precheck.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "occam/front_builder.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/small_formula_enumeration.hpp"
#include "reduction.hpp"
#include "search_stage.hpp"
#include "separable_search.hpp"

namespace occam {
namespace {

using detail::fitted_on;
using detail::Reduction;
using detail::share_of;
using detail::StageOutcome;

StageOutcome reduced_search(const Problem& problem, const SplitOptions& split, const Reduction& reduction,
                            const SearchOptions& options, const ProgressCallback& on_progress,
                            const std::atomic<bool>* stop, std::vector<std::string>& steps) {
    StageOutcome outcome;
    if (reduction.inputs.empty()) {
        // the target is a constant times the prefactor: nothing to search, one constant to fit
        outcome.archive.insert(
            fitted_on(problem, reduction.to_original(Tree({Node::number(1)})), options.fitting.final_iterations));
        outcome.progress.best_loss = outcome.archive.best_loss();
        steps.push_back("no input is left: fitted the constant");
        return outcome;
    }
    const Problem reduced = reduction.problem(split);
    SearchOptions search_options = options;
    if (reduction.inputs.size() == 1) {
        // a law of one group is short: every small formula first, the search only if none fits
        const auto start = std::chrono::steady_clock::now();
        EnumerationOptions enumeration{.threads = options.threads};
        if (options.budget.time_limit) enumeration.time_limit = *options.budget.time_limit / 2;
        const EnumeratedFormulas enumerated = enumerate_small_formulas(reduced, options.operators, enumeration, stop);
        for (const Tree& formula : enumerated.best)
            outcome.archive.insert(fitted_on(problem, reduction.to_original(formula), options.fitting.final_iterations));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        steps.push_back(fmt::format("tried every formula of {} up to {} nodes ({} of them, times a fitted scale) in "
                                    "{:.1f} s: best training NMSE on the data {:.2g}",
                                    reduction.inputs[0], enumeration.max_nodes, enumerated.tried, seconds,
                                    outcome.archive.best_loss()));
        outcome.progress.elapsed_seconds = seconds;
        if (outcome.archive.best_loss() <= options.budget.target_loss) {
            outcome.progress.best_loss = outcome.archive.best_loss();
            return outcome;
        }
        search_options.budget = detail::after_spending(options.budget, std::chrono::duration<double>(seconds));
    }
    steps.push_back(fmt::format("searching {} from {} instead of {} from {} input(s)", reduction.target,
                                fmt::join(reduction.inputs, ", "), problem.target_name(), problem.input_names().size()));
    const Front small = search(reduced, search_options, on_progress, stop);
    for (const FrontEntry& entry : small.entries)
        outcome.archive.insert(fitted_on(problem, reduction.to_original(entry.formula), options.fitting.iterations));
    const double enumeration_seconds = outcome.progress.elapsed_seconds;
    outcome.progress = small.final_progress;
    outcome.progress.elapsed_seconds += enumeration_seconds;
    outcome.interrupted = small.interrupted;
    return outcome;
}

// Each limit less what the stages so far spent (may be zero or negative).
Budget remaining(const Budget& budget, const Progress& spent, double seconds_spent) {
    Budget rest = budget;
    if (budget.time_limit) rest.time_limit = *budget.time_limit - std::chrono::duration<double>(seconds_spent);
    if (budget.max_evaluations) rest.max_evaluations = *budget.max_evaluations - spent.evaluations;
    if (budget.max_generations) rest.max_generations = *budget.max_generations - spent.generations;
    return rest;
}

// What the stages so far left of the budget; nothing when they used all of one limit.
std::optional<Budget> left_of(const Budget& budget, const Progress& spent, double seconds_spent) {
    const Budget rest = remaining(budget, spent, seconds_spent);
    if ((rest.time_limit && rest.time_limit->count() <= 0) || (rest.max_evaluations && *rest.max_evaluations <= 0) ||
        (rest.max_generations && *rest.max_generations <= 0))
        return std::nullopt;
    return rest;
}

// What the plain search gets after the stages: what they left, but never nothing (one generation or
// evaluation, or a tenth of the time), so that it always runs.
Budget at_least_some(const Budget& budget, const Progress& spent, double seconds_spent) {
    Budget rest = remaining(budget, spent, seconds_spent);
    if (rest.time_limit) rest.time_limit = std::max(*rest.time_limit, *budget.time_limit / 10);
    if (rest.max_evaluations) rest.max_evaluations = std::max(1LL, *rest.max_evaluations);
    if (rest.max_generations) rest.max_generations = std::max(1LL, *rest.max_generations);
    return rest;
}

// Each limit the smaller of the two (both budgets have the same limits).
Budget smaller(Budget a, const Budget& b) {
    if (a.time_limit && b.time_limit) a.time_limit = std::min(*a.time_limit, *b.time_limit);
    if (a.max_evaluations && b.max_evaluations) a.max_evaluations = std::min(*a.max_evaluations, *b.max_evaluations);
    if (a.max_generations && b.max_generations) a.max_generations = std::min(*a.max_generations, *b.max_generations);
    return a;
}

// Whether two of the inputs have the same units.
bool shares_units(const UnitsTable& units, const std::vector<std::string>& inputs) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (std::size_t j = i + 1; j < inputs.size(); ++j)
            if (units.require(inputs[i]) == units.require(inputs[j])) return true;
    return false;
}

// The problem after every check that applies; steps says what was found.
std::optional<Reduction> reduce(const Dataset& data, const Problem& problem, const PrecheckOptions& prechecks,
                                std::uint64_t seed, std::vector<std::string>& steps) {
    if (prechecks.mode == PrecheckMode::off) {
        steps.push_back("pre-checks off");
    } else if (problem.input_names().size() < prechecks.min_inputs) {
        steps.push_back(fmt::format("pre-checks skipped: fewer than {} inputs", prechecks.min_inputs));
    } else {
        std::vector<std::string> columns = problem.input_names();
        columns.push_back(problem.target_name());
        Reduction reduction{.data = detail::columns_of(data, columns), .inputs = problem.input_names(), .target = problem.target_name()};
        if (prechecks.units) reduction.units = detail::units_of(*prechecks.units, columns);
        if (problem.weighted()) reduction.weights = data.column(problem.weight_name());
        // Differences and sums of inputs in the same units first: dimensional analysis would divide
        // x1 - x2 into x1/z - x2/z, a difference of groups, which no later step puts back together.
        if (prechecks.units && prechecks.oracle) {
            const auto same_units = [&](PairSymmetry kind, std::size_t first, std::size_t second) {
                return (kind == PairSymmetry::difference || kind == PairSymmetry::sum) &&
                       reduction.units->require(reduction.inputs[first]) == reduction.units->require(reduction.inputs[second]);
            };
            while (shares_units(*reduction.units, reduction.inputs) &&
                   detail::apply_pair_symmetry(prechecks, reduction, steps, seed, same_units,
                                               "difference or sum of inputs in the same units")) {}
        }
        detail::apply_units(reduction, steps);
        if (prechecks.oracle) {
            while (detail::apply_pair_symmetry(prechecks, reduction, steps, seed)) {}
            detail::find_split(prechecks, reduction, steps, seed);
        }
        if (reduction.changed || reduction.split) return reduction;
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> plan_prechecks(const Dataset& data, const Problem& problem, const PrecheckOptions& prechecks,
                                        std::uint64_t seed) {
    std::vector<std::string> steps;
    const auto reduction = reduce(data, problem, prechecks, seed, steps);
    if (!reduction) {
        steps.push_back("search the problem as it is");
        return steps;
    }
    if (reduction->split)
        steps.push_back(fmt::format("search the parts {} separately on the oracle's values (a part of two inputs or "
                                    "more with these checks in turn), then refit the pairings of their formulas on "
                                    "the data",
                                    detail::describe_split(*reduction->split, reduction->inputs)));
    if (reduction->inputs.empty())
        steps.push_back("no input is left: fit the constant");
    else if (reduction->changed && reduction->inputs.size() == 1)
        steps.push_back(fmt::format("try every formula of {} up to {} nodes (times a fitted scale), then unless one "
                                    "fits, search {} from {}; map the front back to {}",
                                    reduction->inputs[0], EnumerationOptions{}.max_nodes, reduction->target, reduction->inputs[0],
                                    fmt::join(problem.input_names(), ", ")));
    else if (reduction->changed)
        steps.push_back(fmt::format("search {} from {}, then map the front back to {}", reduction->target,
                                    fmt::join(reduction->inputs, ", "), fmt::join(problem.input_names(), ", ")));
    steps.push_back("unless a search reaches the target loss, search the problem as it is with what is left of the "
                    "budget (at least a tenth of the time, one generation or one evaluation)");
    return steps;
}

PrecheckedSearch search_with_prechecks(const Dataset& data, const Problem& problem, const SplitOptions& split,
                                       const SearchOptions& options, const PrecheckOptions& prechecks,
                                       const ProgressCallback& on_progress, const std::atomic<bool>* stop) {
    PrecheckedSearch result;
    const auto reduction = reduce(data, problem, prechecks, options.seed, result.steps);
    if (!reduction) {
        result.front = search(problem, options, on_progress, stop);
        return result;
    }
    // Stages from the smallest problems to the original one, each with a share of the budget, all
    // feeding one archive; the first to reach the target loss ends the search. A reduced problem is
    // usually solved in seconds or not at all; the plain search always runs last unless one was, so
    // a wrong or unhelpful reduction costs time, never the plain search itself.
    const auto start = std::chrono::steady_clock::now();
    ParetoArchive archive;
    Progress progress;
    bool interrupted = false, solved = false;
    const auto seconds_so_far = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const auto run_stage = [&](const Budget& budget, const auto& stage) {
        SearchOptions stage_options = options;
        stage_options.budget = budget;
        const StageOutcome outcome = stage(stage_options);
        archive.merge(outcome.archive);
        progress.evaluations += outcome.progress.evaluations;
        progress.generations += outcome.progress.generations;
        progress.elapsed_seconds += outcome.progress.elapsed_seconds;
        interrupted = outcome.interrupted;
        // judged on the original rows: a reduced target can be fitted closer than its law maps back
        solved = outcome.archive.best_loss() <= options.budget.target_loss;
    };
    // an early stage runs on its share of what is left, and only while something is left
    const auto run_early_stage = [&](double share, const auto& stage) {
        if (solved || interrupted) return;
        const auto left = left_of(options.budget, progress, seconds_so_far());
        if (left) run_stage(smaller(share_of(options.budget, share), *left), stage);
    };
    const bool parts = reduction->split.has_value();
    if (parts)
        run_early_stage(0.25, [&](const SearchOptions& o) {
            return detail::search_parts(problem, *reduction, split, o, prechecks, on_progress, stop, result.steps);
        });
    if (reduction->changed)
        run_early_stage(parts ? 0.25 : 0.5, [&](const SearchOptions& o) {
            return reduced_search(problem, split, *reduction, o, on_progress, stop, result.steps);
        });
    const auto plain_search = [&](SearchOptions o) {
        result.steps.push_back(fmt::format("no search so far reached the target loss: searching {} from {} with the rest "
                                           "of the budget",
                                           problem.target_name(), fmt::join(problem.input_names(), ", ")));
        if (reduction->changed) o.checkpoint = {};  // the checkpoint holds the reduced search
        StageOutcome plain;
        const Front front = search(problem, o, on_progress, stop);
        for (const FrontEntry& entry : front.entries) plain.archive.insert(fitted_on(problem, entry.formula, o.fitting.iterations));
        plain.progress = front.final_progress;
        plain.interrupted = front.interrupted;
        return plain;
    };
    if (!solved && !interrupted) run_stage(at_least_some(options.budget, progress, seconds_so_far()), plain_search);
    result.front = build_front(problem, archive, options.fitting);
    progress.best_loss = INFINITY;  // each stage's was on its own target
    for (const FrontEntry& entry : result.front.entries) progress.best_loss = std::min(progress.best_loss, entry.train_loss);
    progress.front_size = result.front.entries.size();
    progress.evaluations_per_second = static_cast<double>(progress.evaluations) / std::max(progress.elapsed_seconds, 1e-9);
    progress.node_rows_per_second = 0;  // not summed over the stages
    result.front.final_progress = progress;
    result.front.interrupted = interrupted;
    return result;
}

}  // namespace occam
