#pragma once
// The whole search as one call: islands evolve in parallel between barriers, where they exchange
// migrants (in island order), merge their archives, report progress and check the stopping rules.
// Same problem, options and seed with an evaluation or generation budget: the same front, whatever
// the thread count.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/search_options.hpp"
#include "occam/tree.hpp"

namespace occam {

struct Progress {
    double elapsed_seconds = 0;
    long long generations = 0;
    long long evaluations = 0;
    double evaluations_per_second = 0;
    double node_rows_per_second = 0;
    double best_loss = INFINITY;  // training NMSE
    std::size_t front_size = 0;
    const ParetoArchive* archive = nullptr;  // all islands' archives merged, valid during the callback
};
using ProgressCallback = std::function<void(const Progress&)>;

struct FrontEntry {
    Tree formula;               // explicit: scaling folded in, simplified, constants snapped where exact
    int complexity = 0;
    std::size_t constants = 0;  // fittable constants left in the formula
    double train_loss = 0;      // NMSE on the training rows (weighted when the problem is)
    double validation_loss = 0; // NMSE on the validation rows (training rows when there are none)
    double validation_r2 = 0;
    // standard error of each fittable constant left, postfix order (constant_uncertainty.hpp);
    // empty when the data cannot give them (no more rows than constants)
    std::vector<double> constant_errors = {};
    // what the front is ranked by when no rows are held out (front_builder.hpp); NaN otherwise
    double description_length = NAN;
};

// When a stalled search added operators (SearchOptions::stall_operators).
struct WideningNote {
    long long generation = 0;  // of the search that widened
    std::string operators;     // those added, comma-separated
};

// When the errors were taken as relative (solve.hpp): the search fitted log|target|, and the losses,
// R2 and standard errors are of the logs, while each formula gives the target itself.
struct LogScale {
    std::string target;  // the column whose logs were fitted
    double sign = 1;     // the target's sign: formulas are sign*exp(g) of a g fitted to log|target|
    double decades = 0;  // log10 of the target's largest to smallest magnitude
};

struct Front {
    std::vector<std::string> variables;  // names of the columns the formulas index
    std::string weights;                 // the weight column the losses are weighted by; empty: none
    std::vector<FrontEntry> entries;     // ascending complexity, strictly falling validation loss
    std::size_t recommended = 0;         // see choose_recommended in front_builder.cpp
    std::string recommendation_rule;     // how `recommended` was chosen, in words, for the reader
    // how the entries were judged when no rows were held out, and what was left out; empty otherwise
    std::string selection_note;
    Progress final_progress;
    bool interrupted = false;
    bool stalled = false;  // stopped by Budget::stall_generations: the data had said all they could
    std::optional<WideningNote> widened;  // none: the islands kept their operators
    std::optional<LogScale> log_scale;    // none: the losses are of the target itself

    bool empty() const { return entries.empty(); }
    const FrontEntry& best() const { return entries.at(recommended); }
};

// stop, when given, is polled at every generation; setting it (e.g. from a SIGINT handler) ends the
// search at the next barrier with the front found so far.
Front search(const Problem& problem, const SearchOptions& options, const ProgressCallback& on_progress = {},
             const std::atomic<bool>* stop = nullptr);

}  // namespace occam
