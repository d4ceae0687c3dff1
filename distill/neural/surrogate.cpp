#include "occam/surrogate.hpp"

#include <fmt/format.h>

#include <cmath>

#include "occam/error.hpp"
#include "network_gradient.hpp"
#include "occam/random.hpp"
#include "surrogate_training.hpp"

namespace occam {
namespace {

AffineNormalization standardisation(const Eigen::Ref<const Eigen::MatrixXd>& values) {
    AffineNormalization n;
    n.shift = values.colwise().mean().transpose();
    n.scale.resize(values.cols());
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
        const double sd = std::sqrt((values.col(c).array() - n.shift[c]).square().mean());
        n.scale[c] = sd > 0 ? sd : 1.0;  // a constant input carries no information; leave it centred
    }
    return n;
}

// Glorot-uniform weights (suited to tanh and its relatives), zero biases, a linear output layer.
std::vector<DenseLayer> initial_layers(int inputs, const SurrogateOptions& options, Random& rng) {
    std::vector<int> widths = options.hidden_widths;
    widths.push_back(1);
    std::vector<DenseLayer> layers;
    int width = inputs;
    for (std::size_t l = 0; l < widths.size(); ++l) {
        const double bound = std::sqrt(6.0 / (width + widths[l]));
        DenseLayer layer;
        layer.weight = Eigen::MatrixXd::NullaryExpr(widths[l], width, [&] { return rng.uniform(-bound, bound); });
        layer.bias = Eigen::VectorXd::Zero(widths[l]);
        layer.activation = l + 1 < widths.size() ? options.activation : Activation::linear;
        layers.push_back(std::move(layer));
        width = widths[l];
    }
    return layers;
}

void check_options(const SurrogateOptions& options) {
    auto fail = [](const std::string& message) { throw input_error("surrogate options: " + message); };
    if (options.hidden_widths.empty()) fail("at least one hidden layer is needed");
    for (int w : options.hidden_widths)
        if (w < 1) fail(fmt::format("hidden layer width {} is not positive", w));
    if (options.activation == Activation::gelu) fail("gelu cannot be trained (its derivative needs the layer input)");
    if (!(options.validation_fraction > 0 && options.validation_fraction < 1))
        fail("the validation fraction must lie strictly between 0 and 1");
    if (options.max_iterations < 0 || options.patience < 1) fail("iterations >= 0 and patience >= 1 are needed");
    if (options.max_rows < 10) fail("max rows must be at least 10");
    const AdamSchedule& adam = options.adam;
    if (adam.batch_rows < 1 || !(adam.learning_rate > 0) || !(adam.final_learning_rate > 0))
        fail("Adam needs batch rows >= 1 and positive learning rates");
}

void check_data(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXd>& y,
                std::size_t names) {
    if (X.rows() != y.size()) throw input_error(fmt::format("{} rows of inputs but {} targets", X.rows(), y.size()));
    if (static_cast<std::size_t>(X.cols()) != names)
        throw input_error(fmt::format("{} input columns but {} input names", X.cols(), names));
    if (X.cols() == 0) throw input_error("a surrogate needs at least one input column");
    if (X.rows() < 10) throw input_error(fmt::format("a surrogate needs at least 10 rows, got {}", X.rows()));
    if (!X.allFinite() || !y.allFinite()) throw input_error("surrogate data must be finite (no NaN or Inf)");
    if (y.maxCoeff() == y.minCoeff()) throw input_error("the target is constant: a surrogate has nothing to learn");
}

}  // namespace

Surrogate train_surrogate(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXd>& y,
                          std::vector<std::string> input_names, std::string output_name,
                          const SurrogateOptions& options) {
    check_options(options);
    check_data(X, y, input_names.size());
    Random rng(options.seed);

    // A random subset of at most max_rows rows, its first validation_fraction held out.
    const std::vector<Eigen::Index> order = shuffled_order<Eigen::Index>(static_cast<std::size_t>(X.rows()), rng);
    const Eigen::Index rows = std::min(X.rows(), options.max_rows);
    const auto validation_rows = std::clamp<Eigen::Index>(
        std::lround(options.validation_fraction * static_cast<double>(rows)), 1, rows - 1);
    Eigen::MatrixXd used_X(rows, X.cols());
    Eigen::VectorXd used_y(rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
        used_X.row(i) = X.row(order[static_cast<std::size_t>(i)]);
        used_y[i] = y[order[static_cast<std::size_t>(i)]];
    }
    if (used_y.maxCoeff() == used_y.minCoeff())
        throw input_error("the target is constant on the rows drawn: a surrogate has nothing to learn");

    Surrogate result;
    FeedForward& network = result.network;
    network.input_names = std::move(input_names);
    network.output_names = {std::move(output_name)};
    network.input_normalization = standardisation(used_X);
    network.output_normalization = standardisation(used_y);
    network.layers = initial_layers(static_cast<int>(X.cols()), options, rng);
    result.target_sd = network.output_normalization->scale[0];

    // The trainers see standardised rows; the normalisations stay outside their arithmetic.
    const AffineNormalization& in = *network.input_normalization;
    const AffineNormalization& out = *network.output_normalization;
    const Eigen::MatrixXd standard_X =
        (used_X.rowwise() - in.shift.transpose()).array().rowwise() / in.scale.transpose().array();
    const Eigen::VectorXd standard_y = (used_y.array() - out.shift[0]) / out.scale[0];
    const Eigen::Index training_rows = rows - validation_rows;
    detail::TrainingRun run(network, standard_X.bottomRows(training_rows), standard_y.tail(training_rows),
                            standard_X.topRows(validation_rows), standard_y.head(validation_rows), options);

    result.iterations = options.trainer == SurrogateTrainer::adam ? detail::train_by_adam(run, rng)
                                                                  : detail::train_by_levenberg_marquardt(run);
    assign_parameters(network, run.best_parameters());
    result.validation_rmse = std::sqrt(run.best_validation_mse()) * result.target_sd;
    result.seconds = run.seconds();
    result.time_limit_reached = run.time_limit_reached();
    return result;
}

Surrogate train_surrogate(const Dataset& data, std::string_view target, const SurrogateOptions& options) {
    const std::size_t target_column = data.require(target, "the surrogate's data");
    std::vector<std::string> names;
    Eigen::MatrixXd X(data.rows(), data.cols() - 1);
    for (Eigen::Index c = 0, k = 0; c < data.cols(); ++c) {
        if (static_cast<std::size_t>(c) == target_column) continue;
        names.push_back(data.names()[static_cast<std::size_t>(c)]);
        X.col(k++) = data.values().col(c).matrix();
    }
    return train_surrogate(X, data.values().col(static_cast<Eigen::Index>(target_column)).matrix(), std::move(names),
                           std::string(target), options);
}

}  // namespace occam
