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
    if (budget.time_limit && !(budget.time_limit->count() > 0))
        fail(fmt::format("--time: the time limit must be positive, not {}", budget.time_limit->count()));
    if (budget.max_evaluations && *budget.max_evaluations <= 0)
        fail(fmt::format("--evaluations: the budget must be positive, not {}", *budget.max_evaluations));
    if (budget.max_generations && *budget.max_generations <= 0)
        fail(fmt::format("--generations: the budget must be positive, not {}", *budget.max_generations));
    if (!budget.time_limit && !budget.max_evaluations && !budget.max_generations)
        fail("no stopping rule: give --time, --evaluations or --generations");
    if (population.islands == 0) fail("--islands must be at least 1");
    if (population.population_size < 2) fail(fmt::format("--population must be at least 2, not {}", population.population_size));
    if (population.max_length < 3) fail(fmt::format("--max-length must be at least 3, not {}", population.max_length));
    if (population.max_length > 1000) fail(fmt::format("--max-length must be at most 1000, not {}", population.max_length));
    if (population.max_depth < 2) fail(fmt::format("--max-depth must be at least 2, not {}", population.max_depth));
    if (population.tournament_size == 0) fail("the tournament size must be at least 1");
    if (population.generations_per_epoch == 0) fail("the generations per epoch must be at least 1");
    if (population.migrants >= population.population_size) fail("--migrants must be below the population size");
    if (fitting.iterations < 0) fail("--lm-iterations must not be negative");
    if (fitting.max_rows < 8) fail("--fit-rows must be at least 8");
}

}  // namespace occam
