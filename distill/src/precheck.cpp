#include "occam/precheck.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "occam/constant_fitter.hpp"
#include "occam/front_builder.hpp"
#include "occam/metrics.hpp"
#include "occam/pareto_archive.hpp"
#include "reduction.hpp"

namespace occam {
namespace {

using detail::Reduction;

// A formula over the original inputs as an archive member: fitted (with linear scaling) on the
// original training rows, so the front builder refits, simplifies and scores it like any other.
Individual fitted_on(const Problem& problem, Tree formula, int lm_iterations) {
    Individual individual;
    ConstantFitter fitter(lm_iterations);
    const FitResult fit = fitter.fit(formula, problem.train_inputs(), problem.train_target());
    individual.tree = std::move(formula);
    individual.scaling = fit.scaling;
    individual.complexity = individual.tree.complexity();
    individual.loss = fit.finite() ? fit.mse / nmse_denominator(problem.train_target()) : INFINITY;
    return individual;
}

// The reduced search's front, mapped back to the original inputs, as archive members.
struct ReducedOutcome {
    ParetoArchive archive;
    Progress progress;  // of the reduced search: its best loss is on the reduced target
    bool interrupted = false;
};

ReducedOutcome reduced_search(const Problem& problem, const SplitOptions& split, const Reduction& reduction,
                              const SearchOptions& options, const ProgressCallback& on_progress,
                              const std::atomic<bool>* stop, std::vector<std::string>& steps) {
    ReducedOutcome outcome;
    if (reduction.inputs.empty()) {
        // the target is a constant times the prefactor: nothing to search, one constant to fit
        outcome.archive.insert(
            fitted_on(problem, reduction.to_original(Tree({Node::number(1)})), options.fitting.final_iterations));
        outcome.progress.best_loss = 0;  // nothing left to find
        steps.push_back("no input is left: fitted the constant");
        return outcome;
    }
    const Problem reduced(reduction.data, reduction.target, reduction.inputs, split);
    steps.push_back(fmt::format("searching {} from {} instead of {} from {} input(s)", reduction.target,
                                fmt::join(reduction.inputs, ", "), problem.target_name(), problem.input_names().size()));
    const Front small = search(reduced, options, on_progress, stop);
    for (const FrontEntry& entry : small.entries)
        outcome.archive.insert(fitted_on(problem, reduction.to_original(entry.formula), options.fitting.iterations));
    outcome.progress = small.final_progress;
    outcome.interrupted = small.interrupted;
    return outcome;
}

// Half of every limit of the budget; the other half is the plain search's if the reduced one fails.
Budget first_half(const Budget& budget) {
    Budget half = budget;
    if (budget.time_limit) half.time_limit = *budget.time_limit / 2;
    if (budget.max_evaluations) half.max_evaluations = std::max(1LL, *budget.max_evaluations / 2);
    if (budget.max_generations) half.max_generations = std::max(1LL, *budget.max_generations / 2);
    return half;
}

// What the reduced search left of the budget.
Budget rest_of(const Budget& budget, const Progress& spent, double seconds_spent) {
    Budget rest = budget;
    if (budget.time_limit) rest.time_limit = std::max(*budget.time_limit - std::chrono::duration<double>(seconds_spent),
                                                      std::chrono::duration<double>(0));
    if (budget.max_evaluations) rest.max_evaluations = std::max(1LL, *budget.max_evaluations - spent.evaluations);
    if (budget.max_generations) rest.max_generations = std::max(1LL, *budget.max_generations - spent.generations);
    return rest;
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
    } else if (problem.weighted() && (prechecks.units || prechecks.oracle)) {
        steps.push_back("pre-checks skipped: weighted fits are not carried into reduced problems yet");
    } else {
        std::vector<std::string> columns = problem.input_names();
        columns.push_back(problem.target_name());
        Reduction reduction{detail::columns_of(data, columns), problem.input_names(), problem.target_name(), {}, false, {}, {}};
        if (prechecks.units) reduction.units = detail::units_of(*prechecks.units, columns);
        // Differences and sums of inputs in the same units first: dimensional analysis would divide
        // x1 - x2 into x1/z - x2/z, a difference of groups, which no later step puts back together.
        if (prechecks.units && prechecks.oracle && shares_units(*reduction.units, reduction.inputs)) {
            const auto same_units = [&](PairSymmetry kind, std::size_t first, std::size_t second) {
                return (kind == PairSymmetry::difference || kind == PairSymmetry::sum) &&
                       reduction.units->require(reduction.inputs[first]) == reduction.units->require(reduction.inputs[second]);
            };
            while (detail::apply_pair_symmetry(prechecks, reduction, steps, seed, same_units,
                                               "difference or sum of inputs in the same units")) {}
        }
        detail::apply_units(reduction, steps);
        if (prechecks.oracle)
            while (detail::apply_pair_symmetry(prechecks, reduction, steps, seed)) {}
        if (reduction.changed) return reduction;
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
    } else if (reduction->inputs.empty()) {
        steps.push_back("no input is left: fit the constant");
    } else {
        steps.push_back(fmt::format("search {} from {}, then map the front back to {}", reduction->target,
                                    fmt::join(reduction->inputs, ", "), fmt::join(problem.input_names(), ", ")));
    }
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
    // A reduced problem is usually solved in seconds or not at all, and a wrong or unhelpful
    // reduction must not cost a formula the plain search finds: the reduced search gets half the
    // budget, and unless it reaches the target loss the plain search gets the rest. Both fronts
    // meet in one archive.
    const auto start = std::chrono::steady_clock::now();
    SearchOptions reduced_options = options;
    reduced_options.budget = first_half(options.budget);
    ReducedOutcome outcome = reduced_search(problem, split, *reduction, reduced_options, on_progress, stop, result.steps);
    Progress progress = outcome.progress;
    progress.archive = nullptr;  // belonged to the reduced search
    bool interrupted = outcome.interrupted;
    if (outcome.progress.best_loss > options.budget.target_loss && !interrupted) {
        SearchOptions plain_options = options;
        const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        plain_options.budget = rest_of(options.budget, outcome.progress, spent);
        plain_options.checkpoint = {};  // the checkpoint holds the reduced search; this one is not saved
        result.steps.push_back(fmt::format("the reduced search did not reach the target loss: searching {} from {} "
                                           "for the rest of the budget as well",
                                           problem.target_name(), fmt::join(problem.input_names(), ", ")));
        const Front plain = search(problem, plain_options, on_progress, stop);
        for (const FrontEntry& entry : plain.entries)
            outcome.archive.insert(fitted_on(problem, entry.formula, options.fitting.iterations));
        progress.evaluations += plain.final_progress.evaluations;
        progress.generations += plain.final_progress.generations;
        progress.elapsed_seconds += plain.final_progress.elapsed_seconds;
        interrupted = plain.interrupted;
    }
    result.front = build_front(problem, outcome.archive, options.fitting);
    result.front.final_progress = progress;
    result.front.interrupted = interrupted;
    return result;
}

}  // namespace occam
