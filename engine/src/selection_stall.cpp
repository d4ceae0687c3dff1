#include "selection_stall.hpp"

#include <algorithm>
#include <limits>

#include "occam/description_length.hpp"
#include "occam/metrics.hpp"

namespace occam {
namespace {

// Less than this is rounding: a hundredth of a nat of description, 1 % of a validation loss.
constexpr double description_step = 0.01;
constexpr double validation_factor = 0.99;
// Formulas whose validation losses are this close count as equally good (front_builder's widest window).
constexpr double indistinguishable = 1.5;

}  // namespace

SelectionStall::SelectionStall(const Problem& problem, const Budget& budget, bool allowed,
                               const ParetoArchive& archive, long long generation)
    : problem_(problem),
      patience_(budget.stall_generations),
      enabled_(allowed && budget.stall_generations > 0),
      improved_at_(generation) {
    if (enabled_) best_ = standing(archive);
}

SelectionStall::Standing SelectionStall::standing(const ParetoArchive& archive) {
    Standing now;
    if (!problem_.holds_out()) {
        // each member is fitted with linear scaling: two constants more than its tree shows
        const auto rows = static_cast<std::size_t>(problem_.train_target().size());
        const std::size_t symbols = formula_symbols(problem_.input_names().size());
        for (const auto& [complexity, individual] : archive.entries())
            now.score = std::min(now.score, description_length(individual.loss, rows,
                                                               individual.tree.constant_count() + 2, complexity, symbols));
        return now;
    }
    const auto& x = problem_.validation_inputs();
    const auto& y = problem_.validation_target();
    Eigen::ArrayXd prediction(y.size());
    std::vector<std::pair<int, double>> losses;  // by complexity, as the archive holds them
    for (const auto& [complexity, individual] : archive.entries())
        if (interpreter_.evaluate(explicit_tree(individual), x, prediction))
            losses.emplace_back(complexity, nmse_loss(y, prediction, problem_.validation_weights()));
    if (losses.empty()) return now;  // nothing to judge by: no progress, and no sign of over-fitting
    for (const auto& [complexity, loss] : losses) now.score = std::min(now.score, loss);
    // the window around the best score so far: a simpler formula entering only because the
    // best loss rose (the archive keeps members by training loss) is no progress
    const double best = std::min(now.score, best_.score);
    now.simplest_within = std::numeric_limits<int>::max();
    for (const auto& [complexity, loss] : losses)
        if (loss <= indistinguishable * best) {
            now.simplest_within = complexity;
            break;
        }
    now.overfitted = losses.back().second > now.score;
    return now;
}

bool SelectionStall::stalled(const ParetoArchive& archive, long long generation) {
    if (!enabled_) return false;
    const Standing now = standing(archive);
    const bool improved = problem_.holds_out()
                              ? now.score < validation_factor * best_.score || now.simplest_within < best_.simplest_within
                              : now.score < best_.score - description_step;
    if (improved) {
        // a lower score moves the window; a simpler formula within it keeps the score
        if (now.score < best_.score) best_.score = now.score;
        best_.simplest_within = now.simplest_within;
        improved_at_ = generation;
        return false;
    }
    const long long quiet = generation - improved_at_;
    if (!problem_.holds_out()) return quiet >= patience_;
    // held out: the search may be between two steps of a long climb, so the quiet stretch must be
    // half the search, and more complexity must have stopped paying on unseen rows
    return quiet >= std::max(patience_, improved_at_) && now.overfitted;
}

}  // namespace occam
