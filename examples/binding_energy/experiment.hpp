#pragma once
// One split: the SEMF fitted by least squares, occam's search on the same training nuclides, and
// every model's RMS on the training and test nuclides.
#include <occam/dataset.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "semf.hpp"
#include "splits.hpp"

namespace binding_energy {

struct Settings {
    std::uint64_t seed = 1;
    long long evaluations = 1'000'000;  // per split, reproducible
    double time_cap = 140;              // seconds per split, a safety net on a slow machine
    bool weighted = true;               // weights 1 / (sigma_B^2 + floor^2)
    double floor = 0.1;                 // MeV
    std::size_t residual_rounds = 1;
};

struct ModelRow {
    std::string name;
    std::size_t constants = 0;
    int complexity = 0;
    double train_rms = 0;  // MeV, unweighted
    double test_rms = 0;
    std::string formula;
};

struct SplitResult {
    Split split;
    Semf semf;
    ModelRow semf_row;
    std::vector<ModelRow> front;  // ascending complexity
    std::size_t best_compact = std::numeric_limits<std::size_t>::max();  // see pick_best_compact
    double search_seconds = 0;
    long long evaluations = 0;
    bool cut_by_time = false;  // the time cap stopped the search before its evaluation budget
};

// The front entry with at most max_constants fitted constants and the lowest validation loss (the
// most complex such entry: the front's validation loss falls with complexity). The test set plays
// no part in the choice.
std::size_t pick_best_compact(const std::vector<ModelRow>& front, std::size_t max_constants);

SplitResult run_split(const occam::Dataset& data, Split split, const Settings& settings);

}  // namespace binding_energy
