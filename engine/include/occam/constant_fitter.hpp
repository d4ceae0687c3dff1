#pragma once
// Fits a tree's constants to data: the model is  y ≈ offset + scale * f(x; c), where offset and
// scale come from optimal linear scaling and c are the tree's fittable constants, all tuned
// together by Levenberg-Marquardt with the interpreter's exact Jacobian.
#include <Eigen/Core>

#include "occam/interpreter.hpp"
#include "occam/tree.hpp"

namespace occam {

struct LinearScaling {
    double offset = 0;
    double scale = 1;
};

struct FitResult {
    LinearScaling scaling;
    double mse = INFINITY;  // (weighted) mean squared error of offset + scale * f; Inf when f is undefined
    bool finite() const { return std::isfinite(mse); }
};

// The least-squares offset and scale for a fixed prediction f (scale 0 if f is constant).
LinearScaling linear_scaling(const Eigen::Ref<const Eigen::ArrayXd>& f,
                             const Eigen::Ref<const Eigen::ArrayXd>& y);
// The same minimising sum(w (offset + scale f - y)^2); empty weights: the unweighted one.
LinearScaling linear_scaling(const Eigen::Ref<const Eigen::ArrayXd>& f, const Eigen::Ref<const Eigen::ArrayXd>& y,
                             const Eigen::Ref<const Eigen::ArrayXd>& weights);

class ConstantFitter {
public:
    explicit ConstantFitter(int iterations = 10) : iterations_(iterations) {}

    // Tunes tree's constants in place (kept only when they improve the fit) and returns the fit.
    // With use_scaling false the model is f itself (offset 0, scale 1).
    FitResult fit(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                  const Eigen::Ref<const Eigen::ArrayXd>& y, bool use_scaling = true);
    // Weighted least squares: minimises sum(w r^2), and mse is sum(w r^2) / sum(w). Empty weights
    // give exactly the unweighted fit.
    FitResult fit(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X, const Eigen::Ref<const Eigen::ArrayXd>& y,
                  const Eigen::Ref<const Eigen::ArrayXd>& weights, bool use_scaling = true);

    // fit, then a second fit from the starting constants' negatives; tree keeps the better. LM does
    // not cross a constant's zero: exp(c*x^2) started at c > 0 settles on a poor fit.
    FitResult fit_from_both_signs(Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                                  const Eigen::Ref<const Eigen::ArrayXd>& y, const Eigen::Ref<const Eigen::ArrayXd>& weights);

    long long node_rows() const { return node_rows_; }  // nodes x rows evaluated so far, for throughput
    void set_node_rows(long long count) { node_rows_ = count; }  // when resuming from a checkpoint

private:
    int iterations_;
    Interpreter interpreter_;
    Eigen::ArrayXd f_, trial_f_, root_weights_;
    Eigen::ArrayXXd jacobian_;
    long long node_rows_ = 0;
};

}  // namespace occam
