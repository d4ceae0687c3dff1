#pragma once
// Iterated residual search (in the spirit of MISR, Munoz, Udrescu & Garcia Ruiz 2024): round 1
// searches the target; each later round searches what the rounds before it left unexplained,
// y - (sum of their chosen formulas). The model is the sum of the rounds' chosen formulas, with its
// constants polished together on all training rows.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "occam/problem.hpp"
#include "occam/search.hpp"
#include "occam/search_options.hpp"
#include "occam/tree.hpp"

namespace occam {

struct ResidualRound {
    std::string target;  // what the round searched: the target, or its residual after the rounds before
    Front front;         // losses are NMSE of that residual
    const FrontEntry& chosen() const { return front.best(); }  // the formula added to the model
};

struct ResidualModel {
    std::vector<std::string> variables;
    std::string weights;  // the weight column of every loss here; empty: unweighted
    std::vector<ResidualRound> rounds;
    Tree formula;         // the sum of the chosen formulas, simplified, constants fitted together
    int complexity = 0;
    std::size_t constants = 0;
    double train_loss = INFINITY;       // NMSE of the sum against the original target, training rows
    double validation_loss = INFINITY;  // the same on the validation rows (training rows when none)
    double validation_r2 = 0;
    bool interrupted = false;  // a stop ended the last round early and no later round started
};

// progress of round `round` (1-based) of the search
using RoundProgressCallback = std::function<void(std::size_t round, const Progress& progress)>;

// How one round searches its problem: search() unless told otherwise (the pipeline runs the
// pre-checks in round 1, see solve.hpp).
using RoundSearch = std::function<Front(std::size_t round, const Problem& problem, const SearchOptions& options,
                                        const ProgressCallback& on_progress, const std::atomic<bool>* stop)>;

// input_error for rounds = 0, or a checkpoint with more than one round (a checkpoint holds one search).
void check_residual_rounds(std::size_t rounds, const SearchOptions& options);

// Round r (from 1) runs round_search (search() when empty) with options.seed + r - 1, so one round
// is search() itself. options.budget is the budget of all rounds together: each round gets what
// the rounds before it left, divided evenly among it and the rounds after it (never less than a
// hundredth of the whole, so no round is dropped when one before it overran). A stop ends the
// running round at its next barrier; the rounds done so far and that round's front so far make
// the model. Checks rounds and options first.
ResidualModel search_residuals(const Problem& problem, const SearchOptions& options, std::size_t rounds,
                               const RoundProgressCallback& on_progress = {}, const std::atomic<bool>* stop = nullptr,
                               const RoundSearch& round_search = {});

}  // namespace occam
