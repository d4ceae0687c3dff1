#pragma once
// The neural surrogate of the pre-checks (AI Feynman's step 2): a small MLP fitted to (X, y), so that
// symmetry and separability hypotheses can be tested at points the data do not contain.
//
// Default training is Levenberg-Marquardt on the full training split: for a smooth law, a network of
// a few hundred weights trained to second order beats a wide one trained by Adam by an order of
// magnitude in accuracy for the same time (~1e-3 against ~1.5e-2 relative RMSE on five Feynman laws
// in ~5 s, measured when the trainers were compared). Adam on mini-batches remains for wide networks and large data.
//
// Deterministic: the same data, options and seed give bit-identical weights for any thread count,
// unless the time limit stops training (a clock is never deterministic).
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/feed_forward.hpp"

namespace occam {

enum class SurrogateTrainer {
    levenberg_marquardt,  // full-batch, second order; cost per step ~ rows x weights^2
    adam,                 // mini-batches; cost per epoch ~ rows x weights
};

struct AdamSchedule {
    Eigen::Index batch_rows = 256;
    double learning_rate = 3e-3;        // first epoch; decays geometrically ...
    double final_learning_rate = 3e-5;  // ... to this at max_iterations
};

struct SurrogateOptions {
    std::vector<int> hidden_widths = {12, 12, 12};
    Activation activation = Activation::softplus;  // hidden layers; the output layer is linear
    SurrogateTrainer trainer = SurrogateTrainer::levenberg_marquardt;
    int max_iterations = 200;        // Levenberg-Marquardt steps or Adam epochs
    int patience = 30;               // iterations without a better validation error before stopping
    double time_limit_seconds = 60;  // reached: stop with the best weights so far
    double validation_fraction = 0.2;  // held out for early stopping and the reported error
    Eigen::Index max_rows = 10000;     // a random subset of larger data (the smooth fit needs no more)
    std::uint64_t seed = 1;            // initial weights, subset, split and mini-batch order
    AdamSchedule adam;                 // used by SurrogateTrainer::adam only
};

struct Surrogate {
    // Input and output standardisation are the network's own normalisations, so evaluate() takes and
    // returns the data's units, and the network can be saved as a component.
    FeedForward network;
    double validation_rmse = 0;  // of the best weights on the held-out rows, in the target's units
    double target_sd = 0;        // of the target over the rows used
    int iterations = 0;          // Levenberg-Marquardt steps or Adam epochs run
    double seconds = 0;
    bool time_limit_reached = false;

    double relative_rmse() const { return validation_rmse / target_sd; }
};

// X is rows x inputs, y one target per row. input_error for mismatched sizes, fewer than 10 rows,
// non-finite values, a constant target, or options out of range.
Surrogate train_surrogate(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXd>& y,
                          std::vector<std::string> input_names, std::string output_name,
                          const SurrogateOptions& options = {});
// The target column of data against all other columns.
Surrogate train_surrogate(const Dataset& data, std::string_view target, const SurrogateOptions& options = {});

}  // namespace occam
