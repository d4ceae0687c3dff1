#include "occam/surrogate_oracle.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "occam/decades.hpp"

namespace occam {
namespace {

bool one_sign(const Eigen::VectorXd& column) { return column.minCoeff() > 0 || column.maxCoeff() < 0; }

// The columns the network sees in log mode: log(sign*x) for inputs of one sign (power laws become
// linear; sign 0 leaves a column as it is). A point of the other sign or at zero gives NaN or
// -inf, so the oracle answers nothing there rather than a mirrored value.
Eigen::MatrixXd network_inputs(const Eigen::MatrixXd& x, const std::vector<double>& log_signs) {
    Eigen::MatrixXd seen = x;
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        if (const double sign = log_signs[static_cast<std::size_t>(c)]; sign != 0)
            seen.col(c) = (sign * x.col(c).array()).log().matrix();
    return seen;
}

}  // namespace

JudgedOracle surrogate_oracle(const Dataset& data, const std::vector<std::string>& inputs, const std::string& target,
                              const SurrogateOptions& options) {
    const Eigen::MatrixXd X = data.columns(inputs, "the data").matrix();
    const Eigen::VectorXd y = data.values().col(static_cast<Eigen::Index>(data.require(target, "the data"))).matrix();
    JudgedOracle oracle;
    oracle.log_magnitude = sign_across_decades(y.array()) != 0;
    std::vector<double> log_signs(static_cast<std::size_t>(X.cols()), 0);
    if (oracle.log_magnitude) {
        oracle.sign = y[0] > 0 ? 1 : -1;
        for (Eigen::Index c = 0; c < X.cols(); ++c)
            if (X.rows() > 0 && one_sign(X.col(c))) log_signs[static_cast<std::size_t>(c)] = X(0, c) > 0 ? 1 : -1;
    }
    const Eigen::VectorXd learnt = oracle.log_magnitude ? y.array().abs().log().matrix().eval() : y;
    auto surrogate = std::make_shared<Surrogate>(
        train_surrogate(network_inputs(X, log_signs), learnt, inputs, target, options));
    oracle.f = [surrogate, log_signs](const Eigen::ArrayXXd& points) -> Eigen::ArrayXd {
        return surrogate->network.evaluate(network_inputs(points.matrix(), log_signs)).col(0).array();
    };
    oracle.threshold = surrogate_threshold(surrogate->relative_rmse());
    oracle.description = fmt::format("validation RMSE {:.2g} of the {}, trained in {:.1f} s",
                                     surrogate->relative_rmse(),
                                     oracle.log_magnitude ? "sd of log|target|" : "target's sd", surrogate->seconds);
    return oracle;
}

OracleFactory surrogate_oracle_factory(const SurrogateOptions& options) {
    return [options](const Dataset& data, const std::vector<std::string>& inputs, const std::string& target) {
        return surrogate_oracle(data, inputs, target, options);
    };
}

}  // namespace occam
