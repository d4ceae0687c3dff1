#pragma once
// Distillation: sample a learned component and search one formula per output. A learned latent is
// only defined up to an affine map (the next network absorbs a + b*f), and the engine fits every
// formula with optimal linear scaling, so the loss that ranks formulas is invariant to that map;
// the printed formulas carry the fitted a and b so that they reproduce the component's values.
#include <Eigen/Core>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "occam/feed_forward.hpp"
#include "occam/metrics.hpp"
#include "occam/precheck.hpp"
#include "occam/sampling_domain.hpp"
#include "occam/search.hpp"

namespace occam {

struct DistillOptions {
    SearchOptions search;  // its budget is the whole distillation's, shared among the outputs
    // A component's inputs are usually few and its outputs smooth approximations, so no pre-checks
    // unless asked for (PrecheckMode::automatic runs them on each output's samples, as solve() does).
    PrecheckMode prechecks = PrecheckMode::off;
    std::size_t samples = 2000;                // points drawn from the domain for the search
    SamplingPlan plan = SamplingPlan::random_box;
    std::optional<std::size_t> output_index;   // one output only; all outputs when empty
    double validation_fraction = 0.25;
    std::size_t check_points = 10000;          // fresh domain points on which the chosen formula is scored
    // A network is an approximation with no exact law inside, so its front falls on with complexity
    // long after the formula is good enough: the simplest formula whose validation R2 reaches this
    // is recommended (the usual rule of the front when none does). 0 keeps the usual rule.
    double r2_goal = 0.999;
};

struct DistilledOutput {
    std::string name;
    Front front;
    // the recommended formula against the component: on fresh points of the domain, or on the
    // given inputs when the component was sampled on real inputs
    FitMetrics agreement;
};

struct Distillation {
    std::vector<DistilledOutput> outputs;
    bool interrupted = false;
};

// The component's inputs and outputs at the given points, as a Dataset with the component's names.
Dataset component_samples(const FeedForward& component, const Eigen::Ref<const Eigen::MatrixXd>& inputs);

Distillation distill(const FeedForward& component, const Domain& domain, const DistillOptions& options,
                     const ProgressCallback& on_progress = {}, const std::atomic<bool>* stop = nullptr);

// On real inputs (rows x component inputs), e.g. the particles of recorded jets.
Distillation distill(const FeedForward& component, const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                     const DistillOptions& options, const ProgressCallback& on_progress = {},
                     const std::atomic<bool>* stop = nullptr);

}  // namespace occam
