// Weighted fits: per-row weights change every measure of a fit, and nothing else.
#include <doctest/doctest.h>

#include "temp_dir.hpp"

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "occam/constant_fitter.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

using namespace occam;
using occam::test::TempDir;

namespace {

Eigen::ArrayXd array(std::initializer_list<double> values) {
    Eigen::ArrayXd a(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double v : values) a[i++] = v;
    return a;
}

// c0 + c1*x with both constants fittable
Tree straight_line() {
    return Tree({Node::constant(0.5), Node::constant(0.5), Node::variable(0), Node::function(Op::Mul),
                 Node::function(Op::Add)});
}

std::string error_of(const std::function<void()>& work) {
    try {
        work();
    } catch (const input_error& error) {
        return error.what();
    }
    return {};
}

SearchOptions small_search() {
    SearchOptions options;
    options.seed = 1;
    options.threads = 1;
    options.operators = OperatorSet::parse("+,-,*,/");
    options.budget.time_limit.reset();
    options.budget.max_generations = 20;
    options.population.islands = 4;
    options.population.population_size = 60;
    options.population.max_length = 15;
    return options;
}

// x*y + 2 on x, y in [1, 3]; every other row is corrupted by +10 and carries a weight of 1e-9.
Dataset half_corrupted() {
    const std::vector<std::string> names{"x", "y"};
    const auto clean = sample_formula(parse_formula("x*y + 2", names), {{"x", 1, 3}, {"y", 1, 3}},
                                      {.rows = 400, .seed = 5, .target = "f"});
    Eigen::ArrayXXd values(clean.rows(), 4);
    values.leftCols(3) = clean.values();
    for (Eigen::Index r = 0; r < clean.rows(); ++r) {
        const bool corrupted = r % 2 == 1;
        if (corrupted) values(r, 2) += 10;
        values(r, 3) = corrupted ? 1e-9 : 1.0;
    }
    return Dataset({"x", "y", "f", "w"}, std::move(values));
}

// Largest relative error of formula against x*y + 2 on fresh points.
double error_against_clean_law(const Tree& formula) {
    const std::vector<std::string> names{"x", "y"};
    const auto fresh = sample_formula(parse_formula("x*y + 2", names), {{"x", 1, 3}, {"y", 1, 3}},
                                      {.rows = 1000, .seed = 77, .target = "f"});
    Eigen::ArrayXd prediction(fresh.rows());
    Interpreter interpreter;
    if (!interpreter.evaluate(formula, fresh.values().leftCols(2), prediction)) return INFINITY;
    return ((prediction - fresh.values().col(2)).abs() / fresh.values().col(2).abs()).maxCoeff();
}

}  // namespace

TEST_CASE("weights: weighted linear scaling is the closed-form weighted least squares") {
    const auto f = array({1, 2, 3, 4});
    const auto y = array({2, 3, 5, 4});
    const auto w = array({1, 2, 0, 1});
    // weighted means 9/4 and 3, Sfy = 3, Sff = 19/4: scale 12/19, offset 3 - (12/19)(9/4) = 30/19
    const auto s = linear_scaling(f, y, w);
    CHECK(s.scale == doctest::Approx(12.0 / 19).epsilon(1e-14));
    CHECK(s.offset == doctest::Approx(30.0 / 19).epsilon(1e-14));
    // a row of weight zero does not count, whatever its value
    const auto moved = linear_scaling(f, array({2, 3, 500, 4}), w);
    CHECK(moved.scale == doctest::Approx(s.scale).epsilon(1e-14));
    CHECK(moved.offset == doctest::Approx(s.offset).epsilon(1e-14));
    // no weights: the unweighted answer, bit for bit
    const auto plain = linear_scaling(f, y);
    const auto empty = linear_scaling(f, y, Eigen::ArrayXd());
    CHECK(empty.scale == plain.scale);
    CHECK(empty.offset == plain.offset);
}

TEST_CASE("weights: Levenberg-Marquardt minimises the weighted sum of squares") {
    Eigen::ArrayXXd x(5, 1);
    x << 0, 1, 2, 3, 4;
    const auto y = array({1.0, 2.5, 2.9, 4.2, 9.0});
    const auto w = array({4, 1, 2, 3, 0.5});
    // the weighted normal equations of y ~ a + b x
    const double sw = w.sum(), sx = (w * x.col(0)).sum(), sy = (w * y).sum();
    const double sxx = (w * x.col(0).square()).sum(), sxy = (w * x.col(0) * y).sum();
    const double b = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
    const double a = (sy - b * sx) / sw;

    ConstantFitter fitter(50);
    Tree line = straight_line();
    const auto fit = fitter.fit(line, x, y, w, /*use_scaling=*/false);
    const auto c = line.constants();
    CHECK(c[0] == doctest::Approx(a).epsilon(1e-10));
    CHECK(c[1] == doctest::Approx(b).epsilon(1e-10));
    CHECK(fit.mse == doctest::Approx((w * (a + b * x.col(0) - y).square()).sum() / sw).epsilon(1e-10));

    // weights all one fit what no weights fit
    Tree unweighted = straight_line(), ones = straight_line();
    const auto plain = fitter.fit(unweighted, x, y, false);
    const auto with_ones = fitter.fit(ones, x, y, Eigen::ArrayXd::Ones(5), false);
    CHECK(with_ones.mse == doctest::Approx(plain.mse).epsilon(1e-12));
    CHECK(ones.constants()[0] == doctest::Approx(unweighted.constants()[0]).epsilon(1e-12));
    CHECK(ones.constants()[1] == doctest::Approx(unweighted.constants()[1]).epsilon(1e-12));
}

TEST_CASE("weights: weights of 0 and 1 measure a fit as if the 0 rows were dropped") {
    const auto target = array({1, 2, 3, 4, 5, 6});
    const auto prediction = array({1.1, 2.2, 100, 3.7, -50, 6.3});
    const auto w = array({1, 1, 0, 1, 0, 1});
    const auto kept_target = array({1, 2, 4, 6});
    const auto kept_prediction = array({1.1, 2.2, 3.7, 6.3});
    const auto weighted = fit_metrics(target, prediction, w);
    const auto dropped = fit_metrics(kept_target, kept_prediction);
    CHECK(weighted.r2 == doctest::Approx(dropped.r2).epsilon(1e-14));
    CHECK(weighted.rmse == doctest::Approx(dropped.rmse).epsilon(1e-14));
    CHECK(weighted.nmse == doctest::Approx(dropped.nmse).epsilon(1e-14));
    CHECK(weighted.max_abs_error == doctest::Approx(dropped.max_abs_error).epsilon(1e-14));
    CHECK(nmse_denominator(target, w) == doctest::Approx(nmse_denominator(kept_target)).epsilon(1e-14));
}

TEST_CASE("weights: a Problem splits the weights with their rows and keeps them out of the inputs") {
    // w = 2x + 1, so each row's weight can be told from its input
    Eigen::ArrayXXd values(40, 3);
    for (Eigen::Index r = 0; r < 40; ++r) values.row(r) << r, 3.0 * r, 2.0 * r + 1;
    const Dataset data({"x", "y", "w"}, values);
    // 40 rows are below the hold-out minimum: held out all the same, to see the split
    const Problem problem(data, "y", {}, {.validation_fraction = 0.25, .seed = 3, .min_rows_to_hold_out = 0}, "w");
    CHECK(problem.input_names() == std::vector<std::string>{"x"});
    CHECK(problem.weighted());
    CHECK(problem.weight_name() == "w");
    REQUIRE(problem.train_weights().size() == 30);
    REQUIRE(problem.validation_weights().size() == 10);
    CHECK((problem.train_weights() == 2 * problem.train_inputs().col(0) + 1).all());
    CHECK((problem.validation_weights() == 2 * problem.validation_inputs().col(0) + 1).all());
    // the same split as without weights
    const Problem plain(data, "y", {"x"}, {.validation_fraction = 0.25, .seed = 3});
    CHECK(!plain.weighted());
    CHECK(plain.train_weights().size() == 0);
    CHECK((plain.train_target() == problem.train_target()).all());
}

TEST_CASE("weights: bad weights are refused with one line naming the column") {
    const auto with_weights = [](std::initializer_list<double> w) {
        Eigen::ArrayXXd values(8, 3);
        Eigen::Index r = 0;
        for (double weight : w) {
            values.row(r) << r, 2.0 * r, weight;
            ++r;
        }
        return Dataset({"x", "y", "w"}, values);
    };
    const auto problem_error = [](const Dataset& data, const std::string& weights, std::vector<std::string> inputs = {}) {
        return error_of([&] { Problem(data, "y", std::move(inputs), {}, weights); });
    };
    const auto good = with_weights({1, 1, 1, 1, 1, 1, 1, 1});
    CHECK(problem_error(with_weights({1, 1, -2, 1, 1, 1, 1, 1}), "w") ==
          "--weights: column \"w\" holds a negative weight, -2 (data row 3)");
    CHECK(problem_error(with_weights({1, NAN, 1, 1, 1, 1, 1, 1}), "w") ==
          "--weights: column \"w\" holds NaN or Inf (data row 2)");
    CHECK(problem_error(with_weights({1, 1, 1, 1, 1, 1, 1, INFINITY}), "w") ==
          "--weights: column \"w\" holds NaN or Inf (data row 8)");
    CHECK(problem_error(with_weights({0, 0, 0, 0, 0, 0, 0, 0}), "w") == "--weights: column \"w\" is all zero");
    CHECK(problem_error(good, "sigma") == "--weights: unknown column \"sigma\" in the data; columns are: x, y, w");
    CHECK(problem_error(good, "y") == "--weights: the weight column \"y\" is the target");
    CHECK(problem_error(good, "w", {"x", "w"}) == "the weight column \"w\" cannot also be an input");
}

TEST_CASE("weights: rows of weight ~0 carry no say: the weighted search finds the clean law, the plain one does not") {
    const Dataset data = half_corrupted();
    const Problem weighted(data, "f", {"x", "y"}, {}, "w");
    const Problem plain(data, "f", {"x", "y"});
    const Front weighted_front = search(weighted, small_search());
    const Front plain_front = search(plain, small_search());
    REQUIRE_FALSE(weighted_front.empty());
    REQUIRE_FALSE(plain_front.empty());
    INFO("weighted: " << to_infix(weighted_front.best().formula, weighted_front.variables));
    INFO("plain:    " << to_infix(plain_front.best().formula, plain_front.variables));
    CHECK(error_against_clean_law(weighted_front.best().formula) <= 1e-9);
    // weighted R2: the corrupted rows hardly count (their weight times 10^2 is all that is left)
    CHECK(weighted_front.best().validation_r2 > 1 - 1e-6);
    CHECK(plain_front.best().validation_r2 < 0.9);
    CHECK(weighted_front.weights == "w");
    // the plain search fits the corruption's mean, +5, into the constant
    CHECK(error_against_clean_law(plain_front.best().formula) > 0.1);
    CHECK(plain_front.weights.empty());
}

TEST_CASE("weights: a checkpoint belongs to its weights") {
    TempDir dir;
    const Dataset data = half_corrupted();
    Eigen::ArrayXXd other_values = data.values();
    other_values.col(3) = 1.0;
    const Dataset other_weights({"x", "y", "f", "w"}, other_values);

    auto options = small_search();
    options.budget.max_generations = 4;
    options.checkpoint.path = dir.file("run.json");
    search(Problem(data, "f", {"x", "y"}, {}, "w"), options);
    options.checkpoint.path.clear();
    options.checkpoint.resume = dir.file("run.json");
    const auto resume_error = [&](const Problem& problem) { return error_of([&] { search(problem, options); }); };

    CHECK(resume_error(Problem(data, "f", {"x", "y"}, {}, "w")).empty());
    const std::string refused = dir.file("run.json") + ": cannot resume: --weights differs";
    CHECK(resume_error(Problem(other_weights, "f", {"x", "y"}, {}, "w")).starts_with(refused));
    CHECK(resume_error(Problem(data, "f", {"x", "y"})).starts_with(refused));
}

TEST_CASE("weights: a checkpoint written before weights existed resumes as unweighted") {
    TempDir dir;
    const Dataset data = half_corrupted();
    auto options = small_search();
    options.budget.max_generations = 4;
    options.checkpoint.path = dir.file("run.json");
    search(Problem(data, "f", {"x", "y"}), options);
    nlohmann::json document;
    std::ifstream(dir.file("run.json")) >> document;
    REQUIRE(document["options"].contains("weights"));
    document["options"].erase("weights");
    std::ofstream(dir.file("run.json")) << document.dump();

    options.checkpoint.path.clear();
    options.checkpoint.resume = dir.file("run.json");
    options.budget.max_generations = 8;
    CHECK(error_of([&] { search(Problem(data, "f", {"x", "y"}), options); }).empty());
    CHECK(error_of([&] { search(Problem(data, "f", {"x", "y"}, {}, "w"), options); })
              .starts_with(dir.file("run.json") + ": cannot resume: --weights differs"));
}
