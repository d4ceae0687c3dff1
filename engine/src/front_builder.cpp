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

// Below an NMSE of 1e-10 (errors of 1e-5 relative, finer than measurements) losses differ by the
// optimiser's jitter, not by noise: there a formula within 1.5x of the lowest loss is no worse.
constexpr double jitter_level = 1e-10;
// Nothing more than 1.5x the lowest loss counts as no worse, however few the rows.
constexpr double widest_factor = 1.5;

// A front member with its squared error on each validation row (weighted when the problem is;
// empty when no rows are held out).
struct Judged {
    FrontEntry entry;
    Eigen::ArrayXd squared_errors;
};

// Whether a formula does no worse than the best on the same rows: the mean of the rows' differences
// in squared error is within two of its standard errors. Judged on the same noisy rows, two
// formulas share the noise, so their difference is known far better than either loss: on 2500
// rows a Taylor approximant 2 % worse than the law is told apart (a loss's own standard error
// there is 3 %), while a formula that fits the noise better by chance is not. Differences below
// 1e-9 of the best's errors are rounding (an equivalent formula refitted), never worse.
bool no_worse_on_same_rows(const Eigen::ArrayXd& squared_errors, const Eigen::ArrayXd& best_squared_errors) {
    const Eigen::ArrayXd difference = squared_errors - best_squared_errors;
    const auto rows = static_cast<double>(difference.size());
    if (rows < 2) return true;
    const double mean = difference.mean();
    const double spread = std::sqrt((difference - mean).square().sum() / (rows - 1));
    return mean <= std::max(2 * spread / std::sqrt(rows), 1e-9 * best_squared_errors.mean());
}

// PySR's rule, with two changes: among formulas no worse than the one of lowest validation loss
// (above), the one whose loss fell most steeply (in log) per unit of complexity relative to the
// next simpler formula; the simplest formula of the front wins whenever it is no worse itself.
std::size_t choose_recommended(const std::vector<Judged>& front) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < front.size(); ++i)
        if (front[i].entry.validation_loss < front[best].entry.validation_loss) best = i;
    const double lowest = std::max(front[best].entry.validation_loss, loss_floor);
    std::size_t chosen = best;
    double best_score = -INFINITY;
    for (std::size_t i = 0; i < front.size(); ++i) {
        const double loss = std::max(front[i].entry.validation_loss, loss_floor);
        if (loss > widest_factor * lowest) continue;
        if (lowest >= jitter_level && !no_worse_on_same_rows(front[i].squared_errors, front[best].squared_errors)) continue;
        // Unlike PySR (score 0), the simplest formula counts as infinitely steep: when no worse
        // than the best nothing more complex is worth it, which keeps noise fits off the top.
        double score = INFINITY;
        if (i > 0) {
            const double previous = std::max(front[i - 1].entry.validation_loss, loss_floor);
            score = -std::log(loss / previous) / (front[i].entry.complexity - front[i - 1].entry.complexity);
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
                  std::span<const Individual> beside_archive) {
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

    // the canonical form assumes the signs of the inputs on every row, held out or not
    Eigen::ArrayXXd all_x(train_x.rows() + (has_validation ? valid_x.rows() : 0), train_x.cols());
    all_x.topRows(train_x.rows()) = train_x;
    if (has_validation) all_x.bottomRows(valid_x.rows()) = valid_x;
    const ConstantErrors errors_of = [&](const Tree& tree) { return standard_errors(tree, train_x, train_y, train_w); };
    const SnapOptions snapping{.rows = train_rows};

    std::vector<Judged> candidates;
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
        auto train_loss = refit(formula);
        if (!train_loss) continue;
        // the form a person would write, so that one constant carries what several did before
        // snapping, and the complexity counted is that of the formula printed
        Tree canonical = canonical_form(formula, all_x);
        if (!(canonical == formula)) {
            const auto canonical_loss = refit(canonical);
            if (canonical_loss && *canonical_loss <= *train_loss * (1 + 1e-9) + loss_floor) {
                formula = std::move(canonical);
                train_loss = canonical_loss;
            }
        }
        if (fitting.snap) {
            // functions in their linear regime go first, so snapping sees the form they hid
            formula = prune_unary(formula, refit);
            train_loss = refit(formula);
            if (!train_loss) continue;
            // a snapped formula must still be defined on the validation rows, else keep the fit
            Tree snapped = snap_constants(formula, refit, snapping, errors_of);
            const bool any_snapped = !(snapped == formula);
            const auto snapped_loss = refit(snapped);
            if (snapped_loss && interpreter.evaluate(snapped, valid_x, prediction)) {
                formula = std::move(snapped);
                train_loss = snapped_loss;
                // exact values can cancel where the fitted ones did not: 1.0000000002*x - x
                if (any_snapped) {
                    Tree canonical = canonical_form(formula, all_x);
                    if (const auto canonical_loss = loss_of(canonical)) {
                        formula = std::move(canonical);
                        train_loss = canonical_loss;
                    }
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
        Eigen::ArrayXd squared_errors;
        if (has_validation) {
            squared_errors = (valid_y - prediction).square();
            if (valid_w.size() > 0) squared_errors *= valid_w;
        }
        candidates.push_back({std::move(entry), std::move(squared_errors)});
    }
    // simplification and snapping can bring several archive entries to one complexity: by complexity,
    // then loss, so the first of each complexity is its best
    std::stable_sort(candidates.begin(), candidates.end(), [](const Judged& a, const Judged& b) {
        return a.entry.complexity != b.entry.complexity ? a.entry.complexity < b.entry.complexity
                                                        : a.entry.validation_loss < b.entry.validation_loss;
    });

    Front front;
    front.variables = problem.input_names();
    front.weights = problem.weight_name();
    std::vector<Judged> judged;
    double lowest = INFINITY;
    for (auto& candidate : candidates) {
        const double loss = std::max(candidate.entry.validation_loss, loss_floor);
        const bool same_complexity = !judged.empty() && judged.back().entry.complexity == candidate.entry.complexity;
        if (loss < lowest && !same_complexity) {
            lowest = loss;
            judged.push_back(std::move(candidate));
        }
    }
    for (const Judged& member : judged) front.entries.push_back(member.entry);
    if (has_validation) {
        const auto validation_rows = static_cast<std::size_t>(valid_y.size());
        if (!judged.empty()) front.recommended = choose_recommended(judged);
        const bool by_rows = !judged.empty() && lowest >= jitter_level;
        front.recommendation_rule = fmt::format(
            "no worse than the lowest loss on the same {} rows ({}), the simplest formula or the largest drop in log "
            "loss per unit of complexity",
            validation_rows,
            by_rows ? "squared errors higher by less than two standard errors of their mean difference, at most 1.5x"
                    : "within 1.5x: below an NMSE of 1e-10 losses differ by rounding, not noise");
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
