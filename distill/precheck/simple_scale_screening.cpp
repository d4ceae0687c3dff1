#include "simple_scale_screening.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "occam/constant_fitter.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "scale_fitting.hpp"
#include "simple_scales.hpp"

namespace occam::detail {
namespace {

// Enough rows that one scale's loss is told from another's by the noise in the data, not by the
// rows drawn.
constexpr Eigen::Index screening_rows = 1024;
constexpr std::size_t fitted_in_full = 64;
constexpr std::size_t returned = 16;
// Simple scales within this factor of a formula's best are tried: noise leaves a scale that loose.
constexpr double reach = 2;
// The 99 % points of a chi-squared of 1 and 2 degrees: a fixed value the data cannot tell from the
// fitted one (the law's own scale, offset or factor) passes in 99 draws of the noise in 100. It is
// a ranking: a formula let in by chance costs a place, the law left out costs the law.
constexpr double chi_squared_99[] = {0, 6.63, 9.21};
// An NMSE below this is exact to rounding: such formulas are never told apart by noise.
constexpr double exact_loss = 1e-14;

// The signed simple value nearest v; 0 for 0.
double simple_near(double v) {
    if (v == 0 || !std::isfinite(v)) return 0;
    return std::copysign(nearest_simple_scale(std::abs(v)).value, v);
}

// y ~ a + b*f by least squares (weighted when the problem is), and how many of a and b the data need.
struct LinearFit {
    LinearScaling scaling;
    double mse = INFINITY;
    int constants_needed = 2;
};

// Whether a + b*f with a and b fixed fits the rows as well as the least-squares line does, by a
// likelihood-ratio test of `fixed` values at 1 %.
bool fits_fixed(const Eigen::ArrayXd& f, const Eigen::ArrayXd& y, const Eigen::ArrayXd& weights, double a, double b,
                double least_mse, int fixed) {
    const double mse = weighted_mean((y - a - b * f).square(), weights);
    return static_cast<double>(y.size()) * (mse - least_mse) <= chi_squared_99[fixed] * least_mse;
}

// a and b are not needed where 0 or the simple value nearest the fitted one fits as well: a = 0 and
// b = 1 for a law without numbers, a = 1 for 1 - exp(-x) (the enumeration writes no 1 + E: the
// offset does).
LinearFit linear_fit(const Eigen::ArrayXd& f, const Eigen::ArrayXd& y, const Eigen::ArrayXd& weights) {
    LinearFit fit;
    if (!f.allFinite()) return fit;
    fit.scaling = weights.size() == 0 ? linear_scaling(f, y) : linear_scaling(f, y, weights);
    // a constant f (factor 0) is no formula of x
    if (fit.scaling.scale == 0) return fit;
    fit.mse = weighted_mean((y - fit.scaling.offset - fit.scaling.scale * f).square(), weights);
    if (!std::isfinite(fit.mse)) return fit;
    const double simple_factor = simple_near(fit.scaling.scale);
    const double f_square = weighted_mean(f.square(), weights);
    bool none = false, one = false;
    for (const double offset : {0.0, simple_near(fit.scaling.offset)}) {
        none = none || fits_fixed(f, y, weights, offset, simple_factor, fit.mse, 2);
        const double factor = weighted_mean((y - offset) * f, weights) / f_square;  // the least-squares b for this a
        one = one || fits_fixed(f, y, weights, offset, factor, fit.mse, 1);
    }
    one = one || fits_fixed(f, y, weights, weighted_mean(y - simple_factor * f, weights), simple_factor, fit.mse, 1);
    fit.constants_needed = none ? 0 : one ? 1 : 2;
    return fit;
}

// A formula of the pool at a simple scale (its sign kept apart).
struct AtSimpleScale {
    int constants_needed;  // of the offset and factor
    double loss;           // NMSE on the screening rows
    const ScreenedFormula* formula;
    const SimpleScale* scale;
    bool negative;
};

bool fewer_constants(const AtSimpleScale& a, const AtSimpleScale& b) {
    if (a.constants_needed != b.constants_needed) return a.constants_needed < b.constants_needed;
    return a.loss != b.loss ? a.loss < b.loss : a.formula->order < b.formula->order;
}

// Up to screening_rows of the training rows, evenly spread.
struct ScreeningRows {
    Eigen::ArrayXd x, y, centred_y;
    double y_square_sum;

    explicit ScreeningRows(const Problem& problem) {
        const Eigen::Index rows = problem.train_inputs().rows();
        const Eigen::Index taken = std::min(rows, screening_rows);
        x.resize(taken);
        y.resize(taken);
        for (Eigen::Index r = 0; r < taken; ++r) {
            x[r] = problem.train_inputs()(r * rows / taken, 0);
            y[r] = problem.train_target()[r * rows / taken];
        }
        centred_y = y - y.mean();
        y_square_sum = centred_y.square().sum();
    }
};

// Each formula of the pool at its best scale on the screening rows and at the simple scales near
// it that those rows cannot tell from it (at 1 %); kept at the one needing the fewest of the
// offset and factor. Of those within two standard errors of an NMSE of the lowest loss, the best
// fitted_in_full by constants needed, then loss.
std::vector<AtSimpleScale> screened(const std::vector<ScreenedFormula>& pool, const Problem& problem,
                                    const std::atomic<bool>* stop) {
    const ScreeningRows rows(problem);
    const double n = static_cast<double>(rows.x.size());
    std::vector<std::optional<AtSimpleScale>> found(pool.size());
    std::vector<double> best_losses(pool.size(), INFINITY);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pool.size(), 64), [&](const auto& range) {
        if (stop != nullptr && stop->load()) return;
        Interpreter interpreter;
        Eigen::ArrayXd f(rows.x.size());
        Eigen::ArrayXXd x(rows.x.size(), 1);
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            const ScreenedFormula& formula = pool[i];
            const Tree tree(formula.nodes);
            const double sign = formula.scale < 0 ? -1.0 : 1.0;
            const auto loss_at = [&](double u) {
                x.col(0) = sign * std::exp(u) * rows.x;
                return interpreter.evaluate(tree, x, f) ? scaled_loss(f, rows.centred_y, rows.y_square_sum) : INFINITY;
            };
            const auto [centre, best_loss] = minimum_near(std::log(std::abs(formula.scale)), std::log(10.0) / 16, loss_at);
            if (!std::isfinite(best_loss)) continue;
            best_losses[i] = best_loss;
            for (const SimpleScale* simple : simple_scales_near(std::exp(centre), reach)) {
                const double loss = loss_at(std::log(simple->value));  // f now holds the formula at that scale
                if (!(n * (loss - best_loss) <= chi_squared_99[1] * best_loss + exact_loss)) continue;
                const AtSimpleScale at{linear_fit(f, rows.y, {}).constants_needed, loss, &formula, simple, sign < 0};
                if (!found[i] || fewer_constants(at, *found[i])) found[i] = at;
            }
        }
    });
    if (stop != nullptr && stop->load()) return {};
    const double lowest = *std::min_element(best_losses.begin(), best_losses.end());
    const double highest = lowest * (1 + 2 * std::sqrt(2 / n)) + exact_loss;
    std::vector<AtSimpleScale> kept;
    for (const auto& candidate : found)
        if (candidate && candidate->loss <= highest) kept.push_back(*candidate);
    std::sort(kept.begin(), kept.end(), fewer_constants);
    if (kept.size() > fitted_in_full) kept.resize(fitted_in_full);
    return kept;
}

// x replaced by its simple scale times x: the scale written exactly, nothing to fit in it.
Tree at_scale(const AtSimpleScale& candidate) {
    std::vector<Node> out;
    const bool scaled = candidate.scale->value != 1;
    for (const Node& node : candidate.formula->nodes) {
        if (node.op != Op::Variable) {
            out.push_back(node);
            continue;
        }
        if (scaled) out.insert(out.end(), candidate.scale->nodes.begin(), candidate.scale->nodes.end());
        out.push_back(node);
        if (scaled) out.push_back(Node::function(Op::Mul));
        if (candidate.negative) out.push_back(Node::function(Op::Neg));
    }
    return Tree(std::move(out));
}

}  // namespace

std::vector<Tree> at_simple_scales(const std::vector<ScreenedFormula>& pool, const Problem& problem, double lowest_loss,
                                   const std::atomic<bool>* stop) {
    if (pool.empty()) return {};
    const std::vector<AtSimpleScale> candidates = screened(pool, problem, stop);
    if (candidates.empty()) return {};
    const Eigen::ArrayXd& y = problem.train_target();
    const Eigen::ArrayXd& weights = problem.train_weights();
    std::vector<Tree> trees(candidates.size());
    std::vector<LinearFit> fits(candidates.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size(), 8), [&](const auto& range) {
        Interpreter interpreter;
        Eigen::ArrayXd f(y.size());
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            trees[i] = at_scale(candidates[i]);
            if (interpreter.evaluate(trees[i], problem.train_inputs(), f)) fits[i] = linear_fit(f, y, weights);
        }
    });
    double lowest = lowest_loss;
    for (const LinearFit& fit : fits) lowest = std::min(lowest, fit.mse);
    const double rows = static_cast<double>(y.size());
    const double highest = lowest * (1 + 2 * std::sqrt(2 / rows)) + exact_loss * nmse_denominator(y, weights);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (std::isfinite(fits[i].mse) && fits[i].mse <= highest) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (fits[a].constants_needed != fits[b].constants_needed) return fits[a].constants_needed < fits[b].constants_needed;
        return fits[a].mse < fits[b].mse;
    });
    // one formula per function: exp(x)^2 and exp(2*x), 1/exp(x) and exp(-x) have the same loss
    std::vector<std::size_t> kept;
    for (const std::size_t i : order) {
        const auto same = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
            return std::abs(fits[k].mse - fits[i].mse) <= 1e-9 * fits[k].mse;
        });
        if (same == kept.end()) kept.push_back(i);
        else if (trees[i].length() < trees[*same].length()) *same = i;
    }
    if (kept.size() > returned) kept.resize(returned);
    std::vector<Tree> formulas;
    for (const std::size_t i : kept) formulas.push_back(with_scaling(trees[i], fits[i].scaling));
    return formulas;
}

}  // namespace occam::detail
