#pragma once
// Training arithmetic for a FeedForward: its layers' weights as one flat vector, and the mean squared
// error of the layers over a set of rows with its gradient by back-propagation. Normalisations are
// left out here: the trainer feeds rows and targets that are already in the network's own units.
#include <Eigen/Core>

#include "occam/feed_forward.hpp"

namespace occam {

// Layer by layer: the weight (column-major, outputs x inputs), then the bias.
Eigen::Index parameter_count(const FeedForward& network);
Eigen::VectorXd flatten_parameters(const FeedForward& network);
void assign_parameters(FeedForward& network, const Eigen::Ref<const Eigen::VectorXd>& parameters);

// Rows per unit of parallel work. Fixed by the data, never by the thread count: chunk gradients are
// summed in chunk order, so the result is bit-identical however many threads run the chunks.
inline constexpr Eigen::Index gradient_chunk_rows = 64;

// Mean over rows of (network(X) - y)^2 for a single-output network, and its gradient with respect to
// flatten_parameters(network) written into gradient. Chunks run in parallel on TBB (in the calling
// task_arena). Hidden activations must have a derivative expressible through their output: linear,
// relu, tanh, sigmoid, softplus, exp (input_error for gelu).
double mean_squared_error_gradient(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                                   const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> gradient);

// The same loss without the gradient (a plain forward pass, also chunked and parallel).
double mean_squared_error(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                          const Eigen::Ref<const Eigen::VectorXd>& y);

// The Gauss-Newton system of the same loss: J^T J and J^T r, where J is the
// rows x parameters Jacobian of the network's output and r = network(X) - y; returns the mean
// squared error. Rows are split into a fixed number of stripes summed in stripe order, so this too
// is bit-identical for any thread count.
double gauss_newton_system(const FeedForward& network, const Eigen::Ref<const Eigen::MatrixXd>& X,
                           const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::MatrixXd& jtj, Eigen::VectorXd& jtr);

}  // namespace occam
