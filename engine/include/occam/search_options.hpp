#pragma once
// Options of a search, grouped by concern. Defaults are what `occam search data.csv --target y` uses.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "occam/budget.hpp"
#include "occam/operator_set.hpp"

namespace occam {

// How often each mutation is picked, relative to the others.
struct MutationWeights {
    double point = 1.0;             // change one node's operator, variable or constant
    double subtree = 1.0;           // replace a subtree by a new random one
    double insert = 1.0;            // wrap a subtree in a new operator
    double hoist = 1.0;             // replace a subtree by one of its own subtrees (shrinks)
    double constant = 0.5;          // multiply a constant by a random factor
    double swap = 0.3;              // exchange the operands of a binary operator
};

struct PopulationOptions {
    std::size_t islands = 8;
    std::size_t population_size = 200;   // per island
    std::size_t max_length = 30;
    // Every other island (the odd ones) breeds formulas of at most this many nodes, where a short
    // exact law is not crowded out by long rational approximations (1/(exp(c*z) - 1) was found in
    // 5 s with every island capped at 12 nodes, not in 20 s at 30). Off by default: with 12, the
    // search-acceptance equations lost more long laws than they gained (16 vs 19 of 24 runs,
    // bench/RESULTS.md). 0: no cap.
    std::size_t short_island_length = 0;
    std::size_t max_depth = 12;
    std::size_t generations_per_epoch = 4;  // generations between migrations (barriers)
    std::size_t migrants = 2;
    std::size_t tournament_size = 5;
    double crossover_probability = 0.4;
    // selection price of one unit of complexity, in decades of loss; 0.01 and 0.05 solved fewer
    // Feynman problems (bench/RESULTS.md), so it is off unless asked for
    double parsimony = 0;
    double archive_parent_probability = 0.2;  // a parent is drawn from the island's Pareto archive
};

struct FittingOptions {
    int iterations = 8;             // Levenberg-Marquardt iterations per candidate
    // candidates are fitted on at most this many training rows; 512 solved 19 of 24 acceptance
    // runs against 17 for 1024 (bench/RESULTS.md) at half the cost per evaluation
    std::size_t max_rows = 512;
    int final_iterations = 100;     // for the formulas on the front, on all training rows
    bool snap = true;               // try exact values for fitted constants
    // Fit a new candidate a second time from its constants' negatives and keep the better fit. LM
    // does not cross a constant's zero: exp(c*x^2) started at c > 0 settles on a poor fit and the
    // Gaussian is missed. Costs up to two fits per candidate; off until measured on the suites.
    bool sign_restart = false;
};

// Saving a search at its barriers and continuing it later (format in checkpoint.cpp). A resumed
// search must use the same options and data (checked); only the budget, threads and front options
// may change. Generation and evaluation budgets count the resumed work too, so 10 generations and
// a resume to 20 give the same front as one run of 20; the time limit counts from the resume.
struct CheckpointOptions {
    std::string path;    // written at every barrier, through path.tmp and a rename; empty: none
    std::string resume;  // continue from this checkpoint; empty: start afresh
};

struct SearchOptions {
    std::uint64_t seed = 1;
    std::size_t threads = 0;  // 0: all cores
    OperatorSet operators = OperatorSet::standard();
    // Operators every island adds once the search stalls: the best training loss has not fallen by
    // 1 % for `widen_after` generations. Laws one operator outside `operators` (inverse tangents of
    // ratios, hyperbolic tangents, fitted powers) are then within reach, while the common case keeps
    // the smaller, faster set. Counted in generations, so deterministic; never in a checkpointed
    // search, whose resume must continue bit for bit. Added whatever `operators` is: a search that
    // must keep its own set clears this (the CLI does when --ops is given). Empty: never.
    OperatorSet stall_operators = OperatorSet::on_stall();
    long long widen_after = 100;
    Budget budget;
    PopulationOptions population;
    FittingOptions fitting;
    MutationWeights mutation;
    CheckpointOptions checkpoint;

    // input_error naming the first impossible option
    void validate() const;
};

}  // namespace occam
