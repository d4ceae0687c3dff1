// When the data have said all they can (selection_stall.hpp): a noisy table large enough to hold
// rows out stops once the held-out rows reward nothing new, with the law still recommended, and
// the same search told never to stop runs its whole budget.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"
#include "occam/tree.hpp"

using namespace occam;

namespace {

SearchOptions small_search(long long generations) {
    SearchOptions options;
    options.threads = 1;
    options.budget.time_limit.reset();
    options.budget.max_generations = generations;
    options.population.islands = 2;
    options.population.population_size = 60;
    return options;
}

}  // namespace

TEST_CASE("a noisy table with rows held out stops once the held-out rows reward nothing new") {
    const std::vector<std::string> names{"x", "z"};
    const Dataset data = sample_formula(parse_formula("x*z", names), {{"x", 1, 5}, {"z", 1, 5}},
                                        {.rows = 400, .seed = 3, .noise = 0.01, .target = "y"});
    const Problem problem(data, "y");
    REQUIRE(problem.holds_out());

    SearchOptions options = small_search(3000);
    options.budget.stall_generations = 40;
    const Front front = search(problem, options);
    CHECK(front.stalled);
    CHECK(front.final_progress.generations < 3000);
    REQUIRE_FALSE(front.empty());
    // what it recommends is the law (noise 1 % of the target's size)
    const Tree& chosen = front.entries[front.recommended].formula;
    CHECK(evaluate_scalar(chosen, std::vector<double>{2.0, 3.0}) == doctest::Approx(6.0).epsilon(0.02));
    CHECK(evaluate_scalar(chosen, std::vector<double>{4.5, 1.5}) == doctest::Approx(6.75).epsilon(0.02));

    options = small_search(600);
    options.budget.stall_generations = 0;
    const Front unstopped = search(problem, options);
    CHECK_FALSE(unstopped.stalled);
    CHECK(unstopped.final_progress.generations == 600);
}
