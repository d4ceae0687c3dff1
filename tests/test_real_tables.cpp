// The suite of small real tables: every manifest row reads, each accepted law fits its table, and
// the verdict tells the law's form from a formula with a term the law lacks or a constant the data
// contradict.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/parse.hpp"
#include "occam/random.hpp"
#include "occam/real_law.hpp"
#include "occam/suite_manifest.hpp"
#include "occam/suite_runner.hpp"
#include "temp_dir.hpp"

using namespace occam;

namespace {

const std::string real_dir = std::string(OCCAM_SOURCE_DIR) + "/bench/suites/real";

struct Table {
    std::vector<std::string> inputs;
    Eigen::ArrayXXd X;
    Eigen::ArrayXd y;
};

Table table_of(const SuiteProblem& problem) {
    const Dataset data = read_csv(problem.data_file);
    Table table;
    for (const auto& range : problem.variables) table.inputs.push_back(range.name);
    table.X = data.columns(table.inputs, problem.data_file);
    table.y = data.column(problem.target);
    return table;
}

const SuiteProblem& find(const std::vector<SuiteProblem>& problems, const std::string& id) {
    const auto it = std::find_if(problems.begin(), problems.end(), [&](const SuiteProblem& p) { return p.id == id; });
    REQUIRE(it != problems.end());
    return *it;
}

}  // namespace

TEST_CASE("real tables: every row of the manifest reads, 6 to 200 rows, and its law fits the table") {
    const auto problems = load_real(real_dir);
    REQUIRE(problems.size() >= 8);
    for (const SuiteProblem& problem : problems) {
        INFO(problem.id);
        const Table table = table_of(problem);
        CHECK(table.y.size() >= 6);
        CHECK(table.y.size() <= 200);
        CHECK_FALSE(problem.free_constants.empty());
        const FittedLaw law = fit_law(problem.formula, table.inputs, problem.free_constants, table.X, table.y);
        CHECK(law.form.constant_count() == problem.free_constants.size());
        CHECK(law.nmse < 0.5);  // the accepted law explains most of every table, noisy Hubble 1929 included
    }
}

TEST_CASE("real tables: Michaelis-Menten on Treloar's puromycin rates gives the published constants") {
    const auto problems = load_real(real_dir);
    const SuiteProblem& problem = find(problems, "puromycin_treated");
    const Table table = table_of(problem);
    const FittedLaw law = fit_law(problem.formula, table.inputs, problem.free_constants, table.X, table.y);
    const std::vector<double> constants = law.fitted.constants();  // Vm, then Km, as written
    REQUIRE(constants.size() == 2);
    CHECK(constants[0] == doctest::Approx(212.7).epsilon(1e-3));
    CHECK(constants[1] == doctest::Approx(0.0641).epsilon(1e-2));
}

TEST_CASE("real tables: the law's form is recognised with any constants, and not with an extra term") {
    const auto problems = load_real(real_dir);
    const SuiteProblem& problem = find(problems, "hubble_hst2001");  // v = H*d
    const Table table = table_of(problem);
    const FittedLaw law = fit_law(problem.formula, table.inputs, problem.free_constants, table.X, table.y);
    const double H = law.fitted.constants()[0];
    const auto formula = [&](const std::string& text) { return parse_formula(text, table.inputs); };
    CHECK(has_law_form(formula(std::to_string(H) + "*distance"), law, problem.variables, table.X, table.y));
    // with an intercept it is another law, even when the intercept is small
    CHECK_FALSE(has_law_form(formula(std::to_string(H) + "*distance + 5"), law, problem.variables, table.X, table.y));
    // the right form with a constant the table contradicts fits far worse
    CHECK_FALSE(has_law_form(formula(std::to_string(H / 2) + "*distance"), law, problem.variables, table.X, table.y));
}

TEST_CASE("real tables: a short suite run gives each table a verdict and the summary counts them") {
    const auto problems = load_real(real_dir);
    SuiteOptions options;
    options.search.threads = 1;
    options.search.budget.time_limit.reset();
    options.search.budget.max_generations = 20;
    std::vector<SuiteOutcome> outcomes;
    for (const std::string id : {"kepler_planets", "hubble1929"}) outcomes.push_back(run_suite_problem(find(problems, id), options));
    for (const auto& outcome : outcomes) {
        INFO(outcome.id << ": " << outcome.formula);
        CHECK(outcome.law_on_front.has_value());
        CHECK_FALSE(outcome.formula.empty());
    }
    // Kepler's six planets are clean enough for the law to be found in 20 generations
    CHECK(*outcomes[0].law_on_front);
    CHECK(suite_summary("real", outcomes).starts_with("real: "));
    CHECK(suite_summary("real", outcomes).find("law on the front") != std::string::npos);
}

TEST_CASE("real tables: a law that a simpler formula fits better is reported as outdone, not as missed") {
    // flat rows far from the origin, declared to follow c*x: the constant alone (complexity 1)
    // fits them better than the law (complexity 3) can, so the law cannot be on the front
    const test::TempDir dir;
    std::string rows = "x,y\n";
    Random rng(3);
    for (int r = 0; r < 20; ++r) rows += std::to_string(10 + r * 0.5) + "," + std::to_string(5 + 0.1 * rng.normal()) + "\n";
    dir.write("flat.csv", rows);
    const std::string file = dir.file("flat.csv");
    const SuiteProblem flat{.id = "flat", .target = "y", .formula = "c*x", .variables = {{"x", 10, 19.5}},
                            .data_file = file, .free_constants = {"c"}};
    SuiteOptions options;
    options.search.threads = 1;
    options.search.budget.time_limit.reset();
    options.search.budget.max_generations = 10;
    const SuiteOutcome outcome = run_suite_problem(flat, options);
    INFO(outcome.formula);
    REQUIRE(outcome.law_outdone.has_value());
    CHECK_FALSE(*outcome.law_on_front);
    CHECK(*outcome.law_outdone);
    CHECK(suite_summary("real", {outcome}).find("law outdone by a formula no more complex on 1,") != std::string::npos);

    // Kepler's planets follow their law: it is on the front, so it is not outdone
    options.search.budget.max_generations = 20;
    const SuiteOutcome kepler = run_suite_problem(find(load_real(real_dir), "kepler_planets"), options);
    CHECK_FALSE(kepler.law_outdone.value_or(true));
}
