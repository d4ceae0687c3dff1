#include "network_gradient.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <vector>

#include "occam/error.hpp"

namespace occam {
namespace {

// d activation / d input, written in terms of the activation's output a (all that back-propagation keeps).
void multiply_by_derivative(Activation activation, const Eigen::MatrixXd& output, Eigen::MatrixXd& delta) {
    auto a = output.array();
    auto d = delta.array();
    switch (activation) {
        case Activation::linear: break;
        case Activation::relu: d *= (a > 0).cast<double>(); break;
        case Activation::tanh: d *= 1 - a.square(); break;
        case Activation::sigmoid: d *= a * (1 - a); break;
        case Activation::softplus: d *= 1 - (-a).exp(); break;  // sigmoid(z) = 1 - exp(-softplus(z))
        case Activation::exp: d *= a; break;
        case Activation::gelu:
            throw input_error("cannot train a gelu layer: its derivative needs the layer's input");
    }
}

// Reused between calls so a mini-batch step allocates nothing; what a chunk computes never depends
// on what the buffers held before.
std::vector<Eigen::MatrixXd>& thread_workspace() {
    thread_local std::vector<Eigen::MatrixXd> activations;
    return activations;
}

// tanh and softplus through Eigen's vectorised exp and log (libm's scalar tanh was half the time of a
// training step). Absolute error ~1e-16, all training needs; evaluate() keeps the library functions.
void apply_training_activation(Activation activation, Eigen::MatrixXd& values) {
    auto v = values.array();
    switch (activation) {
        case Activation::tanh: {
            const Eigen::ArrayXXd e = (-2 * v.abs()).exp();
            v = v.sign() * (1 - e) / (1 + e);
            break;
        }
        case Activation::softplus: v = v.max(0.0) + (1 + (-v.abs()).exp()).log(); break;
        default: apply_activation(activation, values);
    }
}

Eigen::Index chunk_count(Eigen::Index rows) { return (rows + gradient_chunk_rows - 1) / gradient_chunk_rows; }

// The layers' outputs for rows of X: activations[0] is X itself, activations[l + 1] the output of layer l.
void forward(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
             std::vector<Eigen::MatrixXd>& activations) {
    activations.resize(network.layers.size() + 1);
    activations[0] = X;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const DenseLayer& layer = network.layers[l];
        activations[l + 1].noalias() = activations[l] * layer.weight.transpose();
        activations[l + 1].rowwise() += layer.bias.transpose();
        apply_training_activation(layer.activation, activations[l + 1]);
    }
}

// Back-propagation: from delta = d(loss or output)/d(last layer's output), each layer from the
// last turns delta into d/d(its pre-activation) and hands it to visit with the layer's input and
// where its weights and biases sit in the flat parameter vector (laid out front to back).
template <typename Visit>
void backward(const FeedForward& network, const std::vector<Eigen::MatrixXd>& activations, Eigen::MatrixXd& delta,
              Visit&& visit) {
    Eigen::Index end = parameter_count(network);
    for (std::size_t l = network.layers.size(); l-- > 0;) {
        const DenseLayer& layer = network.layers[l];
        multiply_by_derivative(layer.activation, activations[l + 1], delta);
        const Eigen::Index bias_at = end - layer.bias.size();
        const Eigen::Index weight_at = bias_at - layer.weight.size();
        visit(layer, delta, activations[l], weight_at, bias_at);
        if (l > 0) delta = delta * layer.weight;
        end = weight_at;
    }
}

void check_single_output(const FeedForward& network, Eigen::Index rows, Eigen::Index targets) {
    if (network.layers.empty() || network.layers.back().output_count() != 1)
        throw input_error("training needs a network with exactly one output");
    if (rows != targets) throw input_error(fmt::format("{} rows of inputs but {} targets", rows, targets));
}

}  // namespace

Eigen::Index parameter_count(const FeedForward& network) {
    Eigen::Index count = 0;
    for (const DenseLayer& layer : network.layers) count += layer.weight.size() + layer.bias.size();
    return count;
}

Eigen::VectorXd flatten_parameters(const FeedForward& network) {
    Eigen::VectorXd parameters(parameter_count(network));
    Eigen::Index at = 0;
    for (const DenseLayer& layer : network.layers) {
        parameters.segment(at, layer.weight.size()) = layer.weight.reshaped();
        at += layer.weight.size();
        parameters.segment(at, layer.bias.size()) = layer.bias;
        at += layer.bias.size();
    }
    return parameters;
}

void assign_parameters(FeedForward& network, const Eigen::Ref<const Eigen::VectorXd>& parameters) {
    if (parameters.size() != parameter_count(network))
        throw input_error(fmt::format("the network has {} parameters, got {}", parameter_count(network),
                                      parameters.size()));
    Eigen::Index at = 0;
    for (DenseLayer& layer : network.layers) {
        layer.weight.reshaped() = parameters.segment(at, layer.weight.size());
        at += layer.weight.size();
        layer.bias = parameters.segment(at, layer.bias.size());
        at += layer.bias.size();
    }
}

double mean_squared_error_gradient(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                                   const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> gradient) {
    check_single_output(network, X.rows(), y.size());
    const Eigen::Index parameters = parameter_count(network);
    const Eigen::Index chunks = chunk_count(X.rows());
    Eigen::MatrixXd chunk_gradients(parameters, chunks);
    Eigen::VectorXd chunk_losses(chunks);
    const double weight = 2.0 / static_cast<double>(X.rows());
    tbb::parallel_for(Eigen::Index{0}, chunks, [&](Eigen::Index c) {
        const Eigen::Index begin = c * gradient_chunk_rows;
        const Eigen::Index rows = std::min(gradient_chunk_rows, X.rows() - begin);
        std::vector<Eigen::MatrixXd>& activations = thread_workspace();
        forward(network, X.middleRows(begin, rows), activations);
        Eigen::MatrixXd delta = activations.back() - y.segment(begin, rows);
        chunk_losses[c] = delta.squaredNorm();
        delta *= weight;
        auto g = chunk_gradients.col(c);
        backward(network, activations, delta,
                 [&](const DenseLayer& layer, const Eigen::MatrixXd& d, const Eigen::MatrixXd& input,
                     Eigen::Index weight_at, Eigen::Index bias_at) {
                     g.segment(bias_at, layer.bias.size()) = d.colwise().sum().transpose();
                     g.segment(weight_at, layer.weight.size())
                         .reshaped(layer.output_count(), layer.input_count())
                         .noalias() = d.transpose() * input;
                 });
    });

    // In chunk order, whatever order the threads finished in.
    gradient = chunk_gradients.col(0);
    for (Eigen::Index c = 1; c < chunks; ++c) gradient += chunk_gradients.col(c);
    double loss = 0;
    for (Eigen::Index c = 0; c < chunks; ++c) loss += chunk_losses[c];
    return loss / static_cast<double>(X.rows());
}

double mean_squared_error(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                          const Eigen::Ref<const Eigen::VectorXd>& y) {
    check_single_output(network, X.rows(), y.size());
    const Eigen::Index chunks = chunk_count(X.rows());
    Eigen::VectorXd chunk_losses(chunks);
    tbb::parallel_for(Eigen::Index{0}, chunks, [&](Eigen::Index c) {
        const Eigen::Index begin = c * gradient_chunk_rows;
        const Eigen::Index rows = std::min(gradient_chunk_rows, X.rows() - begin);
        std::vector<Eigen::MatrixXd>& activations = thread_workspace();
        forward(network, X.middleRows(begin, rows), activations);
        chunk_losses[c] = (activations.back() - y.segment(begin, rows)).squaredNorm();
    });
    double loss = 0;
    for (Eigen::Index c = 0; c < chunks; ++c) loss += chunk_losses[c];
    return loss / static_cast<double>(X.rows());
}

double gauss_newton_system(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                           const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::MatrixXd& jtj, Eigen::VectorXd& jtr) {
    check_single_output(network, X.rows(), y.size());
    // Rows are taken a slab at a time, so the Jacobian in memory stays small whatever the data size.
    constexpr Eigen::Index slab_rows = 2048;
    // J^T J is built a block of columns at a time, each block its own product: the blocks run in
    // parallel and none is a sum over threads. Only the lower triangle is computed, then mirrored.
    constexpr Eigen::Index column_block = 64;
    const Eigen::Index parameters = parameter_count(network);
    jtj.setZero(parameters, parameters);
    jtr.setZero(parameters);
    Eigen::MatrixXd jacobian(std::min(slab_rows, X.rows()), parameters);
    Eigen::VectorXd residual(jacobian.rows());
    double loss = 0;

    for (Eigen::Index slab = 0; slab < X.rows(); slab += slab_rows) {
        const Eigen::Index slab_size = std::min(slab_rows, X.rows() - slab);
        tbb::parallel_for(Eigen::Index{0}, chunk_count(slab_size), [&](Eigen::Index c) {
            const Eigen::Index begin = c * gradient_chunk_rows;
            const Eigen::Index rows = std::min(gradient_chunk_rows, slab_size - begin);
            std::vector<Eigen::MatrixXd>& activations = thread_workspace();
            forward(network, X.middleRows(slab + begin, rows), activations);
            residual.segment(begin, rows) = activations.back().col(0) - y.segment(slab + begin, rows);
            // d output / d (layer output), one row per data row, starting from the output itself.
            Eigen::MatrixXd delta = Eigen::MatrixXd::Ones(rows, 1);
            auto J = jacobian.middleRows(begin, rows);
            backward(network, activations, delta,
                     [&](const DenseLayer& layer, const Eigen::MatrixXd& d, const Eigen::MatrixXd& input,
                         Eigen::Index weight_at, Eigen::Index bias_at) {
                         J.middleCols(bias_at, layer.bias.size()) = d;
                         for (int k = 0; k < layer.input_count(); ++k)  // weight (o, k) sits at o + k * outputs
                             J.middleCols(weight_at + k * layer.output_count(), layer.output_count()) =
                                 d.array().colwise() * input.col(k).array();
                     });
        });
        const auto J = jacobian.topRows(slab_size);
        const auto r = residual.head(slab_size);
        const Eigen::Index blocks = (parameters + column_block - 1) / column_block;
        tbb::parallel_for(Eigen::Index{0}, blocks, [&](Eigen::Index b) {
            const Eigen::Index first = b * column_block;
            const Eigen::Index width = std::min(column_block, parameters - first);
            const Eigen::Index below = parameters - first;
            jtj.block(first, first, below, width).noalias() +=
                J.middleCols(first, below).transpose() * J.middleCols(first, width);
        });
        jtr.noalias() += J.transpose() * r;
        loss += r.squaredNorm();
    }
    jtj.triangularView<Eigen::StrictlyUpper>() = jtj.transpose();
    return loss / static_cast<double>(X.rows());
}

}  // namespace occam
