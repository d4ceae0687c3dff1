// The pipeline: pre-checks, searches and residual rounds composed under one budget, and option
// combinations that either work or are refused with one line.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "occam/error.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/solve.hpp"
#include "occam/units.hpp"
#include "short_solve.hpp"

namespace {

const std::string units_path = std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv";

// I.10.7, m = m_0/sqrt(1 - v^2/c^2): dimensional analysis leaves one group, v/c
struct RelativisticMass {
    occam::Dataset data = occam::sample_formula(occam::parse_formula("m_0/sqrt(1-v^2/c^2)", std::vector<std::string>{"m_0", "v", "c"}),
                                                {{"m_0", 1, 5}, {"v", 1, 2}, {"c", 3, 10}},
                                                {.rows = 1000, .seed = 3, .target = "m"});
    occam::Problem problem{data, "m"};
};

}  // namespace

using occam::test::short_solve;

TEST_CASE("solve: residual rounds with units run the pre-checks in round 1 and search the residual after" * doctest::test_suite("slow")) {
    RelativisticMass mass;
    const occam::UnitsTable units = occam::read_units(units_path);
    auto options = short_solve(8);
    options.residual_rounds = 2;
    options.prechecks.units = &units;
    const occam::Solution solution = occam::solve(mass.data, mass.problem, options);
    const auto& steps = solution.steps;
    const occam::PrecheckStep units_step{occam::StepKind::units, "dimensional analysis: m/m_0 = g(pi1) with pi1 = v/c"};
    CHECK(std::find(steps.begin(), steps.end(), units_step) != steps.end());
    REQUIRE(solution.model.has_value());
    REQUIRE(!solution.model->rounds.empty());
    CHECK(solution.model->rounds[0].target == "m");
    CHECK(solution.model->rounds.size() == 2);  // the budget's fair share left round 2 something
    CHECK(solution.model->variables == mass.problem.input_names());
}

TEST_CASE("solve: one round is the pre-checked search, and pre-checks off is the plain search") {
    RelativisticMass mass;
    auto options = short_solve(4);
    options.prechecks.mode = occam::PrecheckMode::off;
    const occam::Solution plain = occam::solve(mass.data, mass.problem, options);
    CHECK_FALSE(plain.model.has_value());
    CHECK(plain.steps == std::vector<occam::PrecheckStep>{{occam::StepKind::skipped, "pre-checks off"}});
    const occam::Front direct = occam::search(mass.problem, options.search);
    REQUIRE(plain.front.entries.size() == direct.entries.size());
    for (std::size_t i = 0; i < direct.entries.size(); ++i) CHECK(plain.front.entries[i].formula == direct.entries[i].formula);
}

TEST_CASE("solve: impossible combinations of options are refused with one line") {
    RelativisticMass mass;
    const occam::UnitsTable units = occam::read_units(units_path);
    auto options = short_solve(4);
    options.prechecks.mode = occam::PrecheckMode::off;
    options.prechecks.units = &units;
    CHECK_THROWS_WITH_AS(occam::solve(mass.data, mass.problem, options),
                         "--units: dimensional analysis is a pre-check, so it needs --precheck auto, not off",
                         occam::input_error);
    options = short_solve(4);
    options.residual_rounds = 2;
    options.search.checkpoint.path = "run.ckpt";
    CHECK_THROWS_AS(occam::solve(mass.data, mass.problem, options), occam::input_error);
    options = short_solve(4);
    options.residual_rounds = 0;
    CHECK_THROWS_WITH_AS(occam::solve(mass.data, mass.problem, options), "--residual-rounds must be at least 1",
                         occam::input_error);
}

TEST_CASE("solve: a time limit covers the surrogate and the pre-checks, not only the searches" * doctest::test_suite("slow")) {
    // four inputs, no units: the neural surrogate is trained before any search starts
    const std::vector<std::string> inputs{"a", "b", "c", "d"};
    const occam::Dataset data =
        occam::sample_formula(occam::parse_formula("a*b + sin(c)*exp(d/4)", inputs),
                              {{"a", 1, 3}, {"b", 1, 3}, {"c", 0, 3}, {"d", 0, 2}}, {.rows = 2000, .seed = 5, .target = "y"});
    const occam::Problem problem(data, "y");
    occam::SolveOptions options;
    options.search.threads = 2;
    options.search.budget.time_limit = std::chrono::duration<double>(3.0);
    const auto start = std::chrono::steady_clock::now();
    const occam::Solution solution = occam::solve(data, problem, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(solution.front.empty());
    REQUIRE_FALSE(solution.steps.empty());
    // the limit, plus the last epoch and the front's final refit (generous: CI machines are shared)
    CHECK(seconds < 3.0 + 2.5);
}
