// Network components: evaluation by hand, the JSON format both ways, and one-line errors that name
// the JSON path of what is wrong.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "occam/component_json.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "temp_dir.hpp"

namespace {

// y = 2 * tanh(1.5 * (x - 1) / 2 - 0.25) + 3, written out as a component
const char* tiny_component = R"({
  "format": "occam-component", "version": 1,
  "inputs": ["x"], "outputs": ["y"],
  "input_normalization": {"shift": [1], "scale": [2]},
  "output_normalization": {"shift": [3], "scale": [2]},
  "layers": [{"weight": [[1.5]], "bias": [-0.25], "activation": "tanh"}]
})";

std::string error_of(const std::string& text) {
    try {
        occam::parse_component(text, "net.json");
    } catch (const occam::input_error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a component evaluates its layers, activations and normalisations") {
    const occam::FeedForward network = occam::parse_component(tiny_component, "tiny.json");
    Eigen::MatrixXd x(3, 1);
    x << -2, 1, 4.5;
    const Eigen::MatrixXd y = network.evaluate(x);
    for (int i = 0; i < 3; ++i)
        CHECK(y(i, 0) == doctest::Approx(2 * std::tanh(1.5 * (x(i, 0) - 1) / 2 - 0.25) + 3).epsilon(1e-15));
}

TEST_CASE("every activation has its textbook value") {
    Eigen::MatrixXd v(1, 3);
    auto applied = [&](occam::Activation a) {
        v << -1.0, 0.5, 30.0;
        occam::apply_activation(a, v);
        return v;
    };
    CHECK(applied(occam::Activation::relu)(0, 0) == 0);
    CHECK(applied(occam::Activation::sigmoid)(0, 1) == doctest::Approx(1 / (1 + std::exp(-0.5))));
    CHECK(applied(occam::Activation::softplus)(0, 0) == doctest::Approx(std::log(1 + std::exp(-1.0))));
    CHECK(applied(occam::Activation::softplus)(0, 2) == 30.0);
    CHECK(applied(occam::Activation::gelu)(0, 1) == doctest::Approx(0.5 * 0.5 * (1 + std::erf(0.5 / std::sqrt(2.0)))));
    CHECK(applied(occam::Activation::exp)(0, 1) == doctest::Approx(std::exp(0.5)));
    CHECK(applied(occam::Activation::linear)(0, 2) == 30.0);
    for (const char* name : {"linear", "relu", "tanh", "sigmoid", "softplus", "gelu", "exp"})
        CHECK(occam::activation_name(*occam::activation_from_name(name)) == name);
    CHECK_FALSE(occam::activation_from_name("swish").has_value());
}

TEST_CASE("a component written to JSON reads back identical") {
    const occam::FeedForward network = occam::parse_component(tiny_component, "tiny.json");
    occam::test::TempDir dir;
    const auto path = dir.path() / "copy.json";
    occam::write_component(network, path);
    const occam::FeedForward copy = occam::read_component(path);
    CHECK(copy.input_names == network.input_names);
    CHECK(copy.layers.at(0).weight == network.layers.at(0).weight);
    CHECK(copy.output_normalization->shift == network.output_normalization->shift);
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(20, 1);
    CHECK(copy.evaluate(x) == network.evaluate(x));
}

TEST_CASE("bad component files get one line naming the place") {
    std::string text = tiny_component;
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string copy = text;
        copy.replace(copy.find(from), from.size(), to);
        return error_of(copy);
    };
    CHECK(replaced("\"tanh\"", "\"swish\"") ==
          "net.json: $.layers[0].activation: unknown activation \"swish\" (known: linear, relu, tanh, sigmoid, "
          "softplus, gelu, exp)");
    CHECK(replaced("\"bias\": [-0.25]", "\"bias\": [-0.25, 1]") ==
          "net.json: $.layers[0].bias: expected 1 entries (rows of weight), got 2");
    CHECK(replaced("[[1.5]]", "[[1.5, 2]]") == "net.json: $.layers[0].weight: expected 1 columns (the previous width), got 2");
    CHECK(replaced("[[1.5]]", "[[1.5], [2, 3]]") == "net.json: $.layers[0].weight[1]: expected 1 columns like row 0, got 2");
    CHECK(replaced("\"bias\": [-0.25], ", "") == "net.json: $.layers[0].bias: missing");
    CHECK(replaced("\"outputs\": [\"y\"],", "") == "net.json: $.outputs: missing");
    CHECK(replaced("\"scale\": [2]}", "\"scale\": [0]}") ==
          "net.json: $.input_normalization.scale[0]: must be finite and non-zero (shift finite)");
    CHECK(replaced("[1.5]", "[\"a\"]") == "net.json: $.layers[0].weight[0][0]: expected a number");
    CHECK(replaced("\"version\": 1", "\"version\": 2") == "net.json: $.version: only version 1 is known");
    const std::string syntax = replaced("\"layers\": [", "\"layers\": [,");
    CHECK_MESSAGE(syntax.rfind("net.json:6:14: malformed JSON:", 0) == 0, syntax);
    CHECK(syntax.find('\n') == std::string::npos);
    // a number past the largest double is named where it stands, not reported as an internal error
    const std::string overflow = replaced("[[1.5]]", "[[1e999]]");
    CHECK_MESSAGE(overflow.rfind("net.json:", 0) == 0, overflow);
    CHECK(overflow.find("a number too large for a double") != std::string::npos);
    CHECK(overflow == replaced("[[1.5]]", "[[1.5e999]]"));
    CHECK_THROWS_AS(occam::read_component("/nonexistent/net.json"), occam::input_error);
}

TEST_CASE("a component exported from PyTorch matches PyTorch's own outputs within 1e-6") {
    // tests/data/make_component_small.py wrote the model and PyTorch's float64 outputs
    const std::string folder = std::string(OCCAM_SOURCE_DIR) + "/tests/data/";
    const occam::FeedForward network = occam::read_component(folder + "component_small.json");
    const occam::Dataset reference = occam::read_csv(folder + "component_small_reference.csv");
    REQUIRE(network.input_names == std::vector<std::string>{"x", "y", "z"});
    REQUIRE(network.output_names == std::vector<std::string>{"u", "v"});
    REQUIRE(reference.rows() == 200);
    const Eigen::MatrixXd outputs = network.evaluate(reference.values().leftCols(3).matrix());
    const Eigen::ArrayXXd expected = reference.values().rightCols(2);
    const double worst = ((outputs.array() - expected).abs() / expected.abs().max(1.0)).maxCoeff();
    CHECK(worst < 1e-6);
    CHECK(worst < 1e-12);  // both sides compute in double, so they agree to rounding
}
