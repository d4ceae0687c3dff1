#include "occam/constant_uncertainty.hpp"

#include <Eigen/SVD>

#include <cmath>
#include <limits>

#include "occam/interpreter.hpp"

namespace occam {

std::optional<std::vector<double>> standard_errors(const Tree& formula, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                                                   const Eigen::Ref<const Eigen::ArrayXd>& y,
                                                   const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    const auto p = static_cast<Eigen::Index>(formula.constant_count());
    const Eigen::Index n = X.rows();
    if (p == 0) return std::vector<double>{};
    if (n <= p) return std::nullopt;
    Eigen::ArrayXd prediction(n);
    Eigen::ArrayXXd jacobian(n, p);
    Interpreter interpreter;
    if (!interpreter.evaluate(formula, X, prediction, jacobian) || !jacobian.allFinite()) return std::nullopt;

    // weighted least squares is ordinary least squares on rows scaled by sqrt(w), the weights
    // normalised to average 1 so that s^2 reads as an unweighted residual variance
    Eigen::ArrayXd root_weights = Eigen::ArrayXd::Ones(n);
    if (weights.size() > 0) root_weights = (weights * (static_cast<double>(n) / weights.sum())).sqrt();
    const Eigen::ArrayXd residual = (prediction - y) * root_weights;
    Eigen::MatrixXd J = (jacobian.colwise() * root_weights).matrix();
    const double residual_variance = residual.square().sum() / static_cast<double>(n - p);
    // each column to unit length first: constants of very different sizes (a prefactor of 1e7
    // beside an exponent's 1e-4) would otherwise look degenerate by the size of their columns alone
    // (a column of zeros, a constant without effect, stays as it is: its direction is singular)
    const Eigen::VectorXd column_length = J.colwise().norm().transpose().unaryExpr([](double l) { return l > 0 ? l : 1.0; });
    J = J * column_length.cwiseInverse().asDiagonal();

    // Cov = s^2 D V diag(1/sigma^2) V^T D from the SVD of the scaled J (D: 1 / column lengths); a
    // singular value at rounding level leaves its direction unconstrained, and every constant with
    // a share in it unknown
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(J, Eigen::ComputeThinV);
    const Eigen::VectorXd sigma = svd.singularValues();
    const Eigen::MatrixXd& V = svd.matrixV();
    const double tiny = sigma.size() > 0 ? sigma[0] * 1e-12 : 0;
    std::vector<double> errors(static_cast<std::size_t>(p), 0.0);
    for (Eigen::Index c = 0; c < p; ++c) {
        double variance = 0;
        for (Eigen::Index k = 0; k < sigma.size(); ++k) {
            const double share = V(c, k) * V(c, k);
            if (share == 0) continue;
            variance += sigma[k] > tiny ? share / (sigma[k] * sigma[k]) : std::numeric_limits<double>::infinity();
        }
        errors[static_cast<std::size_t>(c)] =
            std::isinf(variance) ? variance : std::sqrt(residual_variance * variance) / column_length[c];
    }
    return errors;
}

}  // namespace occam
