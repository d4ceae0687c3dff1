// Relative errors: a target of one sign across decades is searched in logs and its formulas given
// as the target itself. On Allison and Cicchetti's 62 mammals (brain against body mass over five
// decades) the front then holds the allometric power law instead of formulas bent through the
// elephants; refused combinations and targets end with one line.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "occam/canonical_form.hpp"
#include "occam/check.hpp"
#include "occam/decades.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/solve.hpp"
#include "occam/suite_manifest.hpp"
#include "occam/suite_runner.hpp"
#include "occam/units.hpp"
#include "run_program.hpp"
#include "short_solve.hpp"

using namespace occam;

namespace {

const std::string real_dir = std::string(OCCAM_SOURCE_DIR) + "/bench/suites/real";

Eigen::ArrayXd values_of(const std::string& formula, double from, double to, int count) {
    Eigen::ArrayXd y(count);
    const Tree tree = parse_formula(formula, std::vector<std::string>{"x"});
    for (int i = 0; i < count; ++i) y[i] = evaluate_scalar(tree, std::vector<double>{from + (to - from) * i / (count - 1)});
    return y;
}

// y = 3*x^1.5 for x from 1 to 2500 in steps of 4 % (five decades of y), each row off by a few
// per cent, as a CSV
std::string power_law_csv() {
    std::string text = "x,y\n";
    for (int i = 0; i < 200; ++i) {
        const double x = std::pow(1.04, i);
        text += std::to_string(x) + "," + std::to_string(3 * std::pow(x, 1.5) * (1 + 0.03 * std::sin(7.0 * i))) + "\n";
    }
    return text;
}

}  // namespace

using test::short_solve;

TEST_CASE("relative errors: a target of one sign across three decades, and only such a one") {
    // a power law over inputs spread evenly in log x (as measurements across decades are)
    CHECK(sign_across_decades(values_of("exp(3*x)", 0, 3, 200)) == 1);  // 8100-fold
    CHECK(sign_across_decades(values_of("-exp(x)", 0, 10, 200)) == -1);
    CHECK(sign_across_decades(values_of("exp(x)", 0, 5, 200)) == 0);  // 150-fold
    CHECK(sign_across_decades(values_of("x^3", -1, 20, 200)) == 0);
    // a squared sine spans decades near its zero, a long tail of logs below the median
    CHECK(sign_across_decades(values_of("sin(x)^2", 0.001, 3, 400)) == 0);
    CHECK(decades_spanned(values_of("exp(3*x)", 0, 3, 200)) == doctest::Approx(9 / std::log(10.0)));
}

TEST_CASE("relative errors: a power law fitted in logs is printed as a power") {
    // exp(a + b*log(x)), the form a line in log x maps to
    const std::vector<std::string> names{"x"};
    const Tree fitted = parse_formula("exp(2.137 + 0.75*log(x))", names);
    Eigen::ArrayXXd rows(50, 1);
    for (int i = 0; i < 50; ++i) rows(i, 0) = 0.01 * std::pow(1.3, i);
    const Tree canonical = canonical_form(fitted, rows);
    INFO(to_infix(canonical, names));
    CHECK(canonical.complexity() <= parse_formula("8.47*x^0.75", names).complexity());
    for (const double x : {0.05, 3.0, 4000.0})
        CHECK(evaluate_scalar(canonical, std::vector<double>{x}) == doctest::Approx(std::exp(2.137) * std::pow(x, 0.75)));
}

TEST_CASE("relative errors: brain mass against body mass gives the allometric power law" * doctest::test_suite("slow")) {
    const Dataset data = read_csv(real_dir + "/mammals_brain.csv");
    const Problem problem(data, "brain");
    const Solution solution = solve(data, problem, short_solve(20, 2));
    const Front& front = solution.front;
    REQUIRE(front.log_scale.has_value());
    CHECK(front.log_scale->sign == 1);
    CHECK(front.log_scale->decades == doctest::Approx(4.61).epsilon(0.01));
    REQUIRE_FALSE(solution.steps.empty());
    CHECK(solution.steps.front().kind == StepKind::log_target);
    // the recommended formula is c*body^b: b near Kleiber's 3/4, as the table's log-log fit says
    // (0.752), and it holds beyond the table's five decades
    const Tree& law = front.best().formula;
    INFO(to_infix(law, front.variables));
    const double at_one = evaluate_scalar(law, std::vector<double>{1.0});
    const double exponent = std::log10(evaluate_scalar(law, std::vector<double>{1e6}) / at_one) / 6;
    CHECK(exponent == doctest::Approx(0.75).epsilon(0.05));
    CHECK(at_one == doctest::Approx(8.5).epsilon(0.15));
    CHECK(front.best().constants <= 2);
    REQUIRE(front.best().constant_errors.size() == front.best().constants);
    for (double error : front.best().constant_errors) CHECK(std::isfinite(error));
    // the front stays ascending in complexity and falling in loss after the mapping
    for (std::size_t i = 1; i < front.entries.size(); ++i) {
        CHECK(front.entries[i].complexity > front.entries[i - 1].complexity);
        CHECK(front.entries[i].validation_loss < front.entries[i - 1].validation_loss);
    }

    // the suite judges the law on the logs as well: its form is on the front and recommended
    const auto problems = load_real(real_dir);
    const auto mammals = std::find_if(problems.begin(), problems.end(), [](const SuiteProblem& p) { return p.id == "mammals_brain"; });
    REQUIRE(mammals != problems.end());
    SuiteOptions options;
    options.search = short_solve(20, 2).search;
    const SuiteOutcome outcome = run_suite_problem(*mammals, options);
    INFO(outcome.formula);
    CHECK(outcome.law_on_front.value_or(false));
    CHECK(outcome.exact);
}

TEST_CASE("relative errors: absolute ones on request, with weights, with units or with residual rounds") {
    const Dataset data = read_csv(real_dir + "/mammals_brain.csv");
    const Problem problem(data, "brain");
    SolveOptions options = short_solve(1, 2);
    options.errors = ErrorModel::absolute;
    CHECK_FALSE(solve(data, problem, options).front.log_scale.has_value());

    // weights say what the errors are: they stay absolute unless relative ones are asked for
    Eigen::ArrayXXd weighted(data.rows(), 3);
    weighted << data.values(), Eigen::ArrayXd::Ones(data.rows());
    const Dataset with_weights({"body", "brain", "w"}, weighted);
    const Problem weighted_problem(with_weights, "brain", {}, {}, "w");
    CHECK_FALSE(solve(with_weights, weighted_problem, short_solve(1, 2)).front.log_scale.has_value());
    options.errors = ErrorModel::relative;
    CHECK(solve(with_weights, weighted_problem, options).front.log_scale.has_value());

    // dimensional analysis needs the target in its units; residual rounds add formulas of the target
    const UnitsTable units = read_units(std::string(OCCAM_SOURCE_DIR) + "/bench/suites/feynman/units.csv");
    options.prechecks.units = &units;
    CHECK_THROWS_WITH_AS(options.validate(), "--errors relative: dimensional analysis (--units) needs the target in its units, not its log",
                         input_error);
    options.prechecks.units = nullptr;
    options.residual_rounds = 2;
    CHECK_THROWS_AS(options.validate(), input_error);
}

TEST_CASE("relative errors: a target with a zero or of both signs is refused with its row") {
    Eigen::ArrayXXd values(5, 2);
    values << 1, 2, 2, 4, 3, 0, 4, 8, 5, 10;
    const Dataset data({"x", "y"}, values);
    const Problem problem(data, "y");
    SolveOptions options = short_solve(1, 2);
    options.errors = ErrorModel::relative;
    CHECK_THROWS_WITH_AS(solve(data, problem, options),
                         "--errors relative: y is 0 on row 3 of the data: relative errors need a target that is never 0",
                         input_error);
    values(2, 1) = -6;
    const Dataset both_signs({"x", "y"}, values);
    CHECK_THROWS_WITH_AS(solve(both_signs, Problem(both_signs, "y"), options),
                         "--errors relative: y is -6 on row 3 of the data, 2 on the first: relative errors need a target "
                         "of one sign",
                         input_error);
    // the smallest magnitudes a double holds are of one sign too
    values << 1, 1e-300, 2, 1e-200, 3, 1e-100, 4, 1e-50, 5, 1;
    const Dataset tiny({"x", "y"}, values);
    CHECK(solve(tiny, Problem(tiny, "y"), options).front.log_scale.has_value());
}

TEST_CASE("cli: --errors says how the losses were taken, in the table and the JSON") {
    test::TempDir dir;
    dir.write("power.csv", power_law_csv());
    // not --quiet: the pre-check steps go to standard error
    const auto table = test::run_program({"search", "power.csv", "--target", "y", "--generations", "3"}, dir.path(),
                                         std::chrono::seconds(60));
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.find("loss and R2 are on all rows, of log|y| (errors relative)") == std::string::npos);  // 200 rows hold some out
    CHECK(table.out.find("loss and R2 are on the validation rows, of log|y| (errors relative)") != std::string::npos);
    CHECK(table.err.find("pre-check: errors taken as relative: y spans 5.1 decades, so log|y| is searched") != std::string::npos);

    const auto json = test::run_program({"search", "power.csv", "--target", "y", "--generations", "3", "--quiet", "--errors",
                                         "absolute", "--format", "json"},
                                        dir.path(), std::chrono::seconds(60));
    REQUIRE(json.exit_code == 0);
    CHECK(nlohmann::json::parse(json.out)["loss"]["errors"] == "absolute");

    const auto bad = test::run_program({"search", "power.csv", "--target", "y", "--errors", "proportional"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "occam: --errors proportional: expected auto, absolute or relative\n");
}

TEST_CASE("relative errors: the shortest laws of the logs print as powers and products") {
    // a line in log x with no intercept, a unit slope with one, and a reciprocal: five nodes or fewer
    const std::vector<std::string> names{"x"};
    Eigen::ArrayXXd rows(40, 1);
    for (int i = 0; i < 40; ++i) rows(i, 0) = 0.01 * std::pow(1.4, i);
    for (const auto& [logs, law] : {std::pair{"exp(1.5*log(x))", "x^1.5"}, std::pair{"exp(0.3 + log(x))", "1.3498588075760032*x"},
                                    std::pair{"exp(-log(x))", "1/x"}}) {
        const Tree form = canonical_form(parse_formula(logs, names), rows);
        INFO(logs << " -> " << to_infix(form, names));
        CHECK(form.complexity() <= parse_formula(law, names).complexity());
        CHECK(evaluate_scalar(form, std::vector<double>{7.0}) == doctest::Approx(evaluate_scalar(parse_formula(law, names), std::vector<double>{7.0})));
    }
}

TEST_CASE("relative errors: occam check plans on the logs when the search would") {
    const Dataset data = read_csv(real_dir + "/mammals_brain.csv");
    const CheckReport report = check(data, Problem(data, "brain"), short_solve(1, 2));
    REQUIRE_FALSE(report.plan.empty());
    CHECK(report.plan.front().starts_with("errors taken as relative: brain spans 4.6 decades"));
}
