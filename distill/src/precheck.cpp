#include "occam/precheck.hpp"

#include <fmt/format.h>

#include <optional>

#include "occam/constant_fitter.hpp"
#include "occam/front_builder.hpp"
#include "occam/metrics.hpp"
#include "occam/pareto_archive.hpp"
#include "reduction.hpp"

namespace occam {
namespace {

using detail::Reduction;

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
        Reduction reduction{detail::columns_of(data, columns), problem.input_names(), problem.target_name(), {}, false};
        if (prechecks.units) detail::apply_units(*prechecks.units, problem, reduction, steps);
        if (prechecks.oracle)
            while (detail::apply_pair_symmetry(prechecks, reduction, steps, seed)) {}
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
