#pragma once
// Fitting a formula of one input to the data through a scale on its input and an offset and factor
// on its value, y ~ a + b*E(s*x): the loss after the best a and b, the best s by parabolas in
// log|s|, and a and b written into the formula. Shared by the enumeration's two screenings.
// Internal to distill/.
#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/tree.hpp"

namespace occam::detail {

// 1 - r^2 between f and y: the NMSE after the best offset and factor.
inline double scaled_loss(const Eigen::ArrayXd& f, const Eigen::ArrayXd& centred_y, double y_square_sum) {
    const Eigen::ArrayXd centred = f - f.mean();
    const double f_square_sum = centred.square().sum();
    if (!(f_square_sum > 1e-300 * f.square().sum()) || !std::isfinite(f_square_sum)) return INFINITY;
    const double correlation = (centred * centred_y).sum() / (std::sqrt(f_square_sum) * std::sqrt(y_square_sum));
    const double loss = 1 - correlation * correlation;
    return std::isfinite(loss) ? std::max(0.0, loss) : INFINITY;  // a NaN must not pass for a perfect fit
}

// The minimum of a parabola in u = log|s| through three points, a few times, the bracket shrinking:
// near the right scale the loss of the right form is quadratic in u. loss_at(u) gives the loss at
// scale sign*exp(u). Returns the centre of the last bracket and its loss: the start's centre unless
// a step improved on it (an end of the bracket may still be lower when the start's was).
template <class LossAt>
std::pair<double, double> parabola_minimum(std::array<double, 3> u, std::array<double, 3> l, const LossAt& loss_at) {
    constexpr int steps = 4;
    for (int step = 0; step < steps; ++step) {
        if (!std::isfinite(l[0]) || !std::isfinite(l[2])) break;
        const double numerator = (u[1] - u[0]) * (u[1] - u[0]) * (l[1] - l[2]) - (u[1] - u[2]) * (u[1] - u[2]) * (l[1] - l[0]);
        const double denominator = (u[1] - u[0]) * (l[1] - l[2]) - (u[1] - u[2]) * (l[1] - l[0]);
        if (!(std::abs(denominator) > 0)) break;
        const double v = u[1] - 0.5 * numerator / denominator;
        if (!(v > u[0] && v < u[2]) || v == u[1]) break;
        const double trial = loss_at(v);
        if (!(trial < l[1])) {
            // the bracket shrinks to the side of v
            (v < u[1] ? u[0] : u[2]) = v;
            (v < u[1] ? l[0] : l[2]) = trial;
            continue;
        }
        // v becomes the centre, the old centre the bound on its side
        if (v < u[1]) {
            u = {u[0], v, u[1]};
            l = {l[0], trial, l[1]};
        } else {
            u = {u[1], v, u[2]};
            l = {l[1], trial, l[2]};
        }
    }
    return {u[1], l[1]};
}

// The minimum in u = log|s| from a start known only roughly: a bracket of steps around it, moved
// downhill (a few moves at most) until its centre is lowest, then parabolas.
template <class LossAt>
std::pair<double, double> minimum_near(double start, double step, const LossAt& loss_at) {
    constexpr int moves = 4;
    std::array<double, 3> u{start - step, start, start + step};
    std::array<double, 3> l{loss_at(u[0]), loss_at(u[1]), loss_at(u[2])};
    for (int move = 0; move < moves && (l[0] < l[1] || l[2] < l[1]); ++move) {
        const bool left = l[0] < l[2];
        const double next = left ? u[0] - step : u[2] + step;
        u = left ? std::array<double, 3>{next, u[0], u[1]} : std::array<double, 3>{u[1], u[2], next};
        l = left ? std::array<double, 3>{loss_at(next), l[0], l[1]} : std::array<double, 3>{l[1], l[2], loss_at(next)};
    }
    return parabola_minimum(u, l, loss_at);
}

// E*b + a with the fitted offset and factor as constants: a caller that multiplies the formula
// by a prefactor (a reduced problem mapped back) keeps the offset inside.
inline Tree with_scaling(const Tree& tree, const LinearScaling& scaling) {
    std::vector<Node> nodes(tree.nodes().begin(), tree.nodes().end());
    nodes.push_back(Node::constant(scaling.scale));
    nodes.push_back(Node::function(Op::Mul));
    nodes.push_back(Node::constant(scaling.offset));
    nodes.push_back(Node::function(Op::Add));
    return Tree(std::move(nodes));
}

}  // namespace occam::detail
