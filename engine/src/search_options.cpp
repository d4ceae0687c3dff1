#include "occam/search_options.hpp"

#include <fmt/format.h>

#include "occam/error.hpp"

namespace occam {
namespace {

[[noreturn]] void fail(const std::string& message) { throw input_error(message); }

}  // namespace

void SearchOptions::validate() const {
    if (operators.all().empty()) fail("--ops: the operator set is empty");
    if (operators.binary().empty()) fail("--ops: at least one binary operator (+ - * / pow) is needed");
    if (widen_after < 1) fail("--widen-after: at least one generation");
    if (budget.time_limit && !(budget.time_limit->count() > 0))
        fail(fmt::format("--time: the time limit must be positive, not {}", budget.time_limit->count()));
    if (budget.max_evaluations && *budget.max_evaluations <= 0)
        fail(fmt::format("--evaluations: the budget must be positive, not {}", *budget.max_evaluations));
    if (budget.max_generations && *budget.max_generations <= 0)
        fail(fmt::format("--generations: the budget must be positive, not {}", *budget.max_generations));
    if (budget.stall_generations < 0)
        fail(fmt::format("--stall-generations must be 0 (never) or positive, not {}", budget.stall_generations));
    if (!budget.time_limit && !budget.max_evaluations && !budget.max_generations)
        fail("no stopping rule: give --time, --evaluations or --generations");
    if (population.islands == 0) fail("--islands must be at least 1");
    if (population.population_size < 2) fail(fmt::format("--population must be at least 2, not {}", population.population_size));
    if (population.max_length < 3) fail(fmt::format("--max-length must be at least 3, not {}", population.max_length));
    if (population.max_length > 1000) fail(fmt::format("--max-length must be at most 1000, not {}", population.max_length));
    if (population.short_island_length != 0 && population.short_island_length < 3)
        fail(fmt::format("--short-length must be 0 (none) or at least 3, not {}", population.short_island_length));
    if (population.max_depth < 2) fail(fmt::format("--max-depth must be at least 2, not {}", population.max_depth));
    if (population.tournament_size == 0) fail("the tournament size must be at least 1");
    if (population.generations_per_epoch == 0) fail("the generations per epoch must be at least 1");
    if (population.migrants >= population.population_size) fail("--migrants must be below the population size");
    const auto is_probability = [](double p) { return p >= 0 && p <= 1; };
    if (!is_probability(population.crossover_probability)) fail("the crossover probability must be in [0, 1]");
    if (!is_probability(population.archive_parent_probability))
        fail("the archive parent probability must be in [0, 1]");
    if (!(population.parsimony >= 0)) fail("the parsimony must not be negative");
    const auto& w = mutation;
    const double weights[] = {w.point, w.subtree, w.insert, w.hoist, w.constant, w.swap};
    double total = 0;
    for (double weight : weights) {
        if (!(weight >= 0)) fail("mutation weights must not be negative");
        total += weight;
    }
    if (!(total > 0)) fail("at least one mutation weight must be positive");
    if (fitting.iterations < 0) fail("--lm-iterations must not be negative");
    if (fitting.max_rows < 8) fail("--fit-rows must be at least 8");
}

}  // namespace occam
