// Search with pre-checks: dimensional analysis turns I.10.7 into a one-variable problem whose
// solution, mapped back, is the exact law; the checks stay out of the way when they do not apply.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <utility>

#include "occam/dataset.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/precheck.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/surrogate_oracle.hpp"
#include "occam/units.hpp"
#include "run_program.hpp"

namespace {

const std::vector<std::string> mass_inputs{"m_0", "v", "c"};

struct RelativisticMass {
    occam::Dataset data;
    occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    occam::Problem problem;

    RelativisticMass()
        : data(occam::sample_formula(occam::parse_formula("m_0/sqrt(1-v^2/c^2)", mass_inputs),
                                     {{"m_0", 1, 5}, {"v", 1, 2}, {"c", 3, 10}}, {.rows = 1000, .seed = 3, .target = "m"})),
          problem(data, "m", {}, split) {}
};

occam::SearchOptions short_search() {
    occam::SearchOptions options;
    options.threads = 1;
    options.budget.time_limit.reset();
    options.budget.max_generations = 120;  // half for the reduced problem, half for the plain one if needed
    options.population.islands = 4;
    options.population.population_size = 100;
    return options;
}

// Answers with the exact values of formula.
occam::Oracle formula_oracle(occam::Tree formula) {
    return [formula = std::move(formula)](const Eigen::ArrayXXd& points) {
        Eigen::ArrayXd out(points.rows());
        occam::Interpreter().evaluate(formula, points, out);
        return out;
    };
}

// The first problem is asked of formula; every later one of an oracle that answers nothing, so
// only the first stage can find a symmetry.
occam::OracleFactory first_stage_oracle(occam::Tree formula, std::string description) {
    auto calls = std::make_shared<int>(0);
    return [formula = std::move(formula), description = std::move(description), calls](
               const occam::Dataset&, const std::vector<std::string>&, const std::string&) {
        if ((*calls)++ == 0) return occam::JudgedOracle{formula_oracle(formula), 1e-6, description};
        return occam::JudgedOracle{[](const Eigen::ArrayXXd& p) { return Eigen::ArrayXd::Constant(p.rows(), NAN).eval(); },
                                   1e-6, "silent"};
    };
}

// The first problem is asked of formula; every later one (a part of it) of a surrogate trained
// on the part's own values.
occam::OracleFactory truth_then_surrogate(occam::Tree formula) {
    auto first = std::make_shared<bool>(true);
    return [formula = std::move(formula), first](const occam::Dataset& stage, const std::vector<std::string>& inputs,
                                                 const std::string& target) {
        if (std::exchange(*first, false)) return occam::JudgedOracle{formula_oracle(formula), 1e-6, "the truth"};
        return occam::surrogate_oracle(stage, inputs, target);
    };
}

// A law sampled on ranges, its problem and the pre-checked search of it with 160 generations.
struct PrecheckedLaw {
    occam::Tree truth;
    occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    occam::Dataset data;
    occam::Problem problem;

    PrecheckedLaw(const std::string& formula, const std::vector<occam::VariableRange>& ranges)
        : truth(occam::parse_formula(formula, names_of(ranges))),
          data(occam::sample_formula(truth, ranges, {.rows = 2000, .seed = 7, .target = "y"})),
          problem(data, "y", {}, split) {}

    // the whole problem asked of the truth, its parts of surrogates
    occam::PrecheckedSearch search(std::size_t min_inputs = occam::PrecheckOptions{}.min_inputs) const {
        occam::PrecheckOptions prechecks;
        prechecks.min_inputs = min_inputs;
        prechecks.oracle = truth_then_surrogate(truth);
        auto options = short_search();
        options.budget.max_generations = 160;
        return occam::search_with_prechecks(data, problem, options, prechecks);
    }

    static std::vector<std::string> names_of(const std::vector<occam::VariableRange>& ranges) {
        std::vector<std::string> names;
        for (const auto& range : ranges) names.push_back(range.name);
        return names;
    }
};

std::vector<std::string> lines_of(const std::vector<occam::PrecheckStep>& steps) {
    std::vector<std::string> lines;
    for (const auto& step : steps) lines.push_back(step.line());
    return lines;
}

bool any_step(const occam::PrecheckedSearch& result, const std::function<bool(const occam::PrecheckStep&)>& holds) {
    return std::any_of(result.steps.begin(), result.steps.end(), holds);
}

// The front's best formula fits the data exactly and equals expected at point.
template <std::size_t N>
void check_exact(const occam::PrecheckedSearch& result, const std::array<double, N>& point, double expected) {
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    CHECK(occam::evaluate_scalar(result.front.best().formula, point) == doctest::Approx(expected).epsilon(1e-12));
}

}  // namespace

TEST_CASE("pre-checks: dimensional analysis reduces I.10.7 to pi0 = g(v/c) and the law comes back exact" * doctest::test_suite("slow")) {
    const occam::UnitsTable units = occam::read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    RelativisticMass case_;
    const occam::PrecheckedSearch result = occam::search_with_prechecks(case_.data, case_.problem, short_search(), {.units = &units});
    REQUIRE(result.steps.size() >= 2);
    CHECK(result.steps[0] == occam::PrecheckStep{occam::StepKind::units, "dimensional analysis: m/m_0 = g(pi1) with pi1 = v/c"});
    // a law of one group: every small formula is tried first, and 1/sqrt(1 - x^2) is one of them
    CHECK(result.steps[1].kind == occam::StepKind::enumeration);
    CHECK(result.steps[1].text.starts_with("tried every formula of pi1 up to 6 nodes"));
    CHECK(result.steps.size() == 2);
    REQUIRE_FALSE(result.front.empty());
    CHECK(result.front.variables == std::vector<std::string>{"m_0", "v", "c"});
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    for (const auto& row : {std::array{2.0, 1.5, 4.0}, std::array{4.5, 1.1, 9.0}}) {
        const double truth = row[0] / std::sqrt(1 - row[1] * row[1] / (row[2] * row[2]));
        CHECK(occam::evaluate_scalar(result.front.best().formula, row) == doctest::Approx(truth).epsilon(1e-12));
    }
}

TEST_CASE("pre-checks: a law of one group is found by trying every small formula (III.4.32, Bose-Einstein)" * doctest::test_suite("slow")) {
    // n = 1/(exp(h*omega/(2*pi*kb*T)) - 1): dimensional analysis leaves n = g(h*omega/(kb*T)), which
    // two generations of search do not find and the enumeration does, scale 1/(2*pi) included
    const occam::UnitsTable units = occam::read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    const std::vector<std::string> inputs{"h", "omega", "kb", "T"};
    const occam::Tree law = occam::parse_formula("1/(exp((h/(2*pi))*omega/(kb*T))-1)", inputs);
    const occam::Dataset data = occam::sample_formula(
        law, {{"h", 1, 5}, {"omega", 1, 5}, {"kb", 1, 5}, {"T", 1, 5}}, {.rows = 1000, .seed = 2, .target = "n"});
    const occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    const occam::Problem problem(data, "n", {}, split);
    auto options = short_search();
    options.budget.max_generations = 2;
    const auto result = occam::search_with_prechecks(data, problem, options, {.units = &units});
    REQUIRE(result.steps.size() == 2);
    CHECK(result.steps[1].kind == occam::StepKind::enumeration);
    CHECK(result.steps[1].text.starts_with("tried every formula of pi1 up to 6 nodes"));
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    for (const auto& row : {std::array{1.5, 2.0, 4.0, 1.2}, std::array{4.0, 4.5, 1.1, 1.3}}) {
        CHECK(occam::evaluate_scalar(result.front.best().formula, row) ==
              doctest::Approx(occam::evaluate_scalar(law, row)).epsilon(1e-10));
    }
}

TEST_CASE("pre-checks stay out of the way when off, without units or below three inputs") {
    RelativisticMass case_;
    auto options = short_search();
    options.budget.max_generations = 2;
    const auto off = occam::search_with_prechecks(case_.data, case_.problem, options,
                                                  {.mode = occam::PrecheckMode::off});
    CHECK(off.steps == std::vector<occam::PrecheckStep>{{occam::StepKind::skipped, "pre-checks off"}});
    const auto no_units = occam::search_with_prechecks(case_.data, case_.problem, options, {});
    CHECK(no_units.steps.empty());
    const occam::Problem two_inputs(case_.data, "m", {"m_0", "v"}, case_.split);
    const auto small = occam::search_with_prechecks(case_.data, two_inputs, options, {});
    CHECK(small.steps == std::vector<occam::PrecheckStep>{{occam::StepKind::skipped, "pre-checks skipped: fewer than 3 inputs"}});
    CHECK_FALSE(small.front.empty());
}

TEST_CASE("with units, two inputs in the same units become one group, and its every small formula is tried") {
    // the length of a diagonal from its two sides: d/r2 = sqrt(1 + (r1/r2)^2)
    const std::vector<std::string> sides{"r1", "r2"};
    const occam::Tree law = occam::parse_formula("sqrt(r1^2 + r2^2)", sides);
    const auto data = occam::sample_formula(law, {{"r1", 1, 5}, {"r2", 1, 5}}, {.rows = 400, .seed = 2, .target = "d"});
    const occam::Problem problem(data, "d", {}, {.validation_fraction = 0.25, .seed = 1});
    const auto units = occam::read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    auto options = short_search();
    const auto result = occam::search_with_prechecks(data, problem, options, {.units = &units});
    REQUIRE(result.steps.size() >= 3);
    CHECK(result.steps[0].line() == "dimensional analysis: d/r2 = g(pi1) with pi1 = r1/r2");
    CHECK(result.steps[1].line() == "symmetry and separability checks skipped: fewer than 3 inputs");
    CHECK(result.steps[2].kind == occam::StepKind::enumeration);
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-24);
}

TEST_CASE("cli: occam check reports the dimensionless form, and a units table missing a variable is one line") {
    occam::test::TempDir dir;
    RelativisticMass case_;
    occam::write_csv((dir.path() / "mass.csv").string(), case_.data);
    const std::string units = std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv";
    const auto report = occam::test::run_program({"check", "mass.csv", "--target", "m", "--units", units}, dir.path());
    CHECK(report.exit_code == 0);
    CHECK(report.out.find("dimensional analysis: m/m_0 = g(pi1) with pi1 = v/c\n") != std::string::npos);
    CHECK(report.out.find("verdict: 3 input(s) become 1 dimensionless group(s)") != std::string::npos);
    // the surrogate's tests: the ratio v/c holds, m_0 splits off as a factor, the difference does not hold
    CHECK(std::regex_search(report.out, std::regex(R"(\n  holds +f depends on the pair only through v/c )")));
    CHECK(std::regex_search(report.out, std::regex(R"(\n  holds +multiplicative, f: \{m_0\} \| \{v, c\} )")));
    CHECK(std::regex_search(report.out, std::regex(R"(\n  no +f depends on the pair only through v - c )")));
    // v and c share units, so a difference or sum is looked for before the units are divided out
    CHECK(report.out.find("what `occam search --precheck auto` would do:\n"
                          "  1. no difference or sum of inputs in the same units among m_0, v, c") != std::string::npos);
    CHECK(report.out.find("\n  2. dimensional analysis: m/m_0") != std::string::npos);

    std::ofstream(dir.path() / "units.csv") << "Variable,Units,m,s,kg,T,V\nm,kg,0,0,1,0,0\nm_0,kg,0,0,1,0,0\nv,m/s,1,-1,0,0,0\n";
    const auto missing = occam::test::run_program({"search", "mass.csv", "--target", "m", "--units", "units.csv"}, dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err == "occam: units.csv: no units for variable \"c\"\n");
}

TEST_CASE("pre-checks: a pair symmetry replaces two inputs by one and the law maps back exact (I.8.14)") {
    const std::vector<std::string> names{"x1", "x2", "y1", "y2"};
    const occam::Tree truth = occam::parse_formula("sqrt((x2-x1)^2+(y2-y1)^2)", names);
    const occam::Dataset data = occam::sample_formula(
        truth, {{"x1", 1, 5}, {"x2", 1, 5}, {"y1", 1, 5}, {"y2", 1, 5}}, {.rows = 1000, .seed = 4, .target = "d"});
    const occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    const occam::Problem problem(data, "d", {}, split);
    occam::PrecheckOptions prechecks;
    prechecks.oracle = first_stage_oracle(truth, "the truth");
    const auto result = occam::search_with_prechecks(data, problem, short_search(), prechecks);
    REQUIRE(result.steps.size() >= 4);
    CHECK(result.steps[0].kind == occam::StepKind::pair_symmetry);
    CHECK(result.steps[0].text.starts_with("pair symmetry: d depends on x1, x2 only through u1 = x1 - x2"));
    CHECK(result.steps[1].kind == occam::StepKind::no_pair_symmetry);
    CHECK(result.steps[1].text.starts_with("no pair symmetry among u1, y1, y2"));
    CHECK(result.steps[2] == occam::PrecheckStep{occam::StepKind::no_split, "no additive or multiplicative split of d (oracle: silent)"});
    CHECK(result.steps[3] == occam::PrecheckStep{occam::StepKind::search, "searching d from u1, y1, y2 instead of d from 4 input(s)"});
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    const std::array row{1.5, 4.0, 2.5, 1.0};
    CHECK(occam::evaluate_scalar(result.front.best().formula, row) == doctest::Approx(std::hypot(2.5, 1.5)).epsilon(1e-12));
}

TEST_CASE("pre-checks: when a wrong reduction leaves the reduced search short, the plain search still finds the law" * doctest::test_suite("slow")) {
    const std::vector<std::string> names{"x1", "x2", "x3"};
    const occam::Tree truth = occam::parse_formula("x1*x2 + x3", names);
    const occam::Dataset data = occam::sample_formula(truth, {{"x1", 1, 3}, {"x2", 1, 3}, {"x3", 1, 3}},
                                                      {.rows = 1000, .seed = 5, .target = "y"});
    const occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    const occam::Problem problem(data, "y", {}, split);
    // an oracle that answers for another function, (x1 - x2) + x3, and so vouches for x1 - x2
    const occam::Tree liar = occam::parse_formula("x1 - x2 + x3", names);
    occam::PrecheckOptions prechecks;
    prechecks.oracle = first_stage_oracle(liar, "a liar");
    const auto result = occam::search_with_prechecks(data, problem, short_search(), prechecks);
    REQUIRE(result.steps.size() >= 4);
    CHECK(result.steps[0].kind == occam::StepKind::pair_symmetry);
    CHECK(result.steps[0].text.starts_with("pair symmetry: y depends on x1, x2 only through u1 = x1 - x2"));
    CHECK(result.steps.back() ==
          occam::PrecheckStep{occam::StepKind::plain_search,
                              "no search so far reached the target loss: searching y from x1, x2, x3 with the rest of the budget"});
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    CHECK(occam::evaluate_scalar(result.front.best().formula, std::array{2.0, 1.5, 0.5}) == doctest::Approx(3.5).epsilon(1e-12));
    // however small the budget, the plain search still runs after the reduced one: here the reduced
    // search's first population (4 x 100) spends all 400 evaluations
    auto tiny = short_search();
    tiny.budget.max_generations.reset();
    tiny.budget.max_evaluations = 400;
    prechecks.oracle = first_stage_oracle(liar, "a liar");
    const auto starved = occam::search_with_prechecks(data, problem, tiny, prechecks);
    INFO(fmt::format("{}", fmt::join(lines_of(starved.steps), "\n")));
    CHECK(starved.steps.back().kind == occam::StepKind::plain_search);
}

TEST_CASE("pre-checks: I.6.2b becomes a Gaussian in one variable: the difference first, then a homogeneous ratio" * doctest::test_suite("slow")) {
    const occam::UnitsTable units = occam::read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    const std::vector<std::string> names{"sigma", "theta", "theta1"};
    const occam::Tree truth = occam::parse_formula("exp(-((theta-theta1)/sigma)**2/2)/(sqrt(2*pi)*sigma)", names);
    const occam::Dataset data = occam::sample_formula(
        truth, {{"sigma", 1, 3}, {"theta", 1, 3}, {"theta1", 1, 3}}, {.rows = 1000, .seed = 6, .target = "f"});
    const occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    const occam::Problem problem(data, "f", {}, split);
    occam::PrecheckOptions prechecks;
    prechecks.units = &units;
    // each stage asked of the exact function of its own variables
    prechecks.oracle = [&](const occam::Dataset&, const std::vector<std::string>& inputs, const std::string&) {
        const occam::Tree stage = inputs.size() == 3 ? truth
                                                     : occam::parse_formula("exp(-(u1/sigma)**2/2)/(sqrt(2*pi)*sigma)", inputs);
        return occam::JudgedOracle{formula_oracle(stage), 1e-6, "the truth"};
    };
    const auto plan = occam::plan_prechecks(data, problem, prechecks);
    INFO(fmt::format("{}", fmt::join(plan, "\n")));
    REQUIRE(plan.size() >= 5);
    CHECK(plan[0].rfind("pair symmetry: f depends on theta, theta1 only through u1 = theta - theta1", 0) == 0);
    CHECK(plan[1].rfind("no difference or sum of inputs in the same units among sigma, u1", 0) == 0);
    CHECK(plan[2].rfind("dimensional analysis", 0) == 0);
    CHECK(plan[3].rfind("pair symmetry: f depends on u1, sigma only through u2 = u1/sigma (times sigma^-1)", 0) == 0);
    CHECK(plan[4] == "the target becomes f2 = f*sigma");
    auto options = short_search();
    options.population.islands = 8;  // the search's default breadth
    options.population.population_size = 200;
    options.budget.max_generations = 40;
    options.fitting.sign_restart = true;  // exp(c*u^2) needs c < 0, which one LM start from c > 0 misses
    const auto result = occam::search_with_prechecks(data, problem, options, prechecks);
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    const std::array row{2.0, 2.5, 1.0};
    CHECK(occam::evaluate_scalar(result.front.best().formula, row) ==
          doctest::Approx(std::exp(-0.5 * 0.75 * 0.75) / (std::sqrt(2 * M_PI) * 2)).epsilon(1e-12));
}

TEST_CASE("pre-checks: a multiplicatively separable law is solved by parts and the pairing refitted exact" * doctest::test_suite("slow")) {
    const std::vector<std::string> names{"x1", "x2", "x3"};
    const occam::Tree truth = occam::parse_formula("(1 + x1^2)*cos(x2)*x3", names);
    const occam::Dataset data = occam::sample_formula(truth, {{"x1", 1, 3}, {"x2", 0.5, 1.5}, {"x3", 1, 3}},
                                                      {.rows = 1000, .seed = 7, .target = "y"});
    const occam::SplitOptions split{.validation_fraction = 0.25, .seed = 1};
    const occam::Problem problem(data, "y", {}, split);
    occam::PrecheckOptions prechecks;
    prechecks.oracle = [&](const occam::Dataset&, const std::vector<std::string>&, const std::string&) {
        return occam::JudgedOracle{formula_oracle(truth), 1e-6, "the truth"};
    };
    auto options = short_search();
    options.budget.max_generations = 160;  // a quarter for the parts: 20 generations each
    const auto result = occam::search_with_prechecks(data, problem, options, prechecks);
    INFO(fmt::format("{}", fmt::join(lines_of(result.steps), "\n")));
    const auto has_step = [&](occam::StepKind kind, const std::string& prefix) {
        return any_step(result, [&](const occam::PrecheckStep& step) {
            return step.kind == kind && step.text.starts_with(prefix);
        });
    };
    CHECK(has_step(occam::StepKind::no_pair_symmetry, "no pair symmetry among x1, x2, x3"));
    CHECK(has_step(occam::StepKind::split, "separable: y = g * h with {"));
    CHECK(has_step(occam::StepKind::search, "searching y_g"));
    CHECK(has_step(occam::StepKind::search, "searching y_h"));
    CHECK(has_step(occam::StepKind::refit, "refitted "));
    CHECK_FALSE(has_step(occam::StepKind::plain_search, ""));  // the parts were enough
    REQUIRE_FALSE(result.front.empty());
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    CHECK(result.front.best().validation_loss < 1e-20);
    CHECK(occam::evaluate_scalar(result.front.best().formula, std::array{2.0, 1.0, 1.5}) ==
          doctest::Approx(5 * std::cos(1.0) * 1.5).epsilon(1e-12));
}

TEST_CASE("pre-checks: two parts of one input each are paired from their enumerated formulas, no search needed" * doctest::test_suite("slow")) {
    const PrecheckedLaw law("(1 + x1^2)*exp(-x2)", {{"x1", 1, 3}, {"x2", 0, 2}});
    const auto result = law.search(2);
    INFO(fmt::format("{}", fmt::join(lines_of(result.steps), "\n")));
    CHECK(any_step(result, [](const occam::PrecheckStep& step) {
        return step.kind == occam::StepKind::refit && step.text.find("enumerated formulas") != std::string::npos;
    }));
    CHECK_FALSE(any_step(result, [](const occam::PrecheckStep& step) {
        return step.kind == occam::StepKind::search || step.kind == occam::StepKind::plain_search;
    }));
    check_exact(result, std::array{2.0, 1.0}, 5 * std::exp(-1.0));
}

TEST_CASE("pre-checks recurse into a part of two inputs: a product of three factors splits twice" * doctest::test_suite("slow")) {
    const PrecheckedLaw law("(1 + x1^2)*cos(x2)*exp(x3)", {{"x1", 1, 3}, {"x2", 0.5, 1.5}, {"x3", 0, 2}});
    const auto result = law.search();
    INFO(fmt::format("{}", fmt::join(lines_of(result.steps), "\n")));
    const auto split_steps = std::count_if(result.steps.begin(), result.steps.end(), [](const occam::PrecheckStep& step) {
        return step.kind == occam::StepKind::split;
    });
    CHECK(split_steps == 2);  // the problem, then its part of two inputs
    CHECK(any_step(result, [](const occam::PrecheckStep& step) {
        return step.kind == occam::StepKind::split && step.part.starts_with("y_") && step.text.starts_with("separable: y_");
    }));
    check_exact(result, std::array{2.0, 1.0, 1.5}, 5 * std::cos(1.0) * std::exp(1.5));
}

TEST_CASE("pre-checks split after an output transform when f itself does not split: 1/y = g(x1) + h(x2, x3)" * doctest::test_suite("slow")) {
    const PrecheckedLaw law("1/(1 + x1^2 + x2*cos(x3))", {{"x1", 0, 2}, {"x2", 0.5, 1.5}, {"x3", 0, 1}});
    const auto result = law.search();
    INFO(fmt::format("{}", fmt::join(lines_of(result.steps), "\n")));
    CHECK(any_step(result, [](const occam::PrecheckStep& step) {
        return step.kind == occam::StepKind::split && step.text.starts_with("separable: 1/y = g + h with {x1} | {x2, x3} (error ");
    }));
    check_exact(result, std::array{2.0, 1.0, 1.5}, 1 / (5 + std::cos(1.5)));
}

TEST_CASE("pre-checks carry weights into the reduced problem: corrupted rows of weight ~0 do not spoil I.10.7" * doctest::test_suite("slow")) {
    const occam::UnitsTable units = occam::read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    RelativisticMass clean;
    // every fourth row's target 50 % off, with weight 0; the rest weight 1
    Eigen::ArrayXXd values(clean.data.rows(), clean.data.cols() + 1);
    values << clean.data.values(), Eigen::ArrayXd::Ones(clean.data.rows());
    for (Eigen::Index r = 0; r < values.rows(); r += 4) {
        values(r, 3) *= 1.5;
        values(r, 4) = 0;
    }
    const occam::Dataset data({"m_0", "v", "c", "m", "w"}, values);
    const occam::Problem problem(data, "m", {"m_0", "v", "c"}, clean.split, "w");
    const auto result = occam::search_with_prechecks(data, problem, short_search(), {.units = &units});
    REQUIRE(result.steps.size() >= 2);
    CHECK(result.steps[0] == occam::PrecheckStep{occam::StepKind::units, "dimensional analysis: m/m_0 = g(pi1) with pi1 = v/c"});
    REQUIRE_FALSE(result.front.empty());
    CHECK(result.front.weights == "w");
    // the reduced (weighted) search found it: the plain one, weighted too, was not needed
    CHECK_FALSE(any_step(result, [](const occam::PrecheckStep& step) { return step.kind == occam::StepKind::plain_search; }));
    INFO(occam::to_infix(result.front.best().formula, result.front.variables));
    for (const auto& row : {std::array{2.0, 1.5, 4.0}, std::array{4.5, 1.1, 9.0}}) {
        const double truth = row[0] / std::sqrt(1 - row[1] * row[1] / (row[2] * row[2]));
        CHECK(occam::evaluate_scalar(result.front.best().formula, row) == doctest::Approx(truth).epsilon(1e-9));
    }
}
