// Pruning removes functions that work in their linear regime and keeps those the data need.
#include <doctest/doctest.h>

#include "occam/constant_fitter.hpp"
#include "occam/prune.hpp"

using namespace occam;

namespace {

struct LineData {
    Eigen::ArrayXXd x;
    Eigen::ArrayXd y;
};

LineData line(double (*law)(double)) {
    LineData d{Eigen::ArrayXXd(200, 1), Eigen::ArrayXd(200)};
    d.x.col(0).setLinSpaced(200, 1.0, 2.0);
    for (Eigen::Index i = 0; i < 200; ++i) d.y[i] = law(d.x(i, 0));
    return d;
}

RefitLoss refit_on(const LineData& d) {
    return [&d](Tree& tree) -> std::optional<double> {
        ConstantFitter fitter(100);
        const auto fit = fitter.fit(tree, d.x, d.y, /*use_scaling=*/false);
        if (!fit.finite()) return std::nullopt;
        return fit.mse / (d.y - d.y.mean()).square().mean();
    };
}

}  // namespace

TEST_CASE("pruning removes a function used only in its linear regime") {
    const auto d = line([](double x) { return 2 * x; });
    // 2e9 * tanh(1e-9 * x) equals 2x to 1e-18: the tanh only hides the law
    const Tree hidden({Node::constant(2e9), Node::constant(1e-9), Node::variable(0), Node::function(Op::Mul),
                       Node::function(Op::Tanh), Node::function(Op::Mul)});
    const Tree pruned = prune_unary(hidden, refit_on(d));
    for (const auto& node : pruned.nodes()) CHECK(node.op != Op::Tanh);
    CHECK(pruned.length() < hidden.length());
}

TEST_CASE("pruning keeps a function the data need") {
    const auto d = line([](double x) { return std::exp(x); });
    const Tree needed({Node::variable(0), Node::function(Op::Exp)});
    CHECK(prune_unary(needed, refit_on(d)) == needed);
}
