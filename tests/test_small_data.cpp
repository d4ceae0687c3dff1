// Small and noisy data: constants carry standard errors, an intercept the data do not support is
// dropped, and tables too small to hold rows out are judged by description length.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/constant_uncertainty.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/random.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"
#include "occam/snap.hpp"

using namespace occam;

namespace {

const Eigen::ArrayXd no_weights;

// y = slope*x + intercept + noise, n rows with x in [1, 10]
struct Line {
    Eigen::ArrayXXd X;
    Eigen::ArrayXd y;
    Line(std::size_t n, double slope, double intercept, double noise, std::uint64_t seed) : X(n, 1), y(n) {
        Random rng(seed);
        for (Eigen::Index r = 0; r < X.rows(); ++r) {
            X(r, 0) = rng.uniform(1.0, 10.0);
            y[r] = slope * X(r, 0) + intercept + noise * rng.normal();
        }
    }
    Dataset dataset() const {
        Eigen::ArrayXXd values(X.rows(), 2);
        values << X, y;
        return Dataset({"x", "y"}, values);
    }
};

// c0*x + c1, fitted by least squares
Tree fitted_line(const Line& data) {
    Tree line({Node::constant(1), Node::variable(0), Node::function(Op::Mul), Node::constant(0), Node::function(Op::Add)});
    ConstantFitter(100).fit(line, data.X, data.y, /*use_scaling=*/false);
    return line;
}

SearchOptions quick_search() {
    SearchOptions options;
    options.threads = 1;
    options.budget.time_limit.reset();
    options.budget.max_generations = 40;
    options.population.islands = 2;
    options.population.population_size = 100;
    options.operators = OperatorSet::parse("+,-,*,/,sqrt,exp,log,sin");
    return options;
}

}  // namespace

TEST_CASE("standard errors of a straight line's constants are the textbook least-squares ones") {
    const Line data(50, 2.0, 1.0, 0.3, 11);
    const Tree line = fitted_line(data);
    const auto errors = standard_errors(line, data.X, data.y, no_weights);
    REQUIRE(errors.has_value());
    REQUIRE(errors->size() == 2);
    const auto n = static_cast<double>(data.X.rows());
    const Eigen::ArrayXd x = data.X.col(0);
    const double mean = x.mean();
    const double spread = (x - mean).square().sum();
    const std::vector<double> c = line.constants();  // slope, then intercept (postfix order)
    const double rss = (c[0] * x + c[1] - data.y).square().sum();
    const double s = std::sqrt(rss / (n - 2));
    CHECK((*errors)[0] == doctest::Approx(s / std::sqrt(spread)).epsilon(1e-9));
    CHECK((*errors)[1] == doctest::Approx(s * std::sqrt(1 / n + mean * mean / spread)).epsilon(1e-9));
}

TEST_CASE("standard errors: a constant the data cannot separate from another is unknown (Inf)") {
    const Line data(30, 2.0, 0.0, 0.1, 5);
    // (c0*c1)*x: only the product is pinned down
    const Tree product({Node::constant(1.5), Node::constant(1.3), Node::function(Op::Mul), Node::variable(0),
                        Node::function(Op::Mul)});
    const auto errors = standard_errors(product, data.X, data.y, no_weights);
    REQUIRE(errors.has_value());
    CHECK(std::isinf((*errors)[0]));
    CHECK(std::isinf((*errors)[1]));
}

TEST_CASE("snapping drops an intercept not significant at two standard errors and keeps a real one") {
    // the first noise draw whose fitted intercept lies between one and two standard errors of 0:
    // |t| < 2 is no evidence of an intercept at the usual 5 % level
    std::uint64_t seed = 1;
    while (true) {
        const Line trial(32, 455.0, 0.0, 40.0, seed);
        const Tree fitted = fitted_line(trial);
        const double t = std::abs(fitted.constants()[1]) / standard_errors(fitted, trial.X, trial.y, no_weights).value()[1];
        if (t > 1 && t < 2) break;
        ++seed;
    }
    const Line data(32, 455.0, 0.0, 40.0, seed);
    const Tree line = fitted_line(data);
    ConstantFitter fitter(100);
    const RefitLoss refit = [&](Tree& tree) -> std::optional<double> {
        const auto fit = fitter.fit(tree, data.X, data.y, /*use_scaling=*/false);
        return fit.finite() ? std::optional(fit.mse) : std::nullopt;
    };
    const ConstantErrors errors_of = [&](const Tree& tree) { return standard_errors(tree, data.X, data.y, no_weights); };
    const Tree snapped = snap_constants(line, refit, {.rows = 32}, errors_of);
    INFO(to_infix(snapped, std::vector<std::string>{"x"}));
    CHECK(snapped.constant_count() == 1);
    CHECK(evaluate_scalar(snapped, std::vector<double>{0.0}) == 0.0);

    const Line offset(32, 455.0, 600.0, 40.0, 3);
    ConstantFitter offset_fitter(100);
    const RefitLoss offset_refit = [&](Tree& tree) -> std::optional<double> {
        const auto fit = offset_fitter.fit(tree, offset.X, offset.y, /*use_scaling=*/false);
        return fit.finite() ? std::optional(fit.mse) : std::nullopt;
    };
    const Tree kept = snap_constants(fitted_line(offset), offset_refit, {.rows = 32}, [&](const Tree& tree) {
        return standard_errors(tree, offset.X, offset.y, no_weights);
    });
    INFO(to_infix(kept, std::vector<std::string>{"x"}));
    CHECK(kept.constant_count() == 2);
}

TEST_CASE("32 noisy rows of a proportional law: every row fits, and the recommended formula goes through the origin") {
    const Line data(32, 3.7, 0.0, 1.5, 8);
    const Dataset table = data.dataset();
    const Problem problem(table, "y");
    CHECK_FALSE(problem.holds_out());
    const Front front = search(problem, quick_search());
    REQUIRE_FALSE(front.empty());
    INFO(to_infix(front.best().formula, front.variables));
    CHECK(front.selection_note.starts_with("no rows held out (32 rows)"));
    CHECK(std::isfinite(front.best().description_length));
    CHECK(std::abs(evaluate_scalar(front.best().formula, std::vector<double>{0.0})) < 1e-12);
    REQUIRE(front.best().constant_errors.size() == front.best().constants);
}

TEST_CASE("a table of 6 rows is searched, not refused") {
    // Kepler's third law on the six classical planets: T = a^(3/2), periods with 0.5 % noise
    const std::vector<double> a{0.387, 0.723, 1.0, 1.524, 5.203, 9.537};
    Random rng(2);
    Eigen::ArrayXXd values(6, 2);
    for (Eigen::Index r = 0; r < 6; ++r) {
        values(r, 0) = a[static_cast<std::size_t>(r)];
        values(r, 1) = std::pow(values(r, 0), 1.5) * (1 + 0.005 * rng.normal());
    }
    const Problem problem(Dataset({"a", "T"}, values), "T");
    CHECK(problem.train_target().size() == 6);
    const Front front = search(problem, quick_search());
    REQUIRE_FALSE(front.empty());
    INFO(to_infix(front.best().formula, front.variables));
    for (const FrontEntry& entry : front.entries) CHECK(entry.constants < 5);  // n - 1 = 5 would interpolate
    // the recommended formula is the law: within a percent on every planet and beyond them
    for (double x : {0.5, 2.0, 20.0})
        CHECK(evaluate_scalar(front.best().formula, std::vector<double>{x}) == doctest::Approx(std::pow(x, 1.5)).epsilon(0.01));
}
