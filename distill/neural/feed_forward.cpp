#include "occam/feed_forward.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "occam/error.hpp"

namespace occam {
namespace {

constexpr std::array activation_names{"linear", "relu", "tanh", "sigmoid", "softplus", "gelu", "exp"};

// PyTorch's Softplus returns x itself above 20 (beta 1), where log1p(exp(x)) equals x in double anyway
double softplus(double x) { return x > 20 ? x : std::log1p(std::exp(x)); }

double sigmoid(double x) {
    // written so that neither branch overflows
    if (x >= 0) return 1 / (1 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1 + e);
}

double gelu(double x) { return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0))); }

}  // namespace

std::string_view activation_name(Activation activation) {
    return activation_names.at(static_cast<std::size_t>(activation));
}

std::optional<Activation> activation_from_name(std::string_view name) {
    for (std::size_t i = 0; i < activation_names.size(); ++i)
        if (name == activation_names[i]) return static_cast<Activation>(i);
    return std::nullopt;
}

void apply_activation(Activation activation, Eigen::Ref<Eigen::MatrixXd> values) {
    auto array = values.array();
    switch (activation) {
        case Activation::linear: break;
        case Activation::relu: array = array.max(0.0); break;
        case Activation::tanh: array = array.tanh(); break;
        case Activation::sigmoid: array = array.unaryExpr(&sigmoid); break;
        case Activation::softplus: array = array.unaryExpr(&softplus); break;
        case Activation::gelu: array = array.unaryExpr(&gelu); break;
        case Activation::exp: array = array.exp(); break;
    }
}

Eigen::MatrixXd FeedForward::evaluate(const Eigen::Ref<const Eigen::MatrixXd>& inputs) const {
    if (inputs.cols() != input_count())
        throw input_error(fmt::format("network expects {} inputs, got {}", input_count(), inputs.cols()));
    // Rows stay rows throughout: each layer is values * W^T + b.
    Eigen::MatrixXd values = inputs;
    if (input_normalization) {
        values.rowwise() -= input_normalization->shift.transpose();
        values.array().rowwise() /= input_normalization->scale.transpose().array();
    }
    for (const DenseLayer& layer : layers) {
        Eigen::MatrixXd next = values * layer.weight.transpose();
        next.rowwise() += layer.bias.transpose();
        apply_activation(layer.activation, next);
        values = std::move(next);
    }
    if (output_normalization) {
        values.array().rowwise() *= output_normalization->scale.transpose().array();
        values.rowwise() += output_normalization->shift.transpose();
    }
    return values;
}

void check_shapes(const FeedForward& network, std::string_view where) {
    auto fail = [&](const std::string& message) { throw input_error(fmt::format("{}: {}", where, message)); };
    if (network.input_names.empty()) fail("$.inputs: at least one input is needed");
    if (network.output_names.empty()) fail("$.outputs: at least one output is needed");
    if (network.layers.empty()) fail("$.layers: at least one layer is needed");
    auto check_normalization = [&](const std::optional<AffineNormalization>& normalization, int size,
                                   std::string_view name) {
        if (!normalization) return;
        if (normalization->shift.size() != size || normalization->scale.size() != size)
            fail(fmt::format("$.{}: shift and scale need {} entries each, got {} and {}", name, size,
                             normalization->shift.size(), normalization->scale.size()));
        for (Eigen::Index i = 0; i < size; ++i)
            if (!std::isfinite(normalization->scale[i]) || normalization->scale[i] == 0 ||
                !std::isfinite(normalization->shift[i]))
                fail(fmt::format("$.{}.scale[{}]: must be finite and non-zero (shift finite)", name, i));
    };
    std::vector<std::string> names = network.input_names;
    names.insert(names.end(), network.output_names.begin(), network.output_names.end());
    std::sort(names.begin(), names.end());
    if (const auto twice = std::adjacent_find(names.begin(), names.end()); twice != names.end())
        fail(fmt::format("$.inputs/$.outputs: the name \"{}\" is used twice", *twice));
    check_normalization(network.input_normalization, network.input_count(), "input_normalization");
    check_normalization(network.output_normalization, network.output_count(), "output_normalization");
    int width = network.input_count();
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const DenseLayer& layer = network.layers[l];
        if (layer.input_count() != width)
            fail(fmt::format("$.layers[{}].weight: expected {} columns (the previous width), got {}", l, width,
                             layer.input_count()));
        if (layer.bias.size() != layer.output_count())
            fail(fmt::format("$.layers[{}].bias: expected {} entries (rows of weight), got {}", l,
                             layer.output_count(), layer.bias.size()));
        if (!layer.weight.allFinite() || !layer.bias.allFinite())
            fail(fmt::format("$.layers[{}]: weights and biases must be finite", l));
        width = layer.output_count();
    }
    if (width != network.output_count())
        fail(fmt::format("$.layers[{}].weight: the last layer has {} outputs but $.outputs names {}",
                         network.layers.size() - 1, width, network.output_count()));
}

}  // namespace occam
