#include "search_stage.hpp"

#include "occam/constant_fitter.hpp"
#include "occam/metrics.hpp"

#include <algorithm>

namespace occam::detail {

Budget share_of(const Budget& budget, double share) {
    Budget part = budget;
    if (budget.time_limit) part.time_limit = *budget.time_limit * share;
    if (budget.max_evaluations)
        part.max_evaluations = std::max(1LL, static_cast<long long>(static_cast<double>(*budget.max_evaluations) * share));
    if (budget.max_generations)
        part.max_generations = std::max(1LL, static_cast<long long>(static_cast<double>(*budget.max_generations) * share));
    return part;
}

Budget after_spending(const Budget& budget, std::chrono::duration<double> spent) {
    Budget rest = budget;
    if (budget.time_limit) rest.time_limit = std::max(*budget.time_limit - spent, *budget.time_limit / 10);
    return rest;
}

Individual fitted_on(const Problem& problem, Tree formula, int lm_iterations) {
    Individual individual;
    ConstantFitter fitter(lm_iterations);
    const FitResult fit = fitter.fit(formula, problem.train_inputs(), problem.train_target(), problem.train_weights());
    individual.tree = std::move(formula);
    individual.scaling = fit.scaling;
    individual.complexity = individual.tree.complexity();
    individual.loss =
        fit.finite() ? fit.mse / nmse_denominator(problem.train_target(), problem.train_weights()) : INFINITY;
    return individual;
}

}  // namespace occam::detail
