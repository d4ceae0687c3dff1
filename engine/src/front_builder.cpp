#include "occam/front_builder.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "occam/aliasing.hpp"
#include "occam/canonical_form.hpp"
#include "occam/constant_uncertainty.hpp"
#include "occam/description_length.hpp"
#include "occam/metrics.hpp"
#include "occam/simplify.hpp"
#include "occam/prune.hpp"
#include "occam/snap.hpp"

namespace occam {
namespace {

// Losses below this are rounding noise: formulas there are equally exact, so the simpler one wins.
constexpr double loss_floor = 1e-24;

double lowest_validation_loss(const std::vector<FrontEntry>& entries) {
    double lowest = INFINITY;
    for (const auto& e : entries) lowest = std::min(lowest, std::max(e.validation_loss, loss_floor));
    return lowest;
}

// How far above the lowest validation loss a formula may be and still count as no worse: two
// standard errors of an NMSE measured on `rows` rows (relative error sqrt(2/rows) for Gaussian
// residuals), at most 1.5x. On thousands of noisy rows an approximation whose loss is 20 % above
// the noise floor is measurably worse than the law; on tens nothing finer than 1.5x can be told.
// Below an NMSE of 1e-10 (errors of 1e-5 relative, finer than measurements) losses differ by the
// optimiser's jitter, not by noise, and the window stays 1.5x.
double indistinguishable_factor(std::size_t rows, double lowest_loss) {
    constexpr double jitter_level = 1e-10;
    if (lowest_loss < jitter_level) return 1.5;
    return std::min(1.5, 1 + 2 * std::sqrt(2 / static_cast<double>(std::max<std::size_t>(rows, 1))));
}

// PySR's rule, with one change: among formulas whose validation loss is at most `highest` (the
// lowest times indistinguishable_factor), the one whose loss fell most steeply (in log) per unit of
// complexity relative to the next simpler formula; the simplest formula of the front wins whenever
// it is within that bound itself.
std::size_t choose_recommended(const std::vector<FrontEntry>& entries, double highest) {
    std::size_t chosen = 0;
    double best_score = -INFINITY;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double loss = std::max(entries[i].validation_loss, loss_floor);
        if (loss > highest) continue;
        // Unlike PySR (score 0), the simplest formula counts as infinitely steep: within the factor
        // of the lowest loss nothing more complex is worth it, which keeps noise fits off the top.
        double score = INFINITY;
        if (i > 0) {
            const double previous = std::max(entries[i - 1].validation_loss, loss_floor);
            score = -std::log(loss / previous) / (entries[i].complexity - entries[i - 1].complexity);
        }
        if (score > best_score) {
            best_score = score;
            chosen = i;
        }
    }
    return chosen;
}

// The lowest description length wins (see front_builder.hpp); its formula is on the front.
std::size_t shortest_description(const std::vector<FrontEntry>& entries) {
    std::size_t chosen = 0;
    for (std::size_t i = 1; i < entries.size(); ++i)
        if (entries[i].description_length < entries[chosen].description_length) chosen = i;
    return chosen;
}

}  // namespace

Front build_front(const Problem& problem, const ParetoArchive& archive, const FittingOptions& fitting,
                  std::span<const Individual> beside_archive, const Deadline& deadline) {
    const auto& train_x = problem.train_inputs();
    const auto& train_y = problem.train_target();
    const auto& train_w = problem.train_weights();
    const bool has_validation = problem.holds_out();
    const auto train_rows = static_cast<std::size_t>(train_y.size());
    const auto& valid_x = has_validation ? problem.validation_inputs() : train_x;
    const auto& valid_y = has_validation ? problem.validation_target() : train_y;
    const auto& valid_w = has_validation ? problem.validation_weights() : train_w;
    const double train_variance = nmse_denominator(train_y, train_w);

    ConstantFitter fitter(fitting.final_iterations);
    const RefitLoss refit = [&](Tree& tree) -> std::optional<double> {
        const auto fit = fitter.fit(tree, train_x, train_y, train_w, /*use_scaling=*/false);
        if (!fit.finite()) return std::nullopt;
        return fit.mse / train_variance;
    };
    // a snap tried past the deadline fails, so the formula stays as fitted
    const RefitLoss refit_in_time = [&](Tree& tree) -> std::optional<double> {
        if (past(deadline)) return std::nullopt;
        return refit(tree);
    };

    // the canonical form assumes the signs of the inputs on every row, held out or not
    Eigen::ArrayXXd all_x(train_x.rows() + (has_validation ? valid_x.rows() : 0), train_x.cols());
    all_x.topRows(train_x.rows()) = train_x;
    if (has_validation) all_x.bottomRows(valid_x.rows()) = valid_x;
    const ConstantErrors errors_of = [&](const Tree& tree) { return standard_errors(tree, train_x, train_y, train_w); };
    const SnapOptions snapping{.rows = train_rows};

    std::vector<FrontEntry> candidates;
    std::size_t too_many_constants = 0;
    Interpreter interpreter;
    Eigen::ArrayXd prediction(valid_y.size());
    Eigen::ArrayXd train_prediction(train_y.size());
    const auto loss_of = [&](const Tree& tree) -> std::optional<double> {
        if (!interpreter.evaluate(tree, train_x, train_prediction)) return std::nullopt;
        return nmse_loss(train_y, train_prediction, train_w);
    };
    // Every member is fitted with an offset (linear scaling), so a law through the origin would
    // never be written as one: judged by description length, each member also comes without it,
    // and the description decides whether the offset earns its place.
    // The constant is there too: the account every formula must beat.
    std::vector<Tree> formulas;
    if (!has_validation) formulas.push_back(Tree({Node::constant(1)}));
    std::vector<const Individual*> members;
    for (const auto& [complexity, individual] : archive.entries()) members.push_back(&individual);
    for (const Individual& individual : beside_archive) members.push_back(&individual);
    // the simplest first: past the deadline the longest are the ones left as fitted
    std::stable_sort(members.begin(), members.end(),
                     [](const Individual* a, const Individual* b) { return a->complexity < b->complexity; });
    for (const Individual* member : members) {
        const Individual& individual = *member;
        formulas.push_back(explicit_tree(individual));
        if (!has_validation && individual.scaling.scale != 0) {
            Individual through_origin = individual;
            through_origin.scaling.offset = 0;
            Tree without = explicit_tree(through_origin);
            formulas.push_back(Tree(std::vector<Node>(without.nodes().begin(), without.nodes().end() - 2)));
        }
    }
    for (const Tree& member : formulas) {
        Tree formula = simplify(member);
        const bool in_time = !past(deadline);
        auto train_loss = in_time ? refit(formula) : loss_of(formula);
        if (!train_loss) continue;
        // the form a person would write, so that one constant carries what several did before
        // snapping, and the complexity counted is that of the formula printed
        Tree canonical = in_time ? canonical_form(formula, all_x) : formula;
        if (!(canonical == formula)) {
            const auto canonical_loss = refit(canonical);
            if (canonical_loss && *canonical_loss <= *train_loss * (1 + 1e-9) + loss_floor) {
                formula = std::move(canonical);
                train_loss = canonical_loss;
            }
        }
        if (fitting.snap && in_time) {
            // functions in their linear regime go first, so snapping sees the form they hid
            formula = prune_unary(formula, refit_in_time);
            train_loss = refit(formula);
            if (!train_loss) continue;
            // a snapped formula must still be defined on the validation rows, else keep the fit
            Tree snapped = snap_constants(formula, refit_in_time, snapping, errors_of);
            const bool any_snapped = !(snapped == formula);
            const auto snapped_loss = refit(snapped);
            if (snapped_loss && interpreter.evaluate(snapped, valid_x, prediction)) {
                formula = std::move(snapped);
                train_loss = snapped_loss;
                // exact values can cancel where the fitted ones did not: 1.0000000002*x - x; and
                // the numbers the algebra folds anew (4/4.000000000001) are snapped once more
                // (and written canonically again: a phase snapped to pi/2 is a cosine)
                for (int pass = 0; any_snapped && pass < 2; ++pass) {
                    Tree canonical = canonical_form(formula, all_x);
                    if (const auto canonical_loss = loss_of(canonical)) {
                        formula = std::move(canonical);
                        train_loss = canonical_loss;
                    }
                    if (pass == 1 || formula.constant_count() == 0) break;
                    Tree again = snap_constants(formula, refit_in_time, snapping, errors_of);
                    const auto again_loss = refit(again);
                    if (again == formula || !again_loss || !interpreter.evaluate(again, valid_x, prediction)) break;
                    formula = std::move(again);
                    train_loss = again_loss;
                }
            }
        }
        if (!interpreter.evaluate(formula, valid_x, prediction)) continue;
        // formulas from outside the islands (enumeration, reductions) meet the islands' rule here
        if (!has_validation && aliases(formula, train_x, interpreter)) continue;
        // judged on the rows it was fitted to, a formula with nearly a constant per row fits anything
        if (!has_validation && formula.constant_count() + 1 >= train_rows) {
            ++too_many_constants;
            continue;
        }
        const double validation_loss = nmse_loss(valid_y, prediction, valid_w);
        FrontEntry entry{formula, formula.complexity(), formula.constant_count(), *train_loss,
                         validation_loss, fit_metrics(valid_y, prediction, valid_w).r2};
        entry.constant_errors = errors_of(formula).value_or(std::vector<double>{});
        if (!has_validation)
            entry.description_length = description_length(*train_loss, train_rows, entry.constants, entry.complexity,
                                                           formula_symbols(problem.input_names().size()));
        candidates.push_back(std::move(entry));
    }
    // simplification and snapping can bring several archive entries to one complexity: by complexity,
    // then loss, so the first of each complexity is its best
    std::stable_sort(candidates.begin(), candidates.end(), [](const FrontEntry& a, const FrontEntry& b) {
        return a.complexity != b.complexity ? a.complexity < b.complexity : a.validation_loss < b.validation_loss;
    });

    Front front;
    front.variables = problem.input_names();
    front.weights = problem.weight_name();
    double lowest = INFINITY;
    for (auto& candidate : candidates) {
        const double loss = std::max(candidate.validation_loss, loss_floor);
        const bool same_complexity = !front.entries.empty() && front.entries.back().complexity == candidate.complexity;
        if (loss < lowest && !same_complexity) {
            lowest = loss;
            front.entries.push_back(std::move(candidate));
        }
    }
    if (has_validation) {
        const auto validation_rows = static_cast<std::size_t>(valid_y.size());
        const double lowest = lowest_validation_loss(front.entries);
        const double factor = indistinguishable_factor(validation_rows, lowest);
        if (!front.entries.empty()) front.recommended = choose_recommended(front.entries, factor * lowest);
        front.recommendation_rule = fmt::format(
            "within {:.3g}x of the lowest loss (two standard errors on {} rows, at most 1.5x), the simplest formula or "
            "the largest drop in log loss per unit of complexity",
            factor, validation_rows);
        return front;
    }
    if (!front.entries.empty()) front.recommended = shortest_description(front.entries);
    front.recommendation_rule =
        "the shortest description: n/2 ln(NMSE) + p/2 ln(n) + p(p+1)/(n-p-1) + complexity x ln(symbols), on all rows";
    front.selection_note = fmt::format("no rows held out ({} rows): every row fits the constants, and the front is "
                                       "judged on them by description length",
                                       train_rows);
    if (too_many_constants > 0)
        front.selection_note += fmt::format("; {} formula(s) with a constant for nearly every row left out", too_many_constants);
    return front;
}

}  // namespace occam
