// Operators a stalled search adds (SearchOptions::stall_operators): a law one operator outside the
// search's set is found once the islands widen, deterministically, and never where widening is off.
#include <doctest/doctest.h>

#include <algorithm>

#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

using namespace occam;

namespace {

// The angle whose tangent is the ratio of two inputs (Brewster's angle, the phase of a complex
// number): no formula of + - * / sqrt matches it exactly.
const std::vector<VariableRange> ranges{{"a", 1, 2}, {"b", 1, 3}};
const std::vector<std::string> names{"a", "b"};

Problem angle_problem() {
    static const Dataset data = sample_formula(parse_formula("atan(b/a)", names), ranges, {.rows = 300, .seed = 4, .target = "y"});
    return Problem(data, "y", {});
}

SearchOptions stalling_search(std::size_t threads) {
    SearchOptions options;
    options.threads = threads;
    options.operators = OperatorSet::parse("+,-,*,/,sqrt");
    options.stall_operators = OperatorSet({Op::Atan});
    options.widen_after = 20;
    options.budget.time_limit.reset();
    options.budget.max_generations = 300;
    options.population.islands = 4;
    options.population.population_size = 60;
    options.population.max_length = 15;
    return options;
}

bool holds(const Tree& formula, Op op) {
    return std::any_of(formula.nodes().begin(), formula.nodes().end(), [op](const Node& n) { return n.op == op; });
}

}  // namespace

TEST_CASE("a stalled search adds its stall operators and finds the law that needs one") {
    const Problem problem = angle_problem();
    const Front front = search(problem, stalling_search(2));
    REQUIRE(front.widened.has_value());
    CHECK(front.widened->operators == "atan");
    CHECK(front.widened->generation < 300);
    const auto& best = front.best();
    INFO(to_infix(best.formula, front.variables));
    CHECK(holds(best.formula, Op::Atan));
    CHECK(best.validation_loss < 1e-20);

    // the same search, never widened, has no atan anywhere
    SearchOptions narrow = stalling_search(2);
    narrow.stall_operators = OperatorSet();
    const Front without = search(problem, narrow);
    CHECK_FALSE(without.widened.has_value());
    for (const FrontEntry& entry : without.entries) CHECK_FALSE(holds(entry.formula, Op::Atan));
    CHECK(without.best().validation_loss > 1e-12);
}

TEST_CASE("widening happens at the same generation, with the same front, on 1 and 2 threads") {
    const Problem problem = angle_problem();
    const Front one = search(problem, stalling_search(1));
    const Front two = search(problem, stalling_search(2));
    REQUIRE(one.widened.has_value());
    REQUIRE(two.widened.has_value());
    CHECK(one.widened->generation == two.widened->generation);
    CHECK(one.final_progress.evaluations == two.final_progress.evaluations);
    REQUIRE(one.entries.size() == two.entries.size());
    for (std::size_t i = 0; i < one.entries.size(); ++i) {
        CHECK(to_infix(one.entries[i].formula, names) == to_infix(two.entries[i].formula, names));
        CHECK(one.entries[i].validation_loss == two.entries[i].validation_loss);
    }
}

TEST_CASE("a table too small to hold rows out never widens: its search stalls at the noise") {
    const Dataset data = sample_formula(parse_formula("atan(b/a)", names), ranges, {.rows = 40, .seed = 4, .noise = 0.01, .target = "y"});
    const Problem small(data, "y", {});
    REQUIRE_FALSE(small.holds_out());
    SearchOptions options = stalling_search(2);
    options.budget.stall_generations = 0;  // run the whole budget, stalled or not
    const Front front = search(small, options);
    CHECK_FALSE(front.widened.has_value());
    for (const FrontEntry& entry : front.entries) CHECK_FALSE(holds(entry.formula, Op::Atan));
}
