#pragma once
// Search with pre-checks (AI Feynman's idea: simplify the problem before searching it). Each check
// that applies turns the problem into a smaller one; the formulas found there are mapped back to
// the original variables, refitted on the original training rows and put on the front on the same
// terms as any other formula (front_builder.hpp). Every step is logged in words for the report.
//
// The checks, in order: with a units table, differences and sums of inputs in the same units, then
// dimensional analysis; then, as long as one holds, pair symmetries (f depends on x_i - x_j,
// x_i/x_j, x_i*x_j or x_i + x_j: the pair becomes one new input; a ratio may hold up to a power,
// f = x_j^k g(x_i/x_j), and g becomes the target), asked of an oracle for the current problem,
// normally the neural surrogate; then additive or multiplicative separability, f = g(A) op h(B),
// or failing that additive after an output transform, f = T^-1(g(A) + h(B)); a part of two inputs
// or more gets these checks in turn.
//
// Searches run as stages feeding one archive: the parts of a separable problem (a quarter of the
// budget), the reduced problem (a quarter, or half), then the original problem with what is left
// (the early stages stop at 90 % of the budget, and a twentieth of a time limit is kept for
// building the front, so normally a twentieth or more); the first stage whose formulas reach the
// target loss on the original rows ends the search, else the plain search always runs. With --checkpoint the reduced search is saved, or
// the plain one when no reduced problem was made; the parts are not saved.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/search.hpp"
#include "occam/symmetry_checks.hpp"
#include "occam/units.hpp"

namespace occam {

enum class PrecheckMode { off, automatic };

// A function to ask symmetry questions of, for the problem of learning target from inputs in data,
// and the threshold its answers are judged with.
struct JudgedOracle {
    Oracle f;
    double threshold = 0;
    std::string description;  // for the report: "surrogate 3x64 tanh, validation RMSE 2.1e-4 of sd"
    // f returns log|target| for a target of this sign (see CheckSettings::log_magnitude)
    bool log_magnitude = false;
    double sign = 1;

    CheckSettings settings(std::size_t points, std::uint64_t seed) const {
        return {.threshold = threshold, .points = points, .seed = seed, .log_magnitude = log_magnitude};
    }
    // the target itself at the points, whichever scale f answers in
    Eigen::ArrayXd values(const Eigen::ArrayXXd& points) const {
        Eigen::ArrayXd answer = f(points);
        if (log_magnitude) answer = sign * answer.exp();
        return answer;
    }
};
using OracleFactory = std::function<JudgedOracle(const Dataset& data, const std::vector<std::string>& inputs,
                                                 const std::string& target)>;

struct PrecheckOptions {
    PrecheckMode mode = PrecheckMode::automatic;
    const UnitsTable* units = nullptr;  // dimensional analysis only with a table
    OracleFactory oracle = {};          // symmetry checks only with an oracle
    // automatic mode leaves smaller problems to the plain search, after every small formula of a
    // problem of one input (small_formula_enumeration.hpp)
    std::size_t min_inputs = 3;
    std::size_t symmetry_points = 400;  // test points per hypothesis
};

// What one step of the pre-checks found or did: a kind to act on (tests, reports, bindings) and
// the same in words, for people.
enum class StepKind {
    log_target,        // the errors taken as relative: log|target| is searched (solve.hpp)
    skipped,           // pre-checks off, too few inputs, or their share of the time used
    units,             // dimensional analysis: the dimensionless problem, or why it was skipped
    pair_symmetry,     // two inputs became one (a difference, ratio, product or sum)
    no_pair_symmetry,  // none of the pair hypotheses held
    target_changed,    // the target was divided by a power of an input (a homogeneous ratio)
    split,             // f = g(A) op h(B), possibly after an output transform
    no_split,          // no split held
    enumeration,       // every small formula of one input was tried
    search,            // a search of the reduced problem or of a part started
    plain_search,      // no stage reached the target loss: the problem as it is searched with the rest
    refit,             // formulas of the parts paired and refitted on the data
    constant,          // no input left: the constant was fitted
    failed,            // a stage could not run (the oracle gave no usable values, or a stop came)
};

struct PrecheckStep {
    StepKind kind;
    std::string text;  // the step in words
    std::string part = {};  // the part of a separable problem it was taken in ("y_g", "y_g: y_g_h"); empty: the problem
    std::string line() const { return part.empty() ? text : part + ": " + text; }
    bool operator==(const PrecheckStep&) const = default;
};

struct PrecheckedSearch {
    Front front;                      // over the original inputs
    std::vector<PrecheckStep> steps;  // what was checked, what was found, what was searched
};

// The reductions search_with_prechecks would make, in words, without searching.
std::vector<std::string> plan_prechecks(const Dataset& data, const Problem& problem, const PrecheckOptions& prechecks,
                                        std::uint64_t seed = 1);

// data holds the target and inputs of problem; every problem made from it is split like problem.
// options.budget covers everything, the oracle's training included: the checks may start new
// questions during the first half of a time limit, the early stages stop at 90 % of the budget, and
// the plain search gets the rest but a twentieth of a time limit, kept for building the front (at
// least a hundredth, when checks overran).
PrecheckedSearch search_with_prechecks(const Dataset& data, const Problem& problem, const SearchOptions& options,
                                       const PrecheckOptions& prechecks,
                                       const ProgressCallback& on_progress = {},
                                       const std::atomic<bool>* stop = nullptr);

}  // namespace occam
