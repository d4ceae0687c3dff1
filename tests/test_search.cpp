// The search end to end, on small generation budgets so the tests stay fast.
#include <doctest/doctest.h>

#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

using namespace occam;

namespace {

SearchOptions small_search(std::size_t threads) {
    SearchOptions options;
    options.seed = 1;
    options.threads = threads;
    options.operators = OperatorSet::parse("+,-,*,/");
    options.budget.time_limit.reset();
    options.budget.max_generations = 20;
    options.population.islands = 4;
    options.population.population_size = 60;
    options.population.max_length = 15;
    return options;
}

// Largest relative error of formula against truth on fresh points from the ranges.
double max_relative_error(const Tree& formula, const Tree& truth, const std::vector<VariableRange>& ranges) {
    const auto fresh = sample_formula(truth, ranges, {.rows = 2000, .seed = 99, .target = "truth"});
    const auto inputs = fresh.values().leftCols(static_cast<Eigen::Index>(ranges.size()));
    Eigen::ArrayXd prediction(fresh.rows());
    Interpreter interpreter;
    if (!interpreter.evaluate(formula, inputs, prediction)) return INFINITY;
    const Eigen::ArrayXd truth_values = fresh.values().col(static_cast<Eigen::Index>(ranges.size()));
    return ((prediction - truth_values).abs() / truth_values.abs().max(1e-300)).maxCoeff();
}

}  // namespace

TEST_CASE("search recovers x*y + 2 exactly, with the constant snapped") {
    const std::vector<VariableRange> ranges{{"x", 1, 3}, {"y", 1, 3}};
    const std::vector<std::string> names{"x", "y"};
    const Tree truth = parse_formula("x*y + 2", names);
    const auto data = sample_formula(truth, ranges, {.rows = 400, .seed = 5, .target = "f"});
    const Problem problem(data, "f", {});
    const Front front = search(problem, small_search(2));
    REQUIRE_FALSE(front.empty());
    const auto& best = front.best();
    INFO(to_infix(best.formula, front.variables));
    CHECK(max_relative_error(best.formula, truth, ranges) <= 1e-12);
    CHECK(best.constants == 0);  // 2 was snapped to the exact integer
    CHECK(best.validation_r2 > 1 - 1e-12);
}

TEST_CASE("same seed and budget give the same front on 1 and 2 threads") {
    const std::vector<VariableRange> ranges{{"a", 0.5, 2}, {"b", 0.5, 2}};
    const std::vector<std::string> names{"a", "b"};
    const auto data = sample_formula(parse_formula("a/(b + 1) - a*a", names), ranges, {.rows = 300, .seed = 2, .noise = 0.01});
    const Problem problem(data, "y", {});
    auto options = small_search(1);
    options.budget.max_generations = 8;
    const Front one = search(problem, options);
    options.threads = 2;
    const Front two = search(problem, options);
    REQUIRE(one.entries.size() == two.entries.size());
    for (std::size_t i = 0; i < one.entries.size(); ++i) {
        CHECK(one.entries[i].formula == two.entries[i].formula);
        CHECK(one.entries[i].validation_loss == two.entries[i].validation_loss);
    }
    CHECK(one.final_progress.evaluations == two.final_progress.evaluations);
}

TEST_CASE("impossible options are refused with a clear message") {
    const std::vector<VariableRange> ranges{{"x", 1, 2}};
    const auto data = sample_formula(parse_formula("x", std::vector<std::string>{"x"}), ranges, {.rows = 50});
    const Problem problem(data, "y", {});
    auto options = small_search(1);
    options.population.population_size = 0;
    CHECK_THROWS_WITH_AS(search(problem, options), "--population must be at least 2, not 0", input_error);
    options = small_search(1);
    options.budget.time_limit = std::chrono::duration<double>(-1);
    CHECK_THROWS_AS(search(problem, options), input_error);
    CHECK_THROWS_WITH_AS(OperatorSet::parse("+,foo"), doctest::Contains("unknown operator \"foo\""), input_error);
    CHECK_THROWS_WITH_AS(OperatorSet::parse(" , "), "--ops: the operator set is empty", input_error);
    CHECK_THROWS_WITH_AS(Problem(data, "z", {}), doctest::Contains("unknown target \"z\""), input_error);
    CHECK_THROWS_WITH_AS(Problem(sample_formula(parse_formula("x", std::vector<std::string>{"x"}), ranges, {.rows = 2}), "y", {}),
                         doctest::Contains("too few"), input_error);
}

TEST_CASE("data built in code with NaN is refused, and malformed trees cannot be made") {
    Eigen::ArrayXXd values(10, 2);
    values.setOnes();
    values(3, 1) = NAN;
    const Dataset data({"x", "y"}, values);
    CHECK_THROWS_WITH_AS(Problem(data, "y", {}), "the target \"y\" holds NaN or Inf values", input_error);
    CHECK_THROWS_AS(Tree({Node::variable(0), Node::function(Op::Add)}), input_error);
    std::vector<Node> huge(70000, Node::function(Op::Neg));  // neg(neg(...neg(x)))
    huge[0] = Node::variable(0);
    CHECK_THROWS_WITH_AS(Tree(std::move(huge)), doctest::Contains("more than 65535 nodes"), input_error);
}

TEST_CASE("a deeply nested formula is an input error, not a crash") {
    const std::vector<std::string> names{"x"};
    const std::string deep = std::string(100000, '(') + "x" + std::string(100000, ')');
    CHECK_THROWS_WITH_AS(parse_formula(deep, names), doctest::Contains("nested too deeply"), input_error);
    CHECK_THROWS_WITH_AS(parse_formula(std::string(100000, '-') + "x", names), doctest::Contains("nested too deeply"),
                         input_error);
    CHECK_NOTHROW(parse_formula(std::string(50, '(') + "x" + std::string(50, ')'), names));
}
