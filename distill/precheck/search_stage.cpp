#include "search_stage.hpp"

#include "occam/constant_fitter.hpp"
#include "occam/metrics.hpp"


namespace occam::detail {

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
