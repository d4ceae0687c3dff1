// Few noisy rows: a periodic function sampled too sparsely is no law (aliasing), constants of
// very different sizes still get standard errors, a redundant constant does not hide its
// partner from snapping, and a one-input table is enumerated whatever the unit of its input.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "occam/aliasing.hpp"
#include "occam/constant_fitter.hpp"
#include "occam/constant_uncertainty.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/precheck.hpp"
#include "occam/print.hpp"
#include "occam/random.hpp"
#include "occam/sampling.hpp"
#include "occam/small_formula_enumeration.hpp"
#include "occam/snap.hpp"

using namespace occam;

namespace {

const Eigen::ArrayXd no_weights;

// the formula's literal numbers, 1 aside, made fittable constants
Tree fittable(const std::string& formula, const std::vector<std::string>& names) {
    const Tree parsed = parse_formula(formula, names);
    std::vector<Node> nodes(parsed.nodes().begin(), parsed.nodes().end());
    for (Node& node : nodes)
        if (node.op == Op::Number && node.value != 1) node = Node::constant(node.value);
    return Tree(std::move(nodes));
}

// n rows of x evenly from lo to hi
Eigen::ArrayXXd evenly(Eigen::Index n, double lo, double hi) {
    return Eigen::ArrayXXd(Eigen::ArrayXd::LinSpaced(n, lo, hi));
}

// An Arrhenius-like law y = a exp(-b/T), T from 300 to 600 K, with 1 % noise
Dataset arrhenius(std::size_t rows, std::uint64_t seed) {
    const Tree law = parse_formula("3e6*exp(-4000/T)", std::vector<std::string>{"T"});
    return sample_formula(law, {{"T", 300, 600}}, {.rows = rows, .seed = seed, .noise = 0.01, .target = "y"});
}

}  // namespace

TEST_CASE("aliasing: more periods than half the rows is aliasing, a law's slow sine is not") {
    Interpreter interpreter;
    const std::vector<std::string> x{"x"};
    const Eigen::ArrayXXd sparse = evenly(26, 1, 130);  // sin(x) sweeps 20.5 periods on 26 rows
    CHECK(aliases(parse_formula("3*sin(x) + x", x), sparse, interpreter));
    CHECK(aliases(parse_formula("cos(16501594/x)", x), evenly(19, 273, 633), interpreter));
    CHECK(aliases(parse_formula("x + tan(x)", x), sparse, interpreter));
    // the same sine on a thousand rows, a slow one on few, and no periodic function at all
    CHECK_FALSE(aliases(parse_formula("3*sin(x) + x", x), evenly(1000, 1, 130), interpreter));
    CHECK_FALSE(aliases(parse_formula("sin(x/40)", x), sparse, interpreter));
    CHECK_FALSE(aliases(parse_formula("exp(x/100)*x", x), sparse, interpreter));
}

TEST_CASE("standard errors of a prefactor of millions beside an exponent's 1e-4 are finite") {
    // a*exp(1/(c*T)), as the enumeration writes exp(-b/T): the Jacobian's columns differ by 1e13
    // in size, which made the SVD call the fit degenerate ("± inf") before they were scaled
    // mercury's vapour pressure over 273-633 K: 6e7*exp(-7000/T), with 1 % noise
    const Dataset data = sample_formula(parse_formula("6e7*exp(-7000/T)", std::vector<std::string>{"T"}), {{"T", 273, 633}},
                                        {.rows = 40, .seed = 3, .noise = 0.01, .target = "y"});
    const Eigen::ArrayXXd X = data.column("T");
    const Eigen::ArrayXd y = data.column("y");
    Tree law = fittable("5e7*exp(1/(-0.00015*T))", std::vector<std::string>{"T"});
    REQUIRE(ConstantFitter(200).fit(law, X, y, /*use_scaling=*/false).finite());
    const auto errors = standard_errors(law, X, y, no_weights);
    REQUIRE(errors.has_value());
    const std::vector<double> values = law.constants();
    INFO(to_infix(law, std::vector<std::string>{"T"}));
    for (std::size_t c = 0; c < values.size(); ++c) {
        CHECK(std::isfinite((*errors)[c]));
        CHECK((*errors)[c] < 0.1 * std::abs(values[c]));  // 1 % noise on 40 rows pins both down
    }
    CHECK(values[1] == doctest::Approx(-1 / 7000.0).epsilon(0.05));
}

TEST_CASE("snapping: an offset whose error is unknown beside a redundant twin is dropped once the twin is") {
    // x*c + inner + outer: the two offsets are one constant, so neither has an error until the
    // outer (0 to rounding) is snapped away; the inner one, within its two errors of 0, goes next
    Random rng(4);
    Eigen::ArrayXXd X = evenly(20, 1, 10);
    Eigen::ArrayXd y(20);
    for (Eigen::Index r = 0; r < 20; ++r) y[r] = 5 * X(r, 0) + 0.5 * rng.normal();
    Tree line = fittable("x*5.0 + 0.07 + 3e-14", std::vector<std::string>{"x"});
    ConstantFitter fitter(100);
    const RefitLoss refit = [&](Tree& tree) -> std::optional<double> {
        const auto fit = fitter.fit(tree, X, y, /*use_scaling=*/false);
        return fit.finite() ? std::optional(fit.mse) : std::nullopt;
    };
    refit(line);
    const double t = [&] {
        Tree single = fittable("x*5.0 + 0.07", std::vector<std::string>{"x"});
        refit(single);
        return std::abs(single.constants()[1]) / standard_errors(single, X, y, no_weights).value()[1];
    }();
    REQUIRE(t < 2);  // this draw's intercept is not significant
    const Tree snapped = snap_constants(line, refit, {.rows = 20}, [&](const Tree& tree) { return standard_errors(tree, X, y, no_weights); });
    INFO(to_infix(snapped, std::vector<std::string>{"x"}));
    CHECK(snapped.constant_count() == 1);
    CHECK(evaluate_scalar(snapped, std::vector<double>{0.0}) == 0.0);
}

TEST_CASE("enumeration screens scales relative to the input: exp(-4000/T) over T in kelvin is found") {
    const Dataset data = sample_formula(parse_formula("exp(-4000/T)", std::vector<std::string>{"T"}), {{"T", 300, 600}},
                                        {.rows = 200, .seed = 2, .target = "y"});
    const Problem problem(data, "y");
    const EnumeratedFormulas found = enumerate_small_formulas(problem, OperatorSet::standard(), {.threads = 2}, nullptr);
    REQUIRE_FALSE(found.best.empty());
    INFO(to_infix(found.best.front(), problem.input_names()));
    Eigen::ArrayXd prediction(problem.train_target().size());
    REQUIRE(Interpreter().evaluate(found.best.front(), problem.train_inputs(), prediction));
    const Eigen::ArrayXd& y = problem.train_target();
    CHECK((prediction - y).square().mean() / (y - y.mean()).square().mean() < 1e-20);
}

TEST_CASE("a one-input table is enumerated before the search, and its step is said") {
    const Dataset data = arrhenius(19, 5);
    const Problem problem(data, "y");
    SearchOptions options;
    options.threads = 1;
    options.budget.time_limit.reset();
    options.budget.max_generations = 5;
    options.population.islands = 2;
    options.population.population_size = 50;
    const PrecheckedSearch result = search_with_prechecks(data, problem, options, {});
    const auto enumerated = std::find_if(result.steps.begin(), result.steps.end(),
                                         [](const PrecheckStep& step) { return step.kind == StepKind::enumeration; });
    CHECK(enumerated != result.steps.end());
    REQUIRE_FALSE(result.front.empty());
    // the law is on the front: its exponent found within 5 %, not a polynomial in T
    bool law = false;
    for (const FrontEntry& entry : result.front.entries) {
        const double at_300 = evaluate_scalar(entry.formula, std::vector<double>{300.0});
        const double at_1000 = evaluate_scalar(entry.formula, std::vector<double>{1000.0});
        law = law || (at_300 == doctest::Approx(3e6 * std::exp(-4000 / 300.0)).epsilon(0.05) &&
                      at_1000 == doctest::Approx(3e6 * std::exp(-4.0)).epsilon(0.05));
    }
    CHECK(law);

    const PrecheckedSearch off = search_with_prechecks(data, problem, options, {.mode = PrecheckMode::off});
    CHECK(std::none_of(off.steps.begin(), off.steps.end(), [](const PrecheckStep& step) { return step.kind == StepKind::enumeration; }));

    // the plain search after the enumeration still says when it stopped for want of progress
    options.budget.max_generations = 2000;
    options.budget.stall_generations = 8;
    const PrecheckedSearch stalled = search_with_prechecks(data, problem, options, {});
    CHECK(stalled.front.stalled);
    CHECK(stalled.front.final_progress.generations < 2000);
}
