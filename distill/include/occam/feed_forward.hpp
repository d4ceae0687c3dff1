#pragma once
// A feed-forward network as plain data: dense layers with one activation each, optional affine
// normalisation of inputs and outputs. Learned components are loaded into it (component_json.hpp)
// and the surrogate of the pre-checks is trained into it, so both are evaluated the same way.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace occam {

enum class Activation { linear, relu, tanh, sigmoid, softplus, gelu, exp };

std::string_view activation_name(Activation activation);
std::optional<Activation> activation_from_name(std::string_view name);

// Applies the activation to every element in place.
void apply_activation(Activation activation, Eigen::Ref<Eigen::MatrixXd> values);

struct DenseLayer {
    Eigen::MatrixXd weight;  // outputs x inputs, as PyTorch's nn.Linear stores it
    Eigen::VectorXd bias;    // one per output
    Activation activation = Activation::linear;

    int input_count() const { return static_cast<int>(weight.cols()); }
    int output_count() const { return static_cast<int>(weight.rows()); }
};

// The network sees (x - shift) / scale per input; outputs are returned as y * scale + shift.
struct AffineNormalization {
    Eigen::VectorXd shift;
    Eigen::VectorXd scale;
};

struct FeedForward {
    std::vector<std::string> input_names;
    std::vector<std::string> output_names;
    std::optional<AffineNormalization> input_normalization;
    std::optional<AffineNormalization> output_normalization;
    std::vector<DenseLayer> layers;

    int input_count() const { return static_cast<int>(input_names.size()); }
    int output_count() const { return static_cast<int>(output_names.size()); }

    // rows x inputs -> rows x outputs
    Eigen::MatrixXd evaluate(const Eigen::Ref<const Eigen::MatrixXd>& inputs) const;
};

// Shapes agree from input to output and every scale is finite and non-zero; input_error naming
// the first layer or field that does not, prefixed with `where` (a file name, say).
void check_shapes(const FeedForward& network, std::string_view where);

}  // namespace occam
