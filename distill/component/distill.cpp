#include "occam/distill.hpp"

#include <fmt/format.h>

#include <chrono>

#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/solve.hpp"

namespace occam {
namespace {

std::vector<std::size_t> chosen_outputs(const FeedForward& component, const DistillOptions& options) {
    if (!options.output_index) {
        std::vector<std::size_t> all(component.output_names.size());
        for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
        return all;
    }
    if (*options.output_index >= component.output_names.size())
        throw input_error(fmt::format("--output-index {}: the component has {} output(s), numbered from 0",
                                      *options.output_index, component.output_names.size()));
    return {*options.output_index};
}

FitMetrics agreement_of(const Front& front, const Eigen::MatrixXd& inputs, const Eigen::VectorXd& truth) {
    if (front.empty()) return {};
    Eigen::ArrayXd predicted(inputs.rows());
    Interpreter interpreter;
    if (!interpreter.evaluate(front.best().formula, inputs.array(), predicted)) {
        FitMetrics undefined;
        undefined.r2 = -INFINITY;
        undefined.rmse = undefined.nmse = undefined.max_abs_error = INFINITY;
        return undefined;
    }
    return fit_metrics(truth.array(), predicted);
}

void recommend_simplest_reaching(Front& front, double r2_goal) {
    if (r2_goal <= 0) return;
    for (std::size_t i = 0; i < front.entries.size(); ++i) {
        if (front.entries[i].validation_r2 >= r2_goal) {
            front.recommended = i;
            front.recommendation_rule = fmt::format("the simplest formula with validation R2 >= {}", r2_goal);
            return;
        }
    }
}

// Searches each chosen output on the sampled inputs and scores the result on the check inputs.
Distillation distill_on(const FeedForward& component, const Eigen::MatrixXd& search_inputs,
                        const Eigen::MatrixXd& check_inputs, const DistillOptions& options,
                        const ProgressCallback& on_progress, const std::atomic<bool>* stop) {
    const auto start = std::chrono::steady_clock::now();
    const Dataset samples = component_samples(component, search_inputs);
    const Eigen::MatrixXd check_outputs = component.evaluate(check_inputs);
    const std::vector<std::size_t> outputs = chosen_outputs(component, options);
    SolveOptions solve_options;
    solve_options.search = options.search;
    solve_options.prechecks.mode = options.prechecks;
    // a component's outputs are computed, not measured: each is fitted as it is, and the R2 goal
    // is on its own scale
    solve_options.errors = ErrorModel::absolute;
    solve_options.validate();
    const RoundProgressCallback progress =
        on_progress ? RoundProgressCallback([&](std::size_t, const Progress& p) { on_progress(p); }) : RoundProgressCallback{};
    Distillation result;
    Spent spent;
    for (std::size_t done = 0; done < outputs.size(); ++done) {
        if (stop && stop->load()) {
            result.interrupted = true;
            break;
        }
        // the budget is the whole distillation's: each output gets its share of what is left
        spent.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        solve_options.search.budget = fair_share(options.search.budget, spent, outputs.size() - done);
        const std::size_t k = outputs[done];
        const std::string& name = component.output_names[k];
        const Problem problem(samples, name, component.input_names,
                              {.validation_fraction = options.validation_fraction, .seed = options.search.seed});
        DistilledOutput output{name, solve(samples, problem, solve_options, progress, stop).front, {}};
        spent.evaluations += output.front.final_progress.evaluations;
        spent.generations += output.front.final_progress.generations;
        recommend_simplest_reaching(output.front, options.r2_goal);
        output.agreement = agreement_of(output.front, check_inputs, check_outputs.col(static_cast<Eigen::Index>(k)));
        result.interrupted = result.interrupted || output.front.interrupted;
        result.outputs.push_back(std::move(output));
    }
    return result;
}

}  // namespace

Dataset component_samples(const FeedForward& component, const Eigen::Ref<const Eigen::MatrixXd>& inputs) {
    const Eigen::MatrixXd outputs = component.evaluate(inputs);
    if (!outputs.allFinite())
        throw input_error("the component's outputs are NaN or Inf at some sampled points; narrow the domain");
    std::vector<std::string> names = component.input_names;
    names.insert(names.end(), component.output_names.begin(), component.output_names.end());
    Eigen::ArrayXXd values(inputs.rows(), inputs.cols() + outputs.cols());
    values << inputs.array(), outputs.array();
    return Dataset(std::move(names), std::move(values));
}

Distillation distill(const FeedForward& component, const Domain& domain, const DistillOptions& options,
                     const ProgressCallback& on_progress, const std::atomic<bool>* stop) {
    const Eigen::MatrixXd search_inputs = sample_domain(domain, options.samples, options.plan, options.search.seed);
    // fresh points from another stream, so the score is not measured on what the search saw
    const Eigen::MatrixXd check_inputs =
        sample_domain(domain, options.check_points, SamplingPlan::random_box, options.search.seed ^ 0x5eedc0ffeeULL);
    return distill_on(component, search_inputs, check_inputs, options, on_progress, stop);
}

Distillation distill(const FeedForward& component, const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                     const DistillOptions& options, const ProgressCallback& on_progress,
                     const std::atomic<bool>* stop) {
    if (inputs.cols() != component.input_count())
        throw input_error(fmt::format("the component has {} inputs; the given points have {} columns",
                                      component.input_count(), inputs.cols()));
    return distill_on(component, inputs, inputs, options, on_progress, stop);
}

}  // namespace occam
