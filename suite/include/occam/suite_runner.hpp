#pragma once
// Runs one benchmark problem end to end: data (sampled or read), search, the recommended formula,
// and the honest verdict on it.
#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "occam/exactness.hpp"
#include "occam/search_options.hpp"
#include "occam/suite_manifest.hpp"
#include "occam/units.hpp"

namespace occam {

struct SuiteOptions {
    double noise = 0;            // Gaussian noise on the target, sd = noise x RMS (sampled problems)
    std::size_t rows = 10000;    // rows sampled per Feynman problem
    std::uint64_t seed = 1;
    SearchOptions search;        // budget, threads, operators, ...
    // Pre-checks before the search (dimensional analysis with these units, pair symmetries through
    // the neural surrogate). The time to the first exact formula is then the whole search's time:
    // archive members of a reduced problem are over other variables than the truth.
    bool prechecks = false;
    const UnitsTable* units = nullptr;
};

struct SuiteOutcome {
    std::string id;
    bool exact = false;  // after refit (see exactness.hpp); a real table's: the recommended formula has the law's form
    bool exact_as_printed = false;             // sampled problems: exact with its own constants
    std::optional<bool> law_on_front;          // real tables: some formula of the front has the law's form
    // real tables: the law is off the front because a formula no more complex than it fits the
    // table better (the rows alone prefer that formula; no search can put the law on the front)
    std::optional<bool> law_outdone;
    double max_relative_error = INFINITY;
    double test_r2 = 0;
    int complexity = 0;
    double seconds = 0;                        // the whole search
    std::optional<double> seconds_to_exact;    // first barrier whose archive held a formula exact after refit
    std::string formula;                       // the recommended formula, infix
    std::vector<std::string> steps;            // what the pre-checks did, when they ran, in words
    std::vector<std::pair<int, double>> front; // complexity and validation loss of each front entry
    bool interrupted = false;
};

SuiteOutcome run_suite_problem(const SuiteProblem& problem, const SuiteOptions& options,
                               const std::atomic<bool>* stop = nullptr);

// "feynman: 71/100 exact as printed (74 after refit), 93/100 R²≥0.999, median 14 s"; for real tables
// "real: 20/23 law on the front, 17/23 recommended, median 3 s"
std::string suite_summary(const std::string& suite, const std::vector<SuiteOutcome>& outcomes);

// Whether an outcome counts as solved in a summary: a sampled law exact as printed (the stricter
// verdict), a real table's law recommended.
bool solved(const SuiteOutcome& outcome);

// The same problems run with several seeds (`by_seed[k]` holds seed k's outcomes, in one order):
// "over 3 seeds: 95.7/100 on average, 95 at least, 97 at most; 94 solved on every seed, 3 on some
// (I.6.2 2/3, ...), 3 on none"
std::string seeds_summary(const std::vector<std::vector<SuiteOutcome>>& by_seed);

}  // namespace occam
