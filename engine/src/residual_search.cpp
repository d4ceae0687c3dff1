#include "occam/residual_search.hpp"

#include <fmt/format.h>

#include <chrono>

#include "occam/constant_fitter.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/simplify.hpp"

namespace occam {
namespace {

Tree sum_of(const std::vector<ResidualRound>& rounds) {
    std::vector<Node> nodes;
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        const auto formula = rounds[r].chosen().formula.nodes();
        nodes.insert(nodes.end(), formula.begin(), formula.end());
        if (r > 0) nodes.push_back(Node::function(Op::Add));
    }
    return Tree(std::move(nodes));
}

// y minus the formula on the same rows; nullopt where the formula is undefined.
std::optional<Eigen::ArrayXd> minus(const Eigen::ArrayXd& y, const Tree& formula, const Eigen::ArrayXXd& X) {
    Eigen::ArrayXd prediction(y.size());
    Interpreter interpreter;
    if (y.size() > 0 && !interpreter.evaluate(formula, X, prediction)) return std::nullopt;
    return Eigen::ArrayXd(y - prediction);
}

std::string residual_name(const std::string& target, std::size_t rounds_before) {
    if (rounds_before == 1) return fmt::format("{} - (round 1)", target);
    return fmt::format("{} - (rounds 1 to {})", target, rounds_before);
}

// The sum's constants fitted together on all training rows, then its losses on the original target.
void polish(ResidualModel& model, const Problem& problem, const FittingOptions& fitting) {
    Tree formula = simplify(sum_of(model.rounds));
    model.complexity = formula.complexity();
    model.constants = formula.constant_count();
    model.formula = formula;
    ConstantFitter fitter(fitting.final_iterations);
    const auto fit = fitter.fit(formula, problem.train_inputs(), problem.train_target(), problem.train_weights(),
                                /*use_scaling=*/false);
    if (!fit.finite()) return;  // cannot happen for formulas defined on every training row, kept unscored
    const bool has_validation = problem.validation_target().size() > 0;
    const auto& valid_x = has_validation ? problem.validation_inputs() : problem.train_inputs();
    const auto& valid_y = has_validation ? problem.validation_target() : problem.train_target();
    const auto& valid_w = has_validation ? problem.validation_weights() : problem.train_weights();
    Eigen::ArrayXd prediction(valid_y.size());
    Interpreter interpreter;
    if (!interpreter.evaluate(formula, valid_x, prediction)) return;
    model.train_loss = fit.mse / nmse_denominator(problem.train_target(), problem.train_weights());
    model.validation_loss = nmse_loss(valid_y, prediction, valid_w);
    model.validation_r2 = fit_metrics(valid_y, prediction, valid_w).r2;
    model.formula = std::move(formula);
}

}  // namespace

void check_residual_rounds(std::size_t rounds, const SearchOptions& options) {
    if (rounds == 0) throw input_error("--residual-rounds must be at least 1");
    if (rounds > 1 && (!options.checkpoint.path.empty() || !options.checkpoint.resume.empty()))
        throw input_error(fmt::format("--checkpoint and --resume hold one search, so they need --residual-rounds 1, not {}",
                                      rounds));
}

ResidualModel search_residuals(const Problem& problem, const SearchOptions& options, std::size_t rounds,
                               const RoundProgressCallback& on_progress, const std::atomic<bool>* stop,
                               const RoundSearch& round_search) {
    check_residual_rounds(rounds, options);
    options.validate();
    const auto start = std::chrono::steady_clock::now();
    Spent spent;

    ResidualModel model;
    model.variables = problem.input_names();
    model.weights = problem.weight_name();
    Problem current = problem;
    for (std::size_t round = 1; round <= rounds; ++round) {
        SearchOptions round_options = options;
        round_options.seed = options.seed + (round - 1);
        spent.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        round_options.budget = fair_share(options.budget, spent, rounds - round + 1);
        const ProgressCallback progress =
            on_progress ? ProgressCallback([&](const Progress& p) { on_progress(round, p); }) : ProgressCallback{};
        Front front = round_search ? round_search(round, current, round_options, progress, stop)
                                   : search(current, round_options, progress, stop);
        spent.evaluations += front.final_progress.evaluations;
        spent.generations += front.final_progress.generations;
        if (front.empty()) break;
        model.interrupted = front.interrupted;
        model.rounds.push_back({current.target_name(), std::move(front)});
        if (model.interrupted || round == rounds) break;

        // the next round's target: what this round's chosen formula left over
        const Tree& chosen = model.rounds.back().chosen().formula;
        auto train = minus(current.train_target(), chosen, current.train_inputs());
        auto validation = minus(current.validation_target(), chosen, current.validation_inputs());
        if (!train || !validation) break;
        current = current.with_targets(residual_name(problem.target_name(), round), std::move(*train),
                                       std::move(*validation));
    }
    if (!model.rounds.empty()) polish(model, problem, options.fitting);
    return model;
}

}  // namespace occam
