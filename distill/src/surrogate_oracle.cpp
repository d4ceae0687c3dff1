#include "occam/surrogate_oracle.hpp"

#include <fmt/format.h>

namespace occam {

JudgedOracle surrogate_oracle(const Dataset& data, const std::vector<std::string>& inputs, const std::string& target,
                              const SurrogateOptions& options) {
    const Eigen::MatrixXd X = data.columns(inputs, "the data").matrix();
    const Eigen::VectorXd y = data.values().col(static_cast<Eigen::Index>(data.require(target, "the data"))).matrix();
    auto surrogate = std::make_shared<Surrogate>(train_surrogate(X, y, inputs, target, options));
    JudgedOracle oracle;
    oracle.f = [surrogate](const Eigen::ArrayXXd& points) -> Eigen::ArrayXd {
        return surrogate->network.evaluate(points.matrix()).col(0).array();
    };
    oracle.threshold = surrogate_threshold(surrogate->relative_rmse());
    oracle.description = fmt::format("validation RMSE {:.2g} of the target's sd, trained in {:.1f} s",
                                     surrogate->relative_rmse(), surrogate->seconds);
    return oracle;
}

OracleFactory surrogate_oracle_factory(const SurrogateOptions& options) {
    return [options](const Dataset& data, const std::vector<std::string>& inputs, const std::string& target) {
        return surrogate_oracle(data, inputs, target, options);
    };
}

}  // namespace occam
