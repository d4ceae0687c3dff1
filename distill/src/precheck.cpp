#include "occam/precheck.hpp"

#include <fmt/format.h>

#include <optional>

#include "occam/constant_fitter.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/dimensionless_problem.hpp"
#include "occam/front_builder.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/print.hpp"
#include "occam/substitute.hpp"

namespace occam {
namespace {

// The problem as it stands after the changes of variables so far: its data (inputs, then the
// target) and how to carry a formula over its inputs back to the original ones.
struct Reduction {
    Dataset data;
    std::vector<std::string> inputs;
    std::string target;
    std::vector<std::function<Tree(const Tree&)>> back;  // applied last to first
    bool changed = false;

    Tree to_original(Tree formula) const {
        for (auto step = back.rbegin(); step != back.rend(); ++step) formula = (*step)(formula);
        return formula;
    }
};

Dataset columns_of(const Dataset& data, const std::vector<std::string>& names) {
    Eigen::ArrayXXd values(data.rows(), static_cast<Eigen::Index>(names.size()));
    for (std::size_t c = 0; c < names.size(); ++c)
        values.col(static_cast<Eigen::Index>(c)) = data.values().col(static_cast<Eigen::Index>(data.require(names[c], "the data")));
    return Dataset(names, std::move(values));
}

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

// Dimensional analysis: the dimensionless problem in place of the original when it removes inputs.
void apply_units(const UnitsTable& units, const Problem& problem, Reduction& reduction, std::vector<std::string>& steps) {
    const DimensionalAnalysis analysis = analyze_dimensions(units, problem);
    if (!analysis.form) {
        steps.push_back("dimensional analysis skipped: " + analysis.warning);
        return;
    }
    const DimensionlessForm& form = *analysis.form;
    steps.push_back("dimensional analysis: " + form.description());
    if (form.variables_removed() == 0) return;
    std::vector<std::string> columns = form.group_names();
    columns.push_back(form.target_name);
    reduction.data = columns_of(to_dimensionless(reduction.data, form), columns);
    reduction.inputs = form.group_names();
    reduction.target = form.target_name;
    reduction.back.push_back([form](const Tree& g) { return from_dimensionless(g, form); });
    reduction.changed = true;
}

Tree pair_tree(PairSymmetry kind, std::uint32_t i, std::uint32_t j) {
    static constexpr Op ops[] = {Op::Sub, Op::Div, Op::Mul, Op::Add};  // in PairSymmetry order
    return Tree({Node::variable(i), Node::variable(j), Node::function(ops[static_cast<int>(kind)])});
}

// Replaces the pair of the strongest accepted symmetry by one input; false when none holds.
bool apply_pair_symmetry(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<std::string>& steps,
                         std::uint64_t seed) {
    if (reduction.inputs.size() < 2) return false;
    const JudgedOracle oracle = prechecks.oracle(reduction.data, reduction.inputs, reduction.target);
    const auto inputs = static_cast<Eigen::Index>(reduction.inputs.size());
    const CheckSettings settings{.threshold = oracle.threshold, .points = prechecks.symmetry_points, .seed = seed};
    const auto verdicts = check_pair_symmetries(oracle.f, reduction.data.values().leftCols(inputs), settings);
    const PairSymmetryVerdict* best = nullptr;
    for (const auto& v : verdicts)
        if (v.evidence.accepted() && (!best || v.evidence.error < best->evidence.error)) best = &v;
    if (!best) {
        steps.push_back(fmt::format("no pair symmetry among {} ({} tested; oracle: {})", fmt::join(reduction.inputs, ", "),
                                    verdicts.size(), oracle.description));
        return false;
    }
    const std::string& a = reduction.inputs[best->first];
    const std::string& b = reduction.inputs[best->second];
    const std::string name = fmt::format("u{}", reduction.back.size() + 1);
    steps.push_back(fmt::format("pair symmetry: f depends on {} only through {} = {} (error {:.2g} <= threshold {:.2g}; oracle: {})",
                                fmt::format("{}, {}", a, b), name, describe(best->kind, a, b), best->evidence.error,
                                best->evidence.threshold, oracle.description));
    // the new inputs: the pair's combination in place of the first, the others as they were
    std::vector<Tree> replacements;  // new variable k as a tree over the old variables
    std::vector<std::string> names;
    Eigen::ArrayXXd values(reduction.data.rows(), inputs);  // inputs - 1 columns, then the target
    Interpreter interpreter;
    Eigen::Index column = 0;
    for (std::size_t k = 0; k < reduction.inputs.size(); ++k) {
        if (k == best->second) continue;
        Tree tree = k == best->first ? pair_tree(best->kind, static_cast<std::uint32_t>(best->first),
                                                 static_cast<std::uint32_t>(best->second))
                                     : Tree({Node::variable(static_cast<std::uint32_t>(k))});
        Eigen::ArrayXd out(reduction.data.rows());
        interpreter.evaluate(tree, reduction.data.values(), out);
        values.col(column++) = out;
        names.push_back(k == best->first ? name : reduction.inputs[k]);
        replacements.push_back(std::move(tree));
    }
    values.col(column) = reduction.data.values().col(inputs);
    std::vector<std::string> all = names;
    all.push_back(reduction.target);
    reduction.data = Dataset(all, std::move(values));
    reduction.inputs = names;
    reduction.back.push_back([replacements](const Tree& g) { return substitute_variables(g, replacements); });
    reduction.changed = true;
    return true;
}

Front reduced_search(const Problem& problem, const SplitOptions& split, const Reduction& reduction,
                     const SearchOptions& options, const ProgressCallback& on_progress,
                     const std::atomic<bool>* stop, std::vector<std::string>& steps) {
    ParetoArchive archive;
    Front front;
    if (reduction.inputs.empty()) {
        // the target is a constant times the prefactor: nothing to search, one constant to fit
        archive.insert(fitted_on(problem, reduction.to_original(Tree({Node::number(1)})), options.fitting.final_iterations));
        steps.push_back("no input is left: fitted the constant");
    } else {
        const Problem reduced(reduction.data, reduction.target, reduction.inputs, split);
        steps.push_back(fmt::format("searching {} from {} instead of {} from {} input(s)", reduction.target,
                                    fmt::join(reduction.inputs, ", "), problem.target_name(), problem.input_names().size()));
        const Front small = search(reduced, options, on_progress, stop);
        for (const FrontEntry& entry : small.entries)
            archive.insert(fitted_on(problem, reduction.to_original(entry.formula), options.fitting.iterations));
        front.interrupted = small.interrupted;
        front.final_progress = small.final_progress;
    }
    Front built = build_front(problem, archive, options.fitting);
    built.interrupted = front.interrupted;
    built.final_progress = front.final_progress;
    return built;
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
        Reduction reduction{columns_of(data, columns), problem.input_names(), problem.target_name(), {}, false};
        if (prechecks.units) apply_units(*prechecks.units, problem, reduction, steps);
        if (prechecks.oracle)
            while (apply_pair_symmetry(prechecks, reduction, steps, seed)) {}
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
    if (const auto reduction = reduce(data, problem, prechecks, options.seed, result.steps)) {
        result.front = reduced_search(problem, split, *reduction, options, on_progress, stop, result.steps);
        return result;
    }
    result.front = search(problem, options, on_progress, stop);
    return result;
}

}  // namespace occam
