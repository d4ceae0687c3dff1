#pragma once
// A run of a few generations on small islands, the same on any machine: what tests of the pipeline
// give solve() (a generation budget instead of a time limit keeps them reproducible).
#include <cstddef>

#include "occam/solve.hpp"

namespace occam::test {

inline SolveOptions short_solve(long long generations, std::size_t threads = 1) {
    SolveOptions options;
    options.search.threads = threads;
    options.search.budget.time_limit.reset();
    options.search.budget.max_generations = generations;
    options.search.population.islands = 2;
    options.search.population.population_size = 60;
    return options;
}

}  // namespace occam::test
