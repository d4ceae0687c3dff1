// enumerate_small_formulas: a short law of one input comes out exact, the same for any thread
// count, and only one-input problems are enumerated.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/small_formula_enumeration.hpp"

namespace {

occam::Dataset sampled(const std::string& formula, std::vector<std::string> inputs, std::vector<occam::VariableRange> ranges) {
    return occam::sample_formula(occam::parse_formula(formula, inputs), ranges, {.rows = 400, .seed = 5, .target = "y"});
}

// The NMSE of tree on the problem's training rows after fitting its constants and linear scaling.
double fitted_nmse(occam::Tree tree, const occam::Problem& problem) {
    occam::ConstantFitter fitter(100);
    const auto fit = fitter.fit(tree, problem.train_inputs(), problem.train_target());
    const Eigen::ArrayXd& y = problem.train_target();
    return fit.mse / (y - y.mean()).square().mean();
}

}  // namespace

TEST_CASE("enumeration finds 1/(exp(z/(2*pi)) - 1) exactly, scale and all") {
    const auto data = sampled("1/(exp(z/(2*pi)) - 1)", {"z"}, {{"z", 0.05, 25}});
    const occam::Problem problem(data, "y", {"z"}, {.seed = 1});
    const auto enumerated =
        occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), {.threads = 1}, nullptr);
    const auto& formulas = enumerated.best;
    REQUIRE_FALSE(formulas.empty());
    CHECK(enumerated.tried > 10000);
    CHECK(formulas.size() <= 16);
    INFO(occam::to_infix(formulas.front(), problem.input_names()));
    CHECK(fitted_nmse(formulas.front(), problem) < 1e-24);
}

TEST_CASE("enumeration gives the same formulas for one thread and two") {
    const auto data = sampled("x/(exp(0.3*x) + 1)", {"x"}, {{"x", 0.1, 10}});
    const occam::Problem problem(data, "y", {"x"}, {.seed = 1});
    const occam::OperatorSet operators = occam::OperatorSet::parse("+,-,*,/,exp,log,inv");
    const auto one = occam::enumerate_small_formulas(problem, operators, {.threads = 1}, nullptr).best;
    const auto two = occam::enumerate_small_formulas(problem, operators, {.threads = 2}, nullptr).best;
    REQUIRE_FALSE(one.empty());
    CHECK(one == two);
    CHECK(fitted_nmse(one.front(), problem) < 1e-24);
}

TEST_CASE("enumeration leaves problems of more than one input alone") {
    const auto data = sampled("a*b", {"a", "b"}, {{"a", 1, 2}, {"b", 1, 2}});
    const occam::Problem problem(data, "y", {"a", "b"}, {.seed = 1});
    const auto enumerated = occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), {}, nullptr);
    CHECK(enumerated.best.empty());
    CHECK(enumerated.tried == 0);
}
