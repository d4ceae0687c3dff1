#include "occam/precheck.hpp"

#include <fmt/format.h>

#include "occam/constant_fitter.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/dimensionless_problem.hpp"
#include "occam/front_builder.hpp"
#include "occam/metrics.hpp"
#include "occam/pareto_archive.hpp"

namespace occam {
namespace {

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

Front dimensionless_search(const Dataset& data, const Problem& problem, const SplitOptions& split,
                           const DimensionlessForm& form, const SearchOptions& options,
                           const ProgressCallback& on_progress, const std::atomic<bool>* stop,
                           std::vector<std::string>& steps) {
    ParetoArchive archive;
    bool interrupted = false;
    Progress progress;
    if (form.groups.empty()) {
        // the target is a constant times the prefactor: nothing to search, one constant to fit
        archive.insert(fitted_on(problem, form.prefactor_tree, options.fitting.final_iterations));
        steps.push_back(fmt::format("no dimensionless group is left: fitted {} = c * {}", form.target,
                                    form.prefactor_text));
    } else {
        const Problem reduced = dimensionless_problem(data, form, split);
        steps.push_back(fmt::format("searching {} from {} instead of {} from {} input(s)", form.target_name,
                                    fmt::join(form.group_names(), ", "), form.target, form.inputs.size()));
        const Front small = search(reduced, options, on_progress, stop);
        for (const FrontEntry& entry : small.entries)
            archive.insert(fitted_on(problem, from_dimensionless(entry.formula, form), options.fitting.iterations));
        interrupted = small.interrupted;
        progress = small.final_progress;
    }
    Front front = build_front(problem, archive, options.fitting);
    front.interrupted = interrupted;
    front.final_progress = progress;
    return front;
}

}  // namespace

PrecheckedSearch search_with_prechecks(const Dataset& data, const Problem& problem, const SplitOptions& split,
                                       const SearchOptions& options, const PrecheckOptions& prechecks,
                                       const ProgressCallback& on_progress, const std::atomic<bool>* stop) {
    PrecheckedSearch result;
    const bool checks_apply =
        prechecks.mode == PrecheckMode::automatic && problem.input_names().size() >= prechecks.min_inputs;
    if (checks_apply && prechecks.units && problem.weighted()) {
        result.steps.push_back("dimensional analysis skipped: weighted fits are not carried into reduced problems yet");
    } else if (checks_apply && prechecks.units) {
        const DimensionalAnalysis analysis = analyze_dimensions(*prechecks.units, problem);
        if (!analysis.form) {
            result.steps.push_back("dimensional analysis skipped: " + analysis.warning);
        } else {
            result.steps.push_back("dimensional analysis: " + analysis.form->description());
            if (analysis.form->variables_removed() > 0) {
                result.front =
                    dimensionless_search(data, problem, split, *analysis.form, options, on_progress, stop, result.steps);
                return result;
            }
            result.steps.push_back("no input is removed: searching the problem as it is");
        }
    } else if (!checks_apply) {
        result.steps.push_back(prechecks.mode == PrecheckMode::off
                                   ? "pre-checks off"
                                   : fmt::format("pre-checks skipped: fewer than {} inputs", prechecks.min_inputs));
    }
    result.front = search(problem, options, on_progress, stop);
    return result;
}

}  // namespace occam
