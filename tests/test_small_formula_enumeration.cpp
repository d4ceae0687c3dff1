// enumerate_small_formulas: a short law of one input comes out exact, the same for any thread
// count, and only one-input problems are enumerated.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/interpreter.hpp"
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

TEST_CASE("enumeration finds 1/(exp(z/(2*pi)) - 1) exactly, scale and all" * doctest::test_suite("slow")) {
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

TEST_CASE("enumerated formulas carry their own offset and factor" * doctest::test_suite("slow")) {
    // 3 + 2*exp(-0.7*x): a caller that multiplies the formula by a prefactor needs the 3 inside it
    const auto data = sampled("3 + 2*exp(-0.7*x)", {"x"}, {{"x", 0.1, 5}});
    const occam::Problem problem(data, "y", {"x"}, {.seed = 1});
    const auto formulas = occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), {}, nullptr).best;
    REQUIRE_FALSE(formulas.empty());
    INFO(occam::to_infix(formulas.front(), problem.input_names()));
    Eigen::ArrayXd predicted(problem.train_target().size());
    REQUIRE(occam::Interpreter().evaluate(formulas.front(), problem.train_inputs(), predicted));
    CHECK((predicted - problem.train_target()).abs().maxCoeff() < 1e-9);
}

TEST_CASE("enumerated formulas exact on the data stay exact beyond it: no inverse trig of trig" * doctest::test_suite("slow")) {
    // u/(1 - u/3) on [0, 1] (II.11.27 reduced): u/asin(-cos(pi*u/6)) matches it there, a sawtooth
    // that breaks for u < 0
    const auto data = sampled("u/(1 - u/3)", {"u"}, {{"u", 0, 1}});
    const occam::Problem problem(data, "y", {"u"}, {.seed = 1});
    const auto formulas = occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), {}, nullptr).best;
    Eigen::ArrayXXd wider(5, 1);
    wider << -0.25, -0.1, 0.5, 1.1, 1.25;
    const Eigen::ArrayXd truth = wider.col(0) / (1 - wider.col(0) / 3);
    occam::Interpreter interpreter;
    int exact = 0;
    for (const occam::Tree& formula : formulas) {
        Eigen::ArrayXd on_data(problem.train_target().size()), beyond(wider.rows());
        if (!interpreter.evaluate(formula, problem.train_inputs(), on_data)) continue;
        if ((on_data - problem.train_target()).abs().maxCoeff() > 1e-9) continue;
        ++exact;
        INFO(occam::to_infix(formula, problem.input_names()));
        CHECK(interpreter.evaluate(formula, wider, beyond));
        CHECK((beyond - truth).abs().maxCoeff() < 1e-6);
    }
    CHECK(exact > 0);
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

TEST_CASE("on values with a surrogate's error, the best of each size keeps the law among the formulas" * doctest::test_suite("slow")) {
    // 1 + 3x^2 with a small smooth error, as a surrogate's values carry: the most accurate formulas
    // fit the error too, and the law is the best formula of its own size
    const std::vector<std::string> inputs{"x"};
    const auto data = sampled("1 + 3*x^2 + 1e-5*sin(7*x)", inputs, {{"x", 0.5, 3}});
    const occam::Problem problem(data, "y", inputs, {.seed = 1});
    const auto law = occam::sample_formula(occam::parse_formula("1 + 3*x^2", inputs), {{"x", 0.5, 3}},
                                           {.rows = 400, .seed = 5, .target = "y"});
    const occam::Problem exact(law, "y", inputs, {.seed = 1});
    occam::EnumerationOptions options{.kept = 2, .threads = 1};
    const auto plain = occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), options, nullptr).best;
    options.best_of_each_size = true;
    const auto sized = occam::enumerate_small_formulas(problem, occam::OperatorSet::standard(), options, nullptr).best;
    REQUIRE(plain.size() == 2);
    REQUIRE(sized.size() > plain.size());
    for (std::size_t k = 0; k < plain.size(); ++k) CHECK(sized[k] == plain[k]);  // the most accurate still first
    const auto exact_on_the_law = [&](const std::vector<occam::Tree>& formulas) {
        return std::any_of(formulas.begin(), formulas.end(),
                           [&](const occam::Tree& f) { return fitted_nmse(f, exact) < 1e-24; });
    };
    CHECK_FALSE(exact_on_the_law(plain));
    CHECK(exact_on_the_law(sized));
}
