// A law of one group under 1 % noise: many formulas fit the noisy rows as well as the law, and
// Taylor approximants of it nearly so. The law is the one whose scale, offset and factor are exact:
// the enumeration tries simple scales, and the law reaches the front.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/precheck.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/small_formula_enumeration.hpp"

using namespace occam;

namespace {

Dataset noisy(const std::string& law, VariableRange range, std::size_t rows) {
    return sample_formula(parse_formula(law, std::vector<std::string>{range.name}), {range},
                          {.rows = rows, .seed = 3, .noise = 0.01, .target = "y"});
}

}  // namespace

TEST_CASE("under noise the enumeration offers the law at its exact scale among the many that fit" * doctest::test_suite("slow")) {
    // the Lorentz factor over v/c up to 2/3: exp(b*x), 1/cos(x)^3 and thousands more fit within the noise
    const Dataset data = noisy("1/sqrt(1 - x^2)", {"x", 0.1, 0.667}, 4000);
    const Problem problem(data, "y");
    const EnumeratedFormulas found =
        enumerate_small_formulas(problem, OperatorSet::standard(), {.best_of_each_size = true, .at_simple_scales = true, .threads = 2}, nullptr);
    REQUIRE_FALSE(found.at_simple_scale.empty());
    CHECK(found.at_simple_scale.size() <= 16);
    // the law is among them: beyond the rows, where only the law itself still agrees
    const auto agrees_beyond = [](const Tree& formula) {
        for (const double x : {0.8, 0.9})
            if (std::abs(evaluate_scalar(formula, std::vector<double>{x}) / (1 / std::sqrt(1 - x * x)) - 1) > 0.01) return false;
        return true;
    };
    CHECK(std::any_of(found.at_simple_scale.begin(), found.at_simple_scale.end(), agrees_beyond));
    // asked only for the best by loss, the enumeration does not screen again
    const EnumeratedFormulas by_loss =
        enumerate_small_formulas(problem, OperatorSet::standard(), {.best_of_each_size = true, .threads = 2}, nullptr);
    CHECK(by_loss.at_simple_scale.empty());
}

TEST_CASE("under noise the law of one group is on the front, not only its Taylor approximant" * doctest::test_suite("slow")) {
    // Bose-Einstein occupancy: 2*pi/x - 1/2 fits within 2 % of the law's loss on 10,000 noisy rows
    const Dataset data = noisy("1/(exp(x/(2*pi)) - 1)", {"x", 0.04, 25}, 10000);
    const Problem problem(data, "y");
    SearchOptions options;
    options.threads = 2;
    options.budget.time_limit.reset();
    options.budget.max_generations = 20;
    options.population.islands = 2;
    options.population.population_size = 50;
    const PrecheckedSearch result = search_with_prechecks(data, problem, options, {});
    REQUIRE_FALSE(result.front.empty());
    // exact as printed: no fitted constant, the law beyond the rows too
    const auto is_law = [](const FrontEntry& entry) {
        if (entry.formula.constant_count() != 0) return false;
        for (const double x : {0.5, 30.0})
            if (std::abs(evaluate_scalar(entry.formula, std::vector<double>{x}) * std::expm1(x / (2 * M_PI)) - 1) > 1e-3)
                return false;
        return true;
    };
    CHECK(std::any_of(result.front.entries.begin(), result.front.entries.end(), is_law));
}
