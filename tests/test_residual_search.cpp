// Iterated residual search: later rounds explain what earlier rounds left over.
#include <doctest/doctest.h>

#include <atomic>

#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/residual_search.hpp"
#include "occam/sampling.hpp"

using namespace occam;

namespace {

// A dominant x0^2 and a small wiggle that a short first round leaves out.
Problem dominant_and_small_term() {
    const std::vector<std::string> names{"x0", "x1"};
    const auto data = sample_formula(parse_formula("x0^2 + 0.01*sin(5*x1)", names), {{"x0", -2, 2}, {"x1", 0, 6}},
                                     {.rows = 2000, .seed = 4, .target = "y"});
    return Problem(data, "y", {});
}

// generations is the budget of all rounds together
SearchOptions short_rounds(long long generations = 4) {
    SearchOptions options;
    options.seed = 1;
    options.threads = 1;
    options.operators = OperatorSet::parse("+,-,*,/,sin");
    options.budget.time_limit.reset();
    options.budget.max_generations = generations;
    options.population.islands = 2;
    options.population.population_size = 40;
    return options;
}

// NMSE of the plain sum of the rounds' chosen formulas on the training rows.
double unpolished_train_loss(const ResidualModel& model, const Problem& problem) {
    Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(problem.train_target().size());
    Eigen::ArrayXd part(sum.size());
    Interpreter interpreter;
    for (const auto& round : model.rounds) {
        REQUIRE(interpreter.evaluate(round.chosen().formula, problem.train_inputs(), part));
        sum += part;
    }
    return (sum - problem.train_target()).square().mean() / nmse_denominator(problem.train_target());
}

}  // namespace

TEST_CASE("residual search: round 2 explains the small term that round 1 left over") {
    const Problem problem = dominant_and_small_term();
    const ResidualModel one = search_residuals(problem, short_rounds(4), 1);
    const ResidualModel two = search_residuals(problem, short_rounds(8), 2);  // 4 generations a round
    REQUIRE(one.rounds.size() == 1);
    REQUIRE(two.rounds.size() == 2);
    INFO("round 1: " << to_infix(one.formula, one.variables));
    INFO("rounds 1 and 2: " << to_infix(two.formula, two.variables));
    // the same first round, then a second one on the residual
    CHECK(two.rounds[0].chosen().formula == one.rounds[0].chosen().formula);
    CHECK(two.rounds[0].target == "y");
    CHECK(two.rounds[1].target == "y - (round 1)");
    CHECK(one.validation_loss > 1e-5);  // round 1 alone misses the wiggle ...
    CHECK(two.validation_loss < one.validation_loss / 5);  // ... which round 2 finds
    CHECK(two.train_loss < one.train_loss / 5);
    // polishing the sum's constants together never makes it worse than the plain sum
    CHECK(two.train_loss <= unpolished_train_loss(two, problem) * (1 + 1e-12));
    CHECK(two.validation_r2 > 0.99999);
    CHECK_FALSE(two.interrupted);
}

TEST_CASE("residual search: one round is the plain search") {
    const Problem problem = dominant_and_small_term();
    const Front plain = search(problem, short_rounds());
    const ResidualModel one = search_residuals(problem, short_rounds(), 1);
    REQUIRE(one.rounds.size() == 1);
    const Front& front = one.rounds[0].front;
    REQUIRE(front.entries.size() == plain.entries.size());
    for (std::size_t i = 0; i < plain.entries.size(); ++i) {
        CHECK(front.entries[i].formula == plain.entries[i].formula);
        CHECK(front.entries[i].validation_loss == plain.entries[i].validation_loss);
    }
    CHECK(one.train_loss <= plain.best().train_loss * (1 + 1e-12));
}

TEST_CASE("residual search: a stop keeps the finished rounds and starts no more") {
    const Problem problem = dominant_and_small_term();
    const ResidualModel full = search_residuals(problem, short_rounds(12), 3);
    std::atomic<bool> stop = false;
    std::size_t last_round = 0;
    const auto stop_in_round_2 = [&](std::size_t round, const Progress&) {
        last_round = round;
        if (round == 2) stop = true;
    };
    const ResidualModel cut = search_residuals(problem, short_rounds(12), 3, stop_in_round_2, &stop);
    CHECK(cut.interrupted);
    CHECK(last_round == 2);  // round 3 never started
    REQUIRE(cut.rounds.size() == 2);
    CHECK(cut.rounds[0].chosen().formula == full.rounds[0].chosen().formula);
    CHECK_FALSE(cut.rounds[0].front.interrupted);
    CHECK(cut.rounds[1].front.interrupted);
    CHECK(!cut.formula.empty());
}

TEST_CASE("residual search: weights carry into every round") {
    const std::vector<std::string> names{"x0", "x1"};
    auto data = sample_formula(parse_formula("x0^2 + 0.01*sin(5*x1)", names), {{"x0", -2, 2}, {"x1", 0, 6}},
                               {.rows = 400, .seed = 4, .target = "y"});
    Eigen::ArrayXXd values(data.rows(), 4);
    values.leftCols(3) = data.values();
    values.col(3) = 1.0 + values.col(0).abs();
    const Problem problem(Dataset({"x0", "x1", "y", "w"}, values), "y", {}, {}, "w");
    const ResidualModel model = search_residuals(problem, short_rounds(8), 2);
    CHECK(model.weights == "w");
    REQUIRE(model.rounds.size() == 2);
    for (const auto& round : model.rounds) CHECK(round.front.weights == "w");
    CHECK(model.variables == names);
}

TEST_CASE("residual search: the budget is the rounds' together, each round a fair share of what is left") {
    const Problem problem = dominant_and_small_term();
    const ResidualModel model = search_residuals(problem, short_rounds(9), 3);
    REQUIRE(model.rounds.size() == 3);
    long long generations = 0;
    for (const auto& round : model.rounds) {
        CHECK(round.front.final_progress.generations == 3);
        generations += round.front.final_progress.generations;
    }
    CHECK(generations == 9);
}

TEST_CASE("residual search: impossible round counts are refused") {
    const Problem problem = dominant_and_small_term();
    CHECK_THROWS_WITH_AS(search_residuals(problem, short_rounds(), 0), "--residual-rounds must be at least 1",
                         input_error);
    auto with_checkpoint = short_rounds();
    with_checkpoint.checkpoint.path = "run.json";
    CHECK_THROWS_WITH_AS(search_residuals(problem, with_checkpoint, 2),
                         "--checkpoint and --resume hold one search, so they need --residual-rounds 1, not 2",
                         input_error);
}
