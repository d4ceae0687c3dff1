// Distillation of network components: the library call on a component whose law is known, and
// the `occam distill` command end to end, including its one-line errors.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "occam/component_json.hpp"
#include "occam/distill.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "run_program.hpp"

using namespace occam::test;
using Args = std::vector<std::string>;

namespace {

// phi(r) = 3 exp(0.5 r) + 1 as a two-layer network with an exp hidden unit
occam::FeedForward exponential_component() {
    occam::FeedForward network;
    network.input_names = {"r"};
    network.output_names = {"phi"};
    occam::DenseLayer hidden{Eigen::MatrixXd::Constant(1, 1, 0.5), Eigen::VectorXd::Zero(1), occam::Activation::exp};
    occam::DenseLayer out{Eigen::MatrixXd::Constant(1, 1, 3.0), Eigen::VectorXd::Constant(1, 1.0),
                          occam::Activation::linear};
    network.layers = {hidden, out};
    return network;
}

occam::DistillOptions quick_options() {
    occam::DistillOptions options;
    options.samples = 300;
    options.check_points = 1000;
    options.search.threads = 1;
    options.search.budget.time_limit.reset();
    options.search.budget.max_generations = 20;
    return options;
}

void check_input_error(const ProgramResult& r, const std::string& message) {
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "occam: " + message + "\n");
}

}  // namespace

TEST_CASE("distill recovers the law inside a component and scores it on fresh points") {
    const occam::FeedForward component = exponential_component();
    const occam::Domain domain = occam::make_domain(component, {occam::parse_range("r:-1:2")});
    const occam::Distillation result = occam::distill(component, domain, quick_options());
    REQUIRE(result.outputs.size() == 1);
    const occam::DistilledOutput& phi = result.outputs[0];
    CHECK(phi.name == "phi");
    REQUIRE_FALSE(phi.front.empty());
    CHECK(phi.agreement.r2 > 1 - 1e-12);
    CHECK(phi.front.best().complexity <= 8);  // a + b*exp(c*r)
    // the printed formula carries the fitted affine map: it reproduces phi itself, not a rescaling
    for (double r : {-1.0, 0.3, 2.0}) {
        const double row[] = {r};
        CHECK(occam::evaluate_scalar(phi.front.best().formula, row) == doctest::Approx(3 * std::exp(0.5 * r) + 1));
    }
}

TEST_CASE("a distillation domain names every input once, with LOW below HIGH") {
    const occam::FeedForward component = exponential_component();
    CHECK_THROWS_WITH_AS(occam::parse_range("r:0"), "--domain r:0: expected NAME:LOW:HIGH, e.g. r:0:0.4",
                         occam::input_error);
    CHECK_THROWS_WITH_AS(occam::parse_range("r:1:0"), "--domain r:1:0: LOW must be below HIGH", occam::input_error);
    CHECK_THROWS_WITH_AS(occam::make_domain(component, {occam::parse_range("q:0:1")}),
                         "--domain q: the component has no input \"q\" (inputs: r)", occam::input_error);
    CHECK_THROWS_WITH_AS(occam::make_domain(component, {}),
                         "--domain: no range for the input \"r\" (give r:LOW:HIGH or --from a CSV)",
                         occam::input_error);
    const occam::Domain domain = occam::make_domain(component, {occam::parse_range("r:0:0.4")});
    const Eigen::MatrixXd grid = occam::sample_domain(domain, 5, occam::SamplingPlan::grid, 1);
    REQUIRE(grid.rows() == 5);
    CHECK(grid(0, 0) == 0);
    CHECK(grid(2, 0) == doctest::Approx(0.2));
    CHECK(grid(4, 0) == 0.4);
    const Eigen::MatrixXd random = occam::sample_domain(domain, 100, occam::SamplingPlan::random_box, 7);
    CHECK(random.minCoeff() >= 0);
    CHECK(random.maxCoeff() < 0.4);
    CHECK(random == occam::sample_domain(domain, 100, occam::SamplingPlan::random_box, 7));
}

TEST_CASE("cli: occam distill prints a front per output, says the fit is affine-invariant, and scores the choice") {
    TempDir dir;
    occam::write_component(exponential_component(), dir.path() / "phi.json");
    const auto r = run_program({"distill", "phi.json", "--domain", "r:-1:2", "--generations", "10", "--threads", "1",
                                "--samples", "300", "--format", "json"},
                               dir.path());
    REQUIRE(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["affine_invariant"] == true);
    REQUIRE(json["outputs"].size() == 1);
    CHECK(json["outputs"][0]["name"] == "phi");
    CHECK(json["outputs"][0]["agreement"]["r2"].get<double>() > 0.999);

    const auto table = run_program({"distill", "phi.json", "--domain", "r:-1:2", "--generations", "5", "--threads",
                                    "1", "--samples", "200", "--grid"},
                                   dir.path());
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.find("output phi: sampled at a grid of 200 points of r in [-1, 2]") != std::string::npos);
    CHECK(table.out.find("invariant to a + b*phi") != std::string::npos);
    CHECK(table.out.find("chosen: phi = ") != std::string::npos);
}

TEST_CASE("cli: occam distill refuses bad components and impossible sampling in one line") {
    TempDir dir;
    occam::write_component(exponential_component(), dir.path() / "phi.json");
    std::ofstream(dir.path() / "bad.json") << R"({"format": "occam-component", "version": 1, "inputs": ["r"],
 "outputs": ["phi"], "layers": [{"weight": [[1]], "bias": [0], "activation": "swish"}]})";
    check_input_error(run_program({"distill", "bad.json", "--domain", "r:0:1"}, dir.path()),
                      "bad.json: $.layers[0].activation: unknown activation \"swish\" (known: linear, relu, tanh, "
                      "sigmoid, softplus, gelu, exp)");
    check_input_error(run_program({"distill", "phi.json", "--domain", "r:0"}, dir.path()),
                      "--domain r:0: expected NAME:LOW:HIGH, e.g. r:0:0.4");
    check_input_error(run_program({"distill", "phi.json"}, dir.path()),
                      "--domain: no range for the input \"r\" (give r:LOW:HIGH or --from a CSV)");
    check_input_error(run_program({"distill", "phi.json", "--domain", "r:0:1", "--output-index", "3"}, dir.path()),
                      "--output-index 3: the component has 1 output(s), numbered from 0");
    check_input_error(run_program({"distill", "phi.json", "--domain", "r:0:1", "--from", "x.csv"}, dir.path()),
                      "--from: sample either on a CSV's inputs or on a --domain, not both");
    std::ofstream(dir.path() / "points.csv") << "s\n0.1\n0.2\n";
    check_input_error(run_program({"distill", "phi.json", "--from", "points.csv"}, dir.path()),
                      "points.csv: no column \"r\" for the component's input (columns: s)");
}
