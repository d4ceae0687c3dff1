#include "occam/constant_fitter.hpp"

#include <Eigen/Cholesky>
#include <vector>

#include "occam/metrics.hpp"

namespace occam {

LinearScaling linear_scaling(const Eigen::Ref<const Eigen::ArrayXd>& f, const Eigen::Ref<const Eigen::ArrayXd>& y) {
    const double f_mean = f.mean();
    const double y_mean = y.mean();
    const double variance = (f - f_mean).square().sum();
    // a (numerically) constant f explains nothing beyond the mean
    if (!(variance > 1e-300) || !std::isfinite(variance)) return {y_mean, 0.0};
    const double scale = ((f - f_mean) * (y - y_mean)).sum() / variance;
    return {y_mean - scale * f_mean, scale};
}

LinearScaling linear_scaling(const Eigen::Ref<const Eigen::ArrayXd>& f, const Eigen::Ref<const Eigen::ArrayXd>& y,
                             const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    if (weights.size() == 0) return linear_scaling(f, y);
    const double f_mean = weighted_mean(f, weights);
    const double y_mean = weighted_mean(y, weights);
    const double variance = (weights * (f - f_mean).square()).sum();
    if (!(variance > 1e-300) || !std::isfinite(variance)) return {y_mean, 0.0};
    const double scale = (weights * (f - f_mean) * (y - y_mean)).sum() / variance;
    return {y_mean - scale * f_mean, scale};
}

namespace {

double mean_squared_error(const Eigen::ArrayXd& f, const Eigen::Ref<const Eigen::ArrayXd>& y, LinearScaling s,
                          const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    if (weights.size() == 0) return ((s.offset + s.scale * f) - y).square().mean();
    return (weights * ((s.offset + s.scale * f) - y).square()).sum() / weights.sum();
}

}  // namespace

FitResult ConstantFitter::fit(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                              const Eigen::Ref<const Eigen::ArrayXd>& y, bool use_scaling) {
    return fit(tree, X, y, Eigen::ArrayXd(), use_scaling);
}

FitResult ConstantFitter::fit(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                              const Eigen::Ref<const Eigen::ArrayXd>& y, const Eigen::Ref<const Eigen::ArrayXd>& weights,
                              bool use_scaling) {
    const Eigen::Index rows = X.rows();
    const auto length = static_cast<long long>(tree.length());
    const bool weighted = weights.size() > 0;
    f_.resize(rows);
    trial_f_.resize(rows);
    FitResult result;
    node_rows_ += length * rows;
    const Interpreter::Plan plan(tree);  // the shape stays; only the constants move
    if (!interpreter_.evaluate(tree, plan, X, f_)) return result;
    const auto scaling_for = [&](const Eigen::ArrayXd& f) {
        return use_scaling ? linear_scaling(f, y, weights) : LinearScaling{};
    };
    result.scaling = scaling_for(f_);
    result.mse = mean_squared_error(f_, y, result.scaling, weights);
    const auto k = static_cast<Eigen::Index>(tree.constant_count());
    if (k == 0 || iterations_ <= 0 || !std::isfinite(result.mse)) return result;

    // Weighted least squares is ordinary least squares on rows scaled by sqrt(w).
    if (weighted) root_weights_ = weights.sqrt();
    // Parameters: the tree's constants, then offset and scale when scaling is used.
    const Eigen::Index p = k + (use_scaling ? 2 : 0);
    std::vector<double> constants = tree.constants();
    std::vector<double> trial(constants.size());
    jacobian_.resize(rows, k);
    Eigen::MatrixXd J(rows, p);
    double lambda = 1e-3;
    for (int iteration = 0; iteration < iterations_; ++iteration) {
        node_rows_ += 2 * length * rows;
        if (!interpreter_.evaluate(tree, plan, X, f_, jacobian_, constants)) break;
        const auto s = result.scaling;
        J.leftCols(k) = (s.scale * jacobian_).matrix();
        if (use_scaling) {
            J.col(k).setOnes();
            J.col(k + 1) = f_.matrix();
        }
        Eigen::VectorXd residual = ((s.offset + s.scale * f_) - y).matrix();
        if (weighted) {
            J.array().colwise() *= root_weights_;
            residual.array() *= root_weights_;
        }
        // J is tall and narrow (rows x a few): plain column dot products beat a general matrix
        // product, whose packing cost about a tenth of the whole search
        Eigen::MatrixXd JtJ(p, p);
        Eigen::VectorXd gradient(p);
        for (Eigen::Index a = 0; a < p; ++a) {
            gradient[a] = J.col(a).dot(residual);
            for (Eigen::Index b = 0; b <= a; ++b) JtJ(a, b) = JtJ(b, a) = J.col(a).dot(J.col(b));
        }
        if (!JtJ.allFinite() || !gradient.allFinite()) break;
        bool improved = false;
        // Raise the damping until a step lowers the error (at most a few tries per iteration).
        for (int attempt = 0; attempt < 6 && !improved; ++attempt) {
            Eigen::MatrixXd A = JtJ;
            A.diagonal() += lambda * (JtJ.diagonal().array() + 1e-12).matrix();
            const Eigen::VectorXd step = A.ldlt().solve(-gradient);
            if (!step.allFinite()) {
                lambda *= 10;
                continue;
            }
            for (Eigen::Index c = 0; c < k; ++c) trial[c] = constants[c] + step[c];
            LinearScaling trial_scaling = s;
            if (use_scaling) trial_scaling = {s.offset + step[k], s.scale + step[k + 1]};
            node_rows_ += length * rows;
            if (interpreter_.evaluate(tree, plan, X, trial_f_, trial)) {
                const double mse = mean_squared_error(trial_f_, y, trial_scaling, weights);
                if (mse < result.mse) {
                    constants = trial;
                    result = {trial_scaling, mse};
                    improved = true;
                    lambda = std::max(lambda / 5, 1e-12);
                    break;
                }
            }
            lambda *= 10;
        }
        if (!improved) break;
    }
    tree.set_constants(constants);
    // the exact optimum of the scaling for the final constants costs one more pass, and never hurts
    if (use_scaling && interpreter_.evaluate(tree, plan, X, f_)) {
        const auto best = linear_scaling(f_, y, weights);
        const double mse = mean_squared_error(f_, y, best, weights);
        if (mse <= result.mse) result = {best, mse};
    }
    return result;
}

FitResult ConstantFitter::fit_from_both_signs(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                                              const Eigen::Ref<const Eigen::ArrayXd>& y,
                                              const Eigen::Ref<const Eigen::ArrayXd>& weights) {
    Tree flipped = tree;
    FitResult fit = this->fit(tree, X, y, weights);
    if (flipped.constant_count() == 0) return fit;
    auto negated = flipped.constants();
    for (double& c : negated) c = -c;
    flipped.set_constants(negated);
    const FitResult second = this->fit(flipped, X, y, weights);
    if (second.finite() && !(fit.finite() && fit.mse <= second.mse)) {
        tree = std::move(flipped);
        return second;
    }
    return fit;
}

}  // namespace occam
