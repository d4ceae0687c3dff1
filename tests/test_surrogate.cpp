// The neural surrogate: its training arithmetic against finite differences, its accuracy on smooth
// laws, bit-identical weights for any thread count, and its one-line errors.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <tbb/task_arena.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "feynman_cases.hpp"
#include "adam.hpp"
#include "occam/error.hpp"
#include "network_gradient.hpp"
#include "occam/random.hpp"
#include "occam/surrogate.hpp"

using namespace occam;

namespace {

FeedForward random_network(int inputs, std::vector<int> widths, Activation activation, std::uint64_t seed) {
    Random rng(seed);
    FeedForward network;
    for (int i = 0; i < inputs; ++i) network.input_names.push_back(fmt::format("x{}", i));
    network.output_names = {"y"};
    widths.push_back(1);
    int width = inputs;
    for (std::size_t l = 0; l < widths.size(); ++l) {
        DenseLayer layer;
        layer.weight = Eigen::MatrixXd::NullaryExpr(widths[l], width, [&] { return rng.uniform(-1, 1); });
        layer.bias = Eigen::VectorXd::NullaryExpr(widths[l], [&] { return rng.uniform(-0.5, 0.5); });
        layer.activation = l + 1 < widths.size() ? activation : Activation::linear;
        network.layers.push_back(layer);
        width = widths[l];
    }
    return network;
}

Eigen::MatrixXd random_rows(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
    Random rng(seed);
    return Eigen::MatrixXd::NullaryExpr(rows, cols, [&] { return rng.uniform(-2, 2); });
}

SurrogateOptions quick_options() {
    SurrogateOptions options;
    options.max_iterations = 40;
    options.time_limit_seconds = 1e9;  // iterations, not the clock, end these runs
    return options;
}

Surrogate train_with_threads(const test::SampledLaw& law, const SurrogateOptions& options, int threads) {
    tbb::task_arena arena(threads);
    Surrogate surrogate;
    arena.execute([&] { surrogate = train_surrogate(law.data, "f", options); });
    return surrogate;
}

}  // namespace

TEST_CASE("flat parameters round-trip through a network") {
    FeedForward network = random_network(3, {4, 5}, Activation::tanh, 1);
    const Eigen::VectorXd p = flatten_parameters(network);
    CHECK(p.size() == parameter_count(network));
    CHECK(p.size() == (3 * 4 + 4) + (4 * 5 + 5) + (5 + 1));
    FeedForward copy = random_network(3, {4, 5}, Activation::tanh, 2);
    assign_parameters(copy, p);
    CHECK(flatten_parameters(copy) == p);
    CHECK(copy.layers[1].weight == network.layers[1].weight);
    CHECK_THROWS_AS(assign_parameters(copy, Eigen::VectorXd::Zero(3)), input_error);
}

TEST_CASE("the loss gradient and the Gauss-Newton system agree with finite differences") {
    for (Activation activation : {Activation::tanh, Activation::softplus, Activation::sigmoid}) {
        CAPTURE(activation_name(activation));
        FeedForward network = random_network(2, {6, 5}, activation, 3);
        const Eigen::MatrixXd X = random_rows(150, 2, 4);  // three chunks, the last one short
        const Eigen::VectorXd y = (X.col(0).array() * X.col(1).array()).sin().matrix();
        Eigen::VectorXd gradient(parameter_count(network));
        const double loss = mean_squared_error_gradient(network, X, y, gradient);
        CHECK(loss == doctest::Approx(mean_squared_error(network, X, y)).epsilon(1e-14));
        CHECK(loss == doctest::Approx((network.evaluate(X).col(0) - y).squaredNorm() / 150).epsilon(1e-12));

        const Eigen::VectorXd p = flatten_parameters(network);
        for (Eigen::Index k : {0L, 7L, 20L, p.size() - 1}) {
            const double h = 1e-6;
            FeedForward moved = network;
            Eigen::VectorXd q = p;
            q[k] += h;
            assign_parameters(moved, q);
            const double up = mean_squared_error(moved, X, y);
            q[k] -= 2 * h;
            assign_parameters(moved, q);
            const double down = mean_squared_error(moved, X, y);
            CHECK(gradient[k] == doctest::Approx((up - down) / (2 * h)).epsilon(1e-6));
        }

        // J^T r is the gradient of the summed squares over 2; J^T J is symmetric and positive semi-definite
        Eigen::MatrixXd jtj;
        Eigen::VectorXd jtr;
        CHECK(gauss_newton_system(network, X, y, jtj, jtr) == doctest::Approx(loss).epsilon(1e-14));
        CHECK((jtr - gradient * 75).norm() <= 1e-10 * jtr.norm());
        CHECK((jtj - jtj.transpose()).norm() == 0);
        CHECK(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(jtj).eigenvalues().minCoeff() > -1e-9 * jtj.norm());
    }
}

TEST_CASE("Adam walks down a quadratic bowl") {
    Adam adam(2);
    Eigen::VectorXd x(2);
    x << 3, -2;
    for (int i = 0; i < 2000; ++i) {
        const Eigen::VectorXd gradient = Eigen::Vector2d(2 * (x[0] - 1), 20 * (x[1] + 0.5));
        adam.step(x, gradient, 0.05);
    }
    CHECK(x[0] == doctest::Approx(1).epsilon(1e-3));
    CHECK(x[1] == doctest::Approx(-0.5).epsilon(1e-3));
    CHECK(adam.steps() == 2000);
}

TEST_CASE("the surrogate learns a smooth law to about 1e-3 of its spread") {
    // I.39.22, P = n kb T / V: four inputs (measured 9.7e-4)
    const auto law = test::sample_feynman("I.39.22", 3000);
    SurrogateOptions options = quick_options();
    options.max_iterations = 80;
    const Surrogate surrogate = train_surrogate(law.data, "f", options);
    CHECK(surrogate.relative_rmse() < 2.5e-3);
    CHECK(surrogate.iterations > 10);
    CHECK_FALSE(surrogate.time_limit_reached);

    // a plain FeedForward in the data's units: standardisation lives in its normalisations
    const FeedForward& network = surrogate.network;
    REQUIRE(network.input_normalization.has_value());
    REQUIRE(network.output_normalization.has_value());
    CHECK(network.input_names == law.names);
    CHECK(network.output_names == std::vector<std::string>{"f"});
    check_shapes(network, "surrogate");
    const Eigen::VectorXd y = law.data.values().col(4).matrix();
    const double rmse = std::sqrt((network.evaluate(law.X).col(0) - y).squaredNorm() / static_cast<double>(y.size()));
    CHECK(rmse < 3 * surrogate.validation_rmse);  // over all rows, training ones included
    CHECK(surrogate.target_sd == doctest::Approx(std::sqrt((y.array() - y.mean()).square().mean())).epsilon(0.05));
}

TEST_CASE("surrogate training gives bit-identical weights with one and two threads") {
    const auto law = test::sample_feynman("I.12.11", 1500);
    SurrogateOptions options = quick_options();
    options.max_iterations = 8;
    SUBCASE("Levenberg-Marquardt") {}
    SUBCASE("Adam") {
        options.trainer = SurrogateTrainer::adam;
        options.hidden_widths = {16, 16};
        options.adam.batch_rows = 200;  // four chunks per batch, the last one short
    }
    const Surrogate one = train_with_threads(law, options, 1);
    const Surrogate two = train_with_threads(law, options, 2);
    CHECK(one.iterations == two.iterations);
    CHECK(flatten_parameters(one.network) == flatten_parameters(two.network));
    CHECK(one.validation_rmse == two.validation_rmse);
    // and the seed matters
    options.seed = 2;
    CHECK(flatten_parameters(train_with_threads(law, options, 2).network) != flatten_parameters(two.network));
}

TEST_CASE("Adam trains the surrogate too, and early stopping keeps the best weights") {
    const auto law = test::sample_law("sin(x) * exp(-y)", {{"x", 0, 3}, {"y", 0, 1}}, 1000);
    SurrogateOptions options = quick_options();
    options.trainer = SurrogateTrainer::adam;
    options.hidden_widths = {16, 16};
    options.activation = Activation::tanh;
    options.adam = {.batch_rows = 32, .learning_rate = 1e-2, .final_learning_rate = 1e-4};
    options.max_iterations = 150;  // 25 steps an epoch
    const Surrogate surrogate = train_surrogate(law.data, "f", options);
    CHECK(surrogate.iterations == 150);
    CHECK(surrogate.relative_rmse() < 0.05);

    options.patience = 1;
    options.max_iterations = 1000;
    options.adam.learning_rate = 1.0;  // wild steps: validation soon stops improving
    const Surrogate stopped = train_surrogate(law.data, "f", options);
    CHECK(stopped.iterations < 1000);
    CHECK(std::isfinite(stopped.validation_rmse));
}

TEST_CASE("surrogate input errors are one line each") {
    const auto law = test::sample_law("x + y", {{"x", 0, 1}, {"y", 0, 1}}, 50);
    auto message = [](auto&& call) {
        try {
            call();
        } catch (const input_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message([&] { train_surrogate(law.data, "z"); }).find("unknown target \"z\"") == 0);
    const Eigen::MatrixXd X = law.X;
    CHECK(message([&] { train_surrogate(X, Eigen::VectorXd::Ones(50), {"x", "y"}, "f"); }) ==
          "the target is constant: a surrogate has nothing to learn");
    CHECK(message([&] { train_surrogate(X, Eigen::VectorXd::Zero(49), {"x", "y"}, "f"); }) ==
          "50 rows of inputs but 49 targets");
    Eigen::MatrixXd with_nan = X;
    with_nan(3, 1) = NAN;
    CHECK(message([&] { train_surrogate(with_nan, X.col(0), {"x", "y"}, "f"); }) ==
          "surrogate data must be finite (no NaN or Inf)");
    SurrogateOptions bad;
    bad.hidden_widths = {8, 0};
    CHECK(message([&] { train_surrogate(law.data, "f", bad); }) ==
          "surrogate options: hidden layer width 0 is not positive");
    bad = {};
    bad.activation = Activation::gelu;
    CHECK(message([&] { train_surrogate(law.data, "f", bad); }).find("gelu") != std::string::npos);
}
