#include "occam/precheck.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
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
using detail::StageOutcome;

// Of a time limit, the checks (surrogate training included) may start new questions during the first
// half; the early stages together may use up to 90 %, so the plain search normally has a tenth.
constexpr double checks_time_share = 0.5;
// the neural surrogate needs this many rows (surrogate.hpp), and a symmetry test cannot be judged on fewer
constexpr Eigen::Index min_rows_to_check = 10;
constexpr double early_stages_share = 0.9;

// What a search started now may spend so that the front built after it still fits the budget.
Spent with_front_building(Spent spent, const Budget& budget) {
    if (budget.time_limit) spent.seconds += front_building_share * budget.time_limit->count();
    return spent;
}

// Every small formula of the one input of `searched` (the problem, or a reduction of it), each
// mapped back by to_original into outcome's archive; returns the seconds it took and records the
// step in steps. When none reaches the target loss, the formulas are enumerated again with the
// functions a stalled search would add (an inverse and a hyperbolic tangent: 2.4 times as many
// formulas, four times the time), so the common case keeps its speed; a user's own operators come
// without them.
double enumerate_into(const Problem& problem, const Problem& searched, const std::function<Tree(const Tree&)>& to_original,
                      const SearchOptions& options, const std::atomic<bool>* stop, StageOutcome& outcome,
                      std::vector<PrecheckStep>& steps) {
    const auto start = std::chrono::steady_clock::now();
    const auto seconds_since_start = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const auto enumerate_with = [&](const OperatorSet& operators) {
        // with noise in the data the most accurate formulas fit it too: the law is the best of its size
        EnumerationOptions enumeration{.best_of_each_size = true, .at_simple_scales = true, .threads = options.threads};
        if (options.budget.time_limit)
            enumeration.time_limit = *options.budget.time_limit / 2 - std::chrono::duration<double>(seconds_since_start());
        const EnumeratedFormulas enumerated = enumerate_small_formulas(searched, operators, enumeration, stop);
        for (const Tree& formula : enumerated.best)
            outcome.archive.insert(fitted_on(problem, to_original(formula), options.fitting.final_iterations));
        for (const Tree& formula : enumerated.at_simple_scale)
            outcome.beside_archive.push_back(fitted_on(problem, to_original(formula), options.fitting.final_iterations));
        steps.push_back({StepKind::enumeration,
                         fmt::format("tried every formula of {} up to {} nodes with {} ({} of them, times a fitted scale) "
                                     "in {:.1f} s: best training NMSE on the data {:.2g}",
                                     searched.input_names()[0], enumeration.max_nodes, operators.names(), enumerated.tried,
                                     seconds_since_start(), outcome.archive.best_loss())});
    };
    enumerate_with(options.operators);
    const OperatorSet widened = options.operators.joined(OperatorSet(options.stall_operators.unary()));
    const bool out_of_time = options.budget.time_limit && seconds_since_start() >= options.budget.time_limit->count() / 2;
    if (outcome.archive.best_loss() > options.budget.target_loss && widened.all().size() > options.operators.all().size() &&
        !out_of_time && !(stop && stop->load()))
        enumerate_with(widened);
    const double seconds = seconds_since_start();
    outcome.progress.elapsed_seconds = seconds;
    outcome.progress.best_loss = outcome.archive.best_loss();
    return seconds;
}

// A problem of one input as it is: every small formula first; the plain search follows.
StageOutcome one_input_enumeration(const Problem& problem, const SearchOptions& options, const std::atomic<bool>* stop,
                                   std::vector<PrecheckStep>& steps) {
    StageOutcome outcome;
    enumerate_into(problem, problem, [](const Tree& formula) { return formula; }, options, stop, outcome, steps);
    return outcome;
}

StageOutcome reduced_search(const Problem& problem, const SplitOptions& split, const Reduction& reduction,
                            const SearchOptions& options, const ProgressCallback& on_progress,
                            const std::atomic<bool>* stop, std::vector<PrecheckStep>& steps) {
    StageOutcome outcome;
    if (reduction.inputs.empty()) {
        // the target is a constant times the prefactor: nothing to search, one constant to fit
        outcome.archive.insert(
            fitted_on(problem, reduction.to_original(Tree({Node::number(1)})), options.fitting.final_iterations));
        outcome.progress.best_loss = outcome.archive.best_loss();
        steps.push_back({StepKind::constant, "no input is left: fitted the constant"});
        return outcome;
    }
    const Problem reduced = reduction.problem(split);
    SearchOptions search_options = options;
    if (reduction.inputs.size() == 1) {
        // a law of one group is short: every small formula first, the search only if none fits
        const double seconds = enumerate_into(
            problem, reduced, [&](const Tree& formula) { return reduction.to_original(formula); }, options, stop, outcome, steps);
        if (outcome.archive.best_loss() <= options.budget.target_loss) return outcome;
        search_options.budget = left_after(options.budget, {.seconds = seconds});
    }
    steps.push_back({StepKind::search, fmt::format("searching {} from {} instead of {} from {} input(s)", reduction.target,
                                fmt::join(reduction.inputs, ", "), problem.target_name(), problem.input_names().size())});
    const Front small = search(reduced, search_options, on_progress, stop);
    for (const FrontEntry& entry : small.entries)
        outcome.archive.insert(fitted_on(problem, reduction.to_original(entry.formula), options.fitting.iterations));
    const double enumeration_seconds = outcome.progress.elapsed_seconds;
    outcome.progress = small.final_progress;
    outcome.progress.elapsed_seconds += enumeration_seconds;
    outcome.interrupted = small.interrupted;
    return outcome;
}

// Whether two of the inputs have the same units.
bool shares_units(const UnitsTable& units, const std::vector<std::string>& inputs) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (std::size_t j = i + 1; j < inputs.size(); ++j)
            if (units.require(inputs[i]) == units.require(inputs[j])) return true;
    return false;
}

// A problem of one input is short to enumerate whatever its size: its small formulas are all tried
// before the search (the checks themselves need more inputs).
bool enumerates_one_input(const Problem& problem, const PrecheckOptions& prechecks) {
    return prechecks.mode == PrecheckMode::automatic && problem.input_names().size() == 1;
}

// The problem after every check that applies; steps says what was found.
std::optional<Reduction> reduce(const Dataset& data, const Problem& problem, const PrecheckOptions& prechecks,
                                std::uint64_t seed, std::vector<PrecheckStep>& steps,
                                const std::function<bool()>& out_of_time = [] { return false; }) {
    if (prechecks.mode == PrecheckMode::off) {
        steps.push_back({StepKind::skipped, "pre-checks off"});
        return std::nullopt;
    }
    // Dimensional analysis needs only the units; the checks through the surrogate need inputs to
    // pair and rows to learn from.
    std::optional<std::string> no_oracle;
    if (problem.input_names().size() < prechecks.min_inputs)
        no_oracle = fmt::format("fewer than {} inputs", prechecks.min_inputs);
    else if (data.rows() < min_rows_to_check)
        no_oracle = fmt::format("{} rows are too few to learn a surrogate from (at least {})", data.rows(), min_rows_to_check);
    if (no_oracle && !prechecks.units) {
        steps.push_back({StepKind::skipped, "pre-checks skipped: " + *no_oracle});
        return std::nullopt;
    }
    std::vector<std::string> columns = problem.input_names();
    columns.push_back(problem.target_name());
    Reduction reduction{.data = detail::columns_of(data, columns), .inputs = problem.input_names(), .target = problem.target_name()};
    if (prechecks.units) reduction.units = detail::units_of(*prechecks.units, columns);
    if (problem.weighted()) reduction.weights = data.column(problem.weight_name());
    const bool asks_oracle = prechecks.oracle && !no_oracle;
    // every question asked of the oracle may train a surrogate: none is started past the checks' share
    bool stopped = false;
    const auto time_left = [&] {
        if (!out_of_time()) return true;
        if (!stopped)
            steps.push_back({StepKind::skipped,
                             fmt::format("pre-checks stopped: they used their share of the time limit ({:.0f} %)",
                                         100 * checks_time_share)});
        stopped = true;
        return false;
    };
    // Differences and sums of inputs in the same units first: dimensional analysis would divide
    // x1 - x2 into x1/z - x2/z, a difference of groups, which no later step puts back together.
    if (prechecks.units && asks_oracle) {
        const auto same_units = [&](PairSymmetry kind, std::size_t first, std::size_t second) {
            return (kind == PairSymmetry::difference || kind == PairSymmetry::sum) &&
                   reduction.units->require(reduction.inputs[first]) == reduction.units->require(reduction.inputs[second]);
        };
        while (shares_units(*reduction.units, reduction.inputs) && time_left() &&
               detail::apply_pair_symmetry(prechecks, reduction, steps, seed, same_units,
                                           "difference or sum of inputs in the same units")) {}
    }
    detail::apply_units(reduction, steps);
    if (asks_oracle) {
        while (time_left() && detail::apply_pair_symmetry(prechecks, reduction, steps, seed)) {}
        if (time_left()) detail::find_split(prechecks, reduction, steps, seed);
    } else if (no_oracle) {
        steps.push_back({StepKind::skipped, "symmetry and separability checks skipped: " + *no_oracle});
    }
    if (reduction.changed || reduction.split) return reduction;
    return std::nullopt;
}

}  // namespace

std::vector<std::string> plan_prechecks(const Dataset& data, const Problem& problem, const PrecheckOptions& prechecks,
                                        std::uint64_t seed) {
    std::vector<PrecheckStep> found;
    const auto reduction = reduce(data, problem, prechecks, seed, found);
    std::vector<std::string> steps;
    for (const PrecheckStep& step : found) steps.push_back(step.line());
    if (enumerates_one_input(problem, prechecks)) {
        const std::string enumeration = fmt::format("try every formula of {} up to {} nodes (times a fitted scale)",
                                                    problem.input_names()[0], EnumerationOptions{}.max_nodes);
        if (!reduction) {
            steps.push_back(enumeration + ", then, unless one reaches the target loss, search the problem as it is with "
                                          "the rest of the budget");
            return steps;
        }
        steps.push_back(enumeration);  // with units, a problem of one input can also be reduced, after this
    }
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
                    "budget (normally a tenth or more, never less than a hundredth)");
    return steps;
}

PrecheckedSearch search_with_prechecks(const Dataset& data, const Problem& problem, const SearchOptions& options,
                                       const PrecheckOptions& prechecks, const ProgressCallback& on_progress,
                                       const std::atomic<bool>* stop) {
    // The budget is the whole of this call's: the checks' surrogates are timed with the stages.
    const auto start = std::chrono::steady_clock::now();
    const auto seconds_so_far = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const auto checks_out_of_time = [&] {
        return options.budget.time_limit && seconds_so_far() >= checks_time_share * options.budget.time_limit->count();
    };
    PrecheckedSearch result;
    const auto reduction = reduce(data, problem, prechecks, options.seed, result.steps, checks_out_of_time);
    const bool one_input = enumerates_one_input(problem, prechecks);
    if (!reduction && !one_input) {
        SearchOptions rest = options;
        rest.budget = left_after(options.budget, {.seconds = seconds_so_far()});  // the search keeps its front's share
        result.front = search(problem, rest, on_progress, stop);
        return result;
    }
    // Stages from the smallest problems to the original one, each with a share of the budget, all
    // feeding one archive; the first to reach the target loss ends the search. A reduced problem is
    // usually solved in seconds or not at all; the plain search always runs last unless one was, so
    // a wrong or unhelpful reduction costs time, never the plain search itself.
    ParetoArchive archive;
    std::vector<Individual> beside_archive;
    Progress progress;
    bool interrupted = false, solved = false, stalled = false;
    std::optional<WideningNote> widened;  // the plain search's
    const auto spent = [&] {
        return Spent{.seconds = seconds_so_far(), .evaluations = progress.evaluations, .generations = progress.generations};
    };
    const auto run_stage = [&](const Budget& budget, const auto& stage) {
        SearchOptions stage_options = options;
        stage_options.budget = budget;
        const StageOutcome outcome = stage(stage_options);
        archive.merge(outcome.archive);
        beside_archive.insert(beside_archive.end(), outcome.beside_archive.begin(), outcome.beside_archive.end());
        progress.evaluations += outcome.progress.evaluations;
        progress.generations += outcome.progress.generations;
        interrupted = outcome.interrupted;
        stalled = outcome.stalled;
        // judged on the original rows: a reduced target can be fitted closer than its law maps back.
        // A table too small to hold rows out is never solved by a loss: a formula with a constant
        // for nearly every row reaches any.
        solved = problem.holds_out() && outcome.archive.best_loss() <= options.budget.target_loss;
    };
    // an early stage runs on its share of the budget, within what the early stages may use, and
    // only while something is left of that
    const auto run_early_stage = [&](double share, const auto& stage) {
        if (solved || interrupted) return;
        const Budget left = less(share_of(options.budget, early_stages_share), spent());
        if (!exhausted(left)) run_stage(smaller(share_of(options.budget, share), left), stage);
    };
    const bool parts = reduction && reduction->split.has_value();
    const bool reduced = reduction && reduction->changed;
    const SplitOptions& split = problem.split();
    if (one_input)
        run_early_stage(0.5, [&](const SearchOptions& o) { return one_input_enumeration(problem, o, stop, result.steps); });
    if (parts)
        run_early_stage(0.25, [&](const SearchOptions& o) {
            return detail::search_parts(problem, *reduction, split, o, prechecks, on_progress, stop, result.steps);
        });
    if (reduced)
        run_early_stage(parts ? 0.25 : 0.5, [&](const SearchOptions& o) {
            return reduced_search(problem, split, *reduction, o, on_progress, stop, result.steps);
        });
    const auto plain_search = [&](SearchOptions o) {
        result.steps.push_back({StepKind::plain_search, fmt::format("no search so far reached the target loss: searching {} from {} "
                                                              "with the rest of the budget",
                                                              problem.target_name(), fmt::join(problem.input_names(), ", "))});
        if (reduced) o.checkpoint = {};  // the checkpoint holds the reduced search
        StageOutcome plain;
        const Front front = search(problem, o, on_progress, stop);
        for (const FrontEntry& entry : front.entries) plain.archive.insert(fitted_on(problem, entry.formula, o.fitting.iterations));
        plain.progress = front.final_progress;
        plain.interrupted = front.interrupted;
        plain.stalled = front.stalled;
        widened = front.widened;
        return plain;
    };
    // what the stages left, never nothing (see left_after)
    if (!solved && !interrupted) run_stage(left_after(options.budget, with_front_building(spent(), options.budget)), plain_search);
    result.front = build_front(problem, archive, options.fitting, beside_archive, deadline_of(options.budget, start));
    progress.elapsed_seconds = seconds_so_far();
    progress.best_loss = INFINITY;  // each stage's was on its own target
    for (const FrontEntry& entry : result.front.entries) progress.best_loss = std::min(progress.best_loss, entry.train_loss);
    progress.front_size = result.front.entries.size();
    progress.evaluations_per_second = static_cast<double>(progress.evaluations) / std::max(progress.elapsed_seconds, 1e-9);
    progress.node_rows_per_second = 0;  // not summed over the stages
    result.front.final_progress = progress;
    result.front.interrupted = interrupted;
    result.front.stalled = stalled;  // the last stage's: the plain search, unless an early stage solved it
    result.front.widened = widened;
    return result;
}

}  // namespace occam
