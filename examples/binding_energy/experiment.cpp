#include "experiment.hpp"

#include <fmt/format.h>
#include <occam/interpreter.hpp>
#include <occam/print.hpp>
#include <occam/solve.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "nuclear_inputs.hpp"

namespace binding_energy {
namespace {

occam::Dataset rows_of(const occam::Dataset& data, const std::vector<std::size_t>& rows) {
    Eigen::ArrayXXd values(static_cast<Eigen::Index>(rows.size()), data.cols());
    for (std::size_t r = 0; r < rows.size(); ++r) values.row(static_cast<Eigen::Index>(r)) = data.values().row(static_cast<Eigen::Index>(rows[r]));
    return occam::Dataset(data.names(), std::move(values));
}

double rms(const Eigen::ArrayXd& prediction, const Eigen::ArrayXd& truth) {
    return std::sqrt((prediction - truth).square().mean());
}

Eigen::ArrayXXd inputs_of(const occam::Dataset& data) {
    return data.values().leftCols(static_cast<Eigen::Index>(input_names().size()));
}

// RMS of a formula on a dataset; Inf where the formula is undefined on some nuclide.
double formula_rms(const occam::Tree& formula, const occam::Dataset& data) {
    Eigen::ArrayXd prediction(data.rows());
    occam::Interpreter interpreter;
    if (!interpreter.evaluate(formula, inputs_of(data), prediction)) return INFINITY;
    return rms(prediction, data.column("B"));
}

ModelRow row_for(std::string name, const occam::Tree& formula, std::size_t constants, const occam::Dataset& train,
                 const occam::Dataset& test) {
    return {std::move(name), constants, formula.complexity(), formula_rms(formula, train), formula_rms(formula, test),
            occam::to_infix(formula, input_names())};
}

}  // namespace

std::size_t pick_best_compact(const std::vector<ModelRow>& front, std::size_t max_constants) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (std::size_t i = 0; i < front.size(); ++i)
        if (front[i].constants <= max_constants && front[i].name.starts_with("occam")) best = i;
    return best;
}

SplitResult run_split(const occam::Dataset& data, Split split, const Settings& settings) {
    SplitResult result;
    const occam::Dataset train = rows_of(data, split.train), test = rows_of(data, split.test);

    result.semf = fit_semf(inputs_of(train), train.column("B"));
    result.semf_row = {"SEMF", 5, 0, rms(result.semf.predict(inputs_of(train)), train.column("B")),
                       rms(result.semf.predict(inputs_of(test)), test.column("B")), result.semf.describe()};

    const occam::Problem problem(train, "B", input_names(), {.validation_fraction = 0.25, .seed = settings.seed},
                                 settings.weighted ? "w" : "");
    occam::SearchOptions options;
    options.seed = settings.seed;
    // no sine or cosine: nothing in a binding energy is periodic in these inputs
    options.operators = occam::OperatorSet::parse("+,-,*,/,neg,square,cube,sqrt,exp,log,inv");
    options.stall_operators = {};  // nor the inverse tangent, tanh or free power of a stalled search
    // the budget is all rounds' together: settings.evaluations and time_cap are per round
    const auto round_count = static_cast<long long>(settings.residual_rounds);
    options.budget.max_evaluations = settings.evaluations * round_count;
    options.budget.time_limit = std::chrono::duration<double>(settings.time_cap * static_cast<double>(round_count));
    // a progress line for people watching; none in a log file
    const bool show_progress = isatty(fileno(stderr)) != 0;
    const std::string label = split.name;
    const auto progress = [&label](std::size_t round, const occam::Progress& p) {
        std::fprintf(stderr, "\r  %s, round %zu: %5.1f s, %lld evaluations   ", label.c_str(), round, p.elapsed_seconds,
                     p.evaluations);
    };
    const auto start = std::chrono::steady_clock::now();
    occam::SolveOptions solve_options;
    solve_options.search = options;
    solve_options.residual_rounds = settings.residual_rounds;
    solve_options.prechecks.mode = occam::PrecheckMode::off;  // no units, and the inputs are only Z and N
    const occam::Solution solution = occam::solve(
        train, problem, solve_options, show_progress ? occam::RoundProgressCallback(progress) : occam::RoundProgressCallback{});
    if (show_progress) std::fprintf(stderr, "\n");
    result.search_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::vector<const occam::Front*> rounds{&solution.front};
    if (solution.model) {
        rounds.clear();
        for (const auto& round : solution.model->rounds) rounds.push_back(&round.front);
    }
    for (const occam::Front* front : rounds) {
        result.evaluations += front->final_progress.evaluations;
        result.cut_by_time |= front->final_progress.evaluations < settings.evaluations;
    }
    // the first round's front models B itself; later rounds model residuals, shown through their sum
    for (const auto& entry : solution.front.entries)
        result.front.push_back(row_for(fmt::format("occam c={}", entry.complexity), entry.formula, entry.constants,
                                       train, test));
    if (solution.model && solution.model->rounds.size() > 1)
        result.front.push_back(row_for(fmt::format("sum of {} rounds", solution.model->rounds.size()),
                                       solution.model->formula, solution.model->constants, train, test));
    result.best_compact = pick_best_compact(result.front, 5);
    result.split = std::move(split);
    return result;
}

}  // namespace binding_energy
