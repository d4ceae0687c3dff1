#include "occam/suite_runner.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <set>

#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/random.hpp"
#include "occam/real_law.hpp"
#include "occam/solve.hpp"

namespace occam {
namespace {

std::vector<std::pair<int, double>> front_points(const Front& front) {
    std::vector<std::pair<int, double>> points;
    for (const FrontEntry& entry : front.entries) points.emplace_back(entry.complexity, entry.validation_loss);
    return points;
}

std::vector<std::string> names_of(const std::vector<VariableRange>& ranges) {
    std::vector<std::string> names;
    for (const auto& r : ranges) names.push_back(r.name);
    return names;
}

Dataset rows_of(const Dataset& data, const std::vector<Eigen::Index>& rows) {
    Eigen::ArrayXXd values(static_cast<Eigen::Index>(rows.size()), data.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) values.row(static_cast<Eigen::Index>(i)) = data.values().row(rows[i]);
    return Dataset(data.names(), std::move(values));
}

// The table's columns in the problem's order: inputs, then the target.
Dataset ordered_columns(const SuiteProblem& problem) {
    const Dataset file = read_csv(problem.data_file);
    std::vector<std::string> columns = names_of(problem.variables);
    columns.push_back(problem.target);
    Eigen::ArrayXXd ordered(file.rows(), static_cast<Eigen::Index>(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c) ordered.col(static_cast<Eigen::Index>(c)) = file.column(columns[c]);
    return Dataset(columns, std::move(ordered));
}

// Training and test data in the problem's column order: inputs, then the target.
struct SuiteData {
    Dataset train;
    Eigen::ArrayXXd test_inputs;
    Eigen::ArrayXd test_target;
};

SuiteData prepare(const SuiteProblem& problem, const Tree& truth, const SuiteOptions& options) {
    const auto inputs = static_cast<Eigen::Index>(problem.variables.size());
    if (problem.data_file.empty()) {
        // Feynman: noisy training rows, noise-free test rows from the same ranges
        const auto train = sample_formula(truth, problem.variables,
                                          {.rows = options.rows, .seed = options.seed, .noise = options.noise, .target = problem.target});
        const auto test = sample_formula(truth, problem.variables, {.rows = 2000, .seed = options.seed + 7, .target = problem.target});
        return {train, test.values().leftCols(inputs), test.values().col(inputs)};
    }
    // Strogatz: the file's rows, shuffled by seed, 75 % to search on and 25 % to test
    const Dataset data = ordered_columns(problem);
    Random rng(options.seed);
    const auto order = shuffled_order<Eigen::Index>(static_cast<std::size_t>(data.rows()), rng);
    const auto train_rows = static_cast<std::ptrdiff_t>(order.size() * 3 / 4);
    const Dataset train = rows_of(data, {order.begin(), order.begin() + train_rows});
    const Dataset test = rows_of(data, {order.begin() + train_rows, order.end()});
    return {train, test.values().leftCols(inputs), test.values().col(inputs)};
}

// Notes, at every barrier, the archive members not seen before with the time they appeared; they
// are judged after the search, so judging never eats into the search's time limit. Only members
// whose training loss is near the best the search reached can be exact (an exact law's loss is
// the noise floor), which keeps noisy runs from judging hundreds of approximations. The judge
// uses cheaper settings than the final verdict: this is a timer, not the verdict.
class FirstExactWatcher {
public:
    void operator()(const Progress& progress) {
        if (progress.archive == nullptr) return;
        for (const auto& [complexity, individual] : progress.archive->entries()) {
            Tree candidate = explicit_tree(individual);
            if (seen_.insert(candidate.hash()).second)
                appeared_.push_back({progress.elapsed_seconds, individual.loss, std::move(candidate)});
        }
    }

    std::optional<double> first_exact(const Tree& truth, const std::vector<VariableRange>& ranges) const {
        double best = INFINITY;
        for (const auto& a : appeared_) best = std::min(best, a.loss);
        const double worth_judging = std::max(4 * best, 1e-20);
        for (const auto& a : appeared_) {
            if (a.loss > worth_judging) continue;
            if (judge_exact(a.candidate, truth, ranges, {.fit_rows = 500, .test_rows = 2000}).exact) return a.seconds;
        }
        return std::nullopt;
    }

private:
    struct Appearance {
        double seconds;
        double loss;  // training NMSE when it appeared
        Tree candidate;
    };
    std::set<std::uint64_t> seen_;
    std::vector<Appearance> appeared_;  // in order of appearance
};

SolveOptions solve_options_of(const SuiteOptions& options) {
    SolveOptions solve_options;
    solve_options.search = options.search;
    solve_options.prechecks.mode = options.prechecks ? PrecheckMode::automatic : PrecheckMode::off;
    solve_options.prechecks.units = options.units;
    return solve_options;
}

// A real table: every row is searched (a small table holds none out, and there is no truth to
// test against beyond the table); the verdict asks whether the law's form is on the front and
// whether it is the recommended formula.
SuiteOutcome run_real_table(const SuiteProblem& problem, const SuiteOptions& options, const std::atomic<bool>* stop) {
    const auto names = names_of(problem.variables);
    const Dataset data = ordered_columns(problem);
    const auto inputs = static_cast<Eigen::Index>(names.size());
    const Eigen::ArrayXXd X = data.values().leftCols(inputs);
    const Eigen::ArrayXd y = data.values().col(inputs);
    const auto start = std::chrono::steady_clock::now();
    const Problem search_problem(data, problem.target, names, {.seed = options.seed});
    Solution solution = solve(data, search_problem, solve_options_of(options), {}, stop);
    SuiteOutcome outcome;
    outcome.id = problem.id;
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // the law is judged with the errors the search took: relative ones on the logs
    const double log_sign = solution.front.log_scale ? solution.front.log_scale->sign : 0;
    const FittedLaw law = fit_law(problem.formula, names, problem.free_constants, X, y, log_sign);
    outcome.interrupted = solution.front.interrupted;
    if (options.prechecks)
        for (const PrecheckStep& step : solution.steps) outcome.steps.push_back(step.line());
    const Front& front = solution.front;
    outcome.front = front_points(front);
    if (front.empty()) return outcome;
    const auto& chosen = front.best();
    outcome.formula = to_infix(chosen.formula, names);
    outcome.complexity = chosen.complexity;
    outcome.exact = has_law_form(chosen.formula, law, problem.variables, X, y);
    outcome.law_on_front = outcome.exact || std::any_of(front.entries.begin(), front.entries.end(), [&](const FrontEntry& entry) {
                               return has_law_form(entry.formula, law, problem.variables, X, y);
                           });
    outcome.law_outdone = !*outcome.law_on_front && std::any_of(front.entries.begin(), front.entries.end(), [&](const FrontEntry& entry) {
                              return outdoes_law(entry.formula, law, X, y);
                          });
    Eigen::ArrayXd prediction(y.size());
    if (Interpreter().evaluate(chosen.formula, X, prediction)) outcome.test_r2 = fit_metrics(y, prediction).r2;
    if (outcome.exact) outcome.seconds_to_exact = outcome.seconds;
    return outcome;
}

}  // namespace

SuiteOutcome run_suite_problem(const SuiteProblem& problem, const SuiteOptions& options, const std::atomic<bool>* stop) {
    if (!problem.free_constants.empty()) return run_real_table(problem, options, stop);
    const auto names = names_of(problem.variables);
    const Tree truth = parse_formula(problem.formula, names);
    const SuiteData data = prepare(problem, truth, options);
    const SplitOptions split{.seed = options.seed};
    const Problem search_problem(data.train, problem.target, names, split);

    FirstExactWatcher watcher;
    const auto start = std::chrono::steady_clock::now();
    SolveOptions solve_options = solve_options_of(options);
    // the suite's noise is absolute by construction (sd = level x RMS on every row)
    solve_options.errors = ErrorModel::absolute;
    // the watcher reads archives over the problem's own inputs, which a reduced search's are not
    RoundProgressCallback watch;
    if (!options.prechecks) watch = [&watcher](std::size_t, const Progress& progress) { watcher(progress); };
    Solution solution = solve(data.train, search_problem, solve_options, watch, stop);
    SuiteOutcome outcome;
    if (options.prechecks)
        for (const PrecheckStep& step : solution.steps) outcome.steps.push_back(step.line());
    const Front front = std::move(solution.front);

    outcome.id = problem.id;
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    outcome.interrupted = front.interrupted;
    outcome.front = front_points(front);
    if (front.empty()) return outcome;
    const auto& chosen = front.best();
    outcome.formula = to_infix(chosen.formula, names);
    outcome.complexity = chosen.complexity;
    const auto verdict = judge_exact(chosen.formula, truth, problem.variables, {}, chosen.constant_errors);
    outcome.exact = verdict.exact;
    outcome.exact_as_printed = verdict.exact_as_printed;
    outcome.max_relative_error = verdict.max_relative_error;
    Eigen::ArrayXd prediction(data.test_target.size());
    Interpreter interpreter;
    if (interpreter.evaluate(chosen.formula, data.test_inputs, prediction))
        outcome.test_r2 = fit_metrics(data.test_target, prediction).r2;
    outcome.seconds_to_exact = watcher.first_exact(truth, problem.variables);
    // the recommended formula can be exact even when no archive member was judged so in time
    if (outcome.exact && !outcome.seconds_to_exact) outcome.seconds_to_exact = outcome.seconds;
    return outcome;
}

std::string suite_summary(const std::string& suite, const std::vector<SuiteOutcome>& outcomes) {
    const auto total = outcomes.size();
    const auto exact = std::count_if(outcomes.begin(), outcomes.end(), [](const SuiteOutcome& o) { return o.exact; });
    const auto accurate =
        std::count_if(outcomes.begin(), outcomes.end(), [](const SuiteOutcome& o) { return o.test_r2 >= 0.999; });
    std::vector<double> seconds;
    for (const auto& o : outcomes) seconds.push_back(o.seconds);
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.empty() ? 0.0
                          : seconds.size() % 2 ? seconds[seconds.size() / 2]
                                               : 0.5 * (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]);
    const auto on_front = std::count_if(outcomes.begin(), outcomes.end(),
                                        [](const SuiteOutcome& o) { return o.law_on_front.value_or(false); });
    const auto outdone = std::count_if(outcomes.begin(), outcomes.end(),
                                       [](const SuiteOutcome& o) { return o.law_outdone.value_or(false); });
    if (std::any_of(outcomes.begin(), outcomes.end(), [](const SuiteOutcome& o) { return o.law_on_front.has_value(); }))
        return fmt::format("{}: {}/{} law on the front, {}/{} recommended, law outdone by a formula no more complex on "
                           "{}, median {:.0f} s",
                           suite, on_front, total, exact, total, outdone, median);
    const auto as_printed =
        std::count_if(outcomes.begin(), outcomes.end(), [](const SuiteOutcome& o) { return o.exact_as_printed; });
    return fmt::format("{}: {}/{} exact as printed ({} after refit), {}/{} R²≥0.999, median {:.0f} s", suite, as_printed,
                       total, exact, accurate, total, median);
}

bool solved(const SuiteOutcome& outcome) {
    return outcome.law_on_front.has_value() ? outcome.exact : outcome.exact_as_printed;
}

std::string seeds_summary(const std::vector<std::vector<SuiteOutcome>>& by_seed) {
    if (by_seed.empty() || by_seed.front().empty()) return "no problems";
    const std::size_t problems = by_seed.front().size();
    std::vector<std::size_t> per_seed;
    for (const auto& outcomes : by_seed)
        per_seed.push_back(static_cast<std::size_t>(std::count_if(outcomes.begin(), outcomes.end(), solved)));
    const double mean = std::accumulate(per_seed.begin(), per_seed.end(), 0.0) / static_cast<double>(per_seed.size());
    std::size_t always = 0;
    std::size_t never = 0;
    std::vector<std::string> sometimes;
    for (std::size_t i = 0; i < problems; ++i) {
        std::size_t count = 0;
        for (const auto& outcomes : by_seed) count += i < outcomes.size() && solved(outcomes[i]);
        if (count == by_seed.size()) {
            ++always;
        } else if (count == 0) {
            ++never;
        } else {
            sometimes.push_back(fmt::format("{} {}/{}", by_seed.front()[i].id, count, by_seed.size()));
        }
    }
    const std::string some_list = sometimes.empty() ? "" : fmt::format(" ({})", fmt::join(sometimes, ", "));
    return fmt::format("over {} seeds: {:.1f}/{} on average, {} at least, {} at most; {} solved on every seed, {} on "
                       "some{}, {} on none",
                       by_seed.size(), mean, problems, *std::min_element(per_seed.begin(), per_seed.end()),
                       *std::max_element(per_seed.begin(), per_seed.end()), always, sometimes.size(), some_list, never);
}

}  // namespace occam
