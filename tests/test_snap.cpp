// snap_constants against data from known laws, with a small Gauss-Newton refit standing in for the
// engine's constant fitter.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

#include <Eigen/QR>

#include "occam/interpreter.hpp"
#include "occam/random.hpp"
#include "occam/snap.hpp"

using namespace occam;

namespace {

Node f(Op op) { return Node::function(op); }
Node c(double v) { return Node::constant(v); }
const Node x = Node::variable(0);

struct Data {
    Eigen::ArrayXXd X;
    Eigen::ArrayXd y;
};

// y = law(x) + noise on 200 rows with x in [0.5, 2].
template <class Law>
Data make_data(Law law, double noise = 0.0, std::uint64_t seed = 7) {
    Random rng(seed);
    Data d{Eigen::ArrayXXd(200, 1), Eigen::ArrayXd(200)};
    for (Eigen::Index r = 0; r < 200; ++r) {
        d.X(r, 0) = rng.uniform(0.5, 2.0);
        d.y[r] = law(d.X(r, 0)) + noise * rng.normal();
    }
    return d;
}

// Least squares over the tree's constants: a few Gauss-Newton steps, exact in one step when the
// tree is linear in them. Returns the mean squared error.
std::optional<double> refit_least_squares(Tree& tree, const Data& d) {
    Interpreter interpreter;
    Eigen::ArrayXd out(d.y.size());
    const auto k = static_cast<Eigen::Index>(tree.constant_count());
    if (k > 0) {
        Eigen::ArrayXXd jacobian(d.y.size(), k);
        auto constants = tree.constants();
        for (int step = 0; step < 5; ++step) {
            if (!interpreter.evaluate(tree, d.X, out, jacobian)) return std::nullopt;
            const Eigen::VectorXd residual = (d.y - out).matrix();
            const Eigen::VectorXd delta = jacobian.matrix().colPivHouseholderQr().solve(residual);
            for (Eigen::Index j = 0; j < k; ++j) constants[static_cast<std::size_t>(j)] += delta[j];
            tree.set_constants(constants);
        }
    }
    if (!interpreter.evaluate(tree, d.X, out)) return std::nullopt;
    return (d.y - out).square().mean();
}

RefitLoss refit_on(const Data& d) {
    return [&d](Tree& tree) { return refit_least_squares(tree, d); };
}

double max_error(const Tree& tree, const Data& d) {
    Interpreter interpreter;
    Eigen::ArrayXd out(d.y.size());
    REQUIRE(interpreter.evaluate(tree, d.X, out));
    double worst = 0;
    for (Eigen::Index r = 0; r < out.size(); ++r) worst = std::max(worst, std::abs(out[r] - d.y[r]));
    return worst;
}

bool contains(const Tree& tree, Op op) {
    for (const auto& node : tree.nodes()) {
        if (node.op == op) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("snapping recovers 0.5*x^2 + 3 exactly") {
    const auto d = make_data([](double v) { return 0.5 * v * v + 3; });
    const Tree fitted({c(0.49999997), x, f(Op::Square), f(Op::Mul), c(3.0000001), f(Op::Add)});
    const Tree snapped = snap_constants(fitted, refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(max_error(snapped, d) <= 1e-12);
}

TEST_CASE("snapping snaps again the constants that simplifying a snapped tree folds together") {
    // c1*(c2*x + c3) fitted to y = x: c3 snaps to 0 and c2 to 81/10, after which c1*(81/10)*x is
    // one constant, exactly 1, which a single pass would leave as a fitted "1*x"
    const auto d = make_data([](double v) { return v; });
    const double c1 = 0.123456789;
    const Tree fitted({c(c1), c(1 / c1), x, f(Op::Mul), c(1e-17), f(Op::Add), f(Op::Mul)});
    const Tree snapped = snap_constants(fitted, refit_on(d));
    CHECK(snapped == Tree({x}));
}

TEST_CASE("snapping recovers x/3 as an exact quotient") {
    const auto d = make_data([](double v) { return v / 3; });
    const Tree snapped = snap_constants(Tree({c(0.3333), x, f(Op::Mul)}), refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(max_error(snapped, d) <= 1e-12);
}

TEST_CASE("snapping turns 3.14159265 into pi") {
    const auto d = make_data([](double v) { return 3.14159265 * v; });
    const Tree snapped = snap_constants(Tree({c(3.1416), x, f(Op::Mul)}), refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(contains(snapped, Op::Pi));
    CHECK(max_error(snapped, d) <= 1e-8);
}

TEST_CASE("snapping knows powers of pi: 0.0161257672166 is 1/(2*pi^3)") {
    const double value = 0.5 / (std::numbers::pi * std::numbers::pi * std::numbers::pi);
    const auto d = make_data([&](double v) { return value * v; });
    const Tree snapped = snap_constants(Tree({c(0.0161257672), x, f(Op::Mul)}), refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(contains(snapped, Op::Cube));
    CHECK(max_error(snapped, d) <= 1e-15);
}

TEST_CASE("snapping deletes a negligible term and negates exact values") {
    const auto d = make_data([](double v) { return -2 * v; });
    const Tree fitted({c(-1.9999999), x, f(Op::Mul), c(1e-9), f(Op::Add)});
    const Tree snapped = snap_constants(fitted, refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(snapped.length() == 3);  // -2*x
    CHECK(max_error(snapped, d) <= 1e-12);
}

TEST_CASE("snapping keeps a constant that the noisy data pin away from every exact value") {
    const auto d = make_data([](double v) { return 0.4737 * v; }, /*noise=*/0.01);
    int refits = 0;
    const RefitLoss counting = [&](Tree& tree) {
        ++refits;
        return refit_least_squares(tree, d);
    };
    // a 1 % radius (wider than the default) puts sqrt(2)/3 and 1.5/pi in reach: tried and rejected
    const Tree snapped = snap_constants(Tree({c(0.47), x, f(Op::Mul)}), counting, {.search_radius = 1e-2});
    CHECK(refits >= 2);
    REQUIRE(snapped.constant_count() == 1);
    CHECK(snapped.constants()[0] == doctest::Approx(0.4737).epsilon(1e-2));
}

TEST_CASE("snapping prefers the simplest exact value the noisy data accept, not the nearest") {
    // 0.50015 fitted through noise of sd 0.02 on 80,000 rows: 11/(7*pi) = 0.500201 is nearer, 1/2
    // simpler, and both are within the loss tolerance
    Random rng(3);
    Data d{Eigen::ArrayXXd(80000, 1), Eigen::ArrayXd(80000)};
    for (Eigen::Index r = 0; r < d.y.size(); ++r) {
        d.X(r, 0) = rng.uniform(0.5, 2.0);
        d.y[r] = 0.50015 * d.X(r, 0) * d.X(r, 0) + 0.02 * rng.normal();
    }
    const Tree snapped = snap_constants(Tree({c(0.5001), x, f(Op::Square), f(Op::Mul)}), refit_on(d));
    REQUIRE(snapped.constant_count() == 0);
    CHECK_FALSE(contains(snapped, Op::Pi));
    CHECK(snapped == Tree({Node::number(0.5), x, f(Op::Square), f(Op::Mul)}));
}

TEST_CASE("snapping rejects candidates that the refit cannot evaluate") {
    const auto d = make_data([](double v) { return 0.5 * v; });
    // a refit that only accepts trees that still have a fittable constant
    const RefitLoss picky = [&d](Tree& tree) -> std::optional<double> {
        if (tree.constant_count() == 0) return std::nullopt;
        return refit_least_squares(tree, d);
    };
    const Tree snapped = snap_constants(Tree({c(0.5000001), x, f(Op::Mul)}), picky);
    CHECK(snapped.constant_count() == 1);
}

TEST_CASE("snapping never passes a big fitted value off as an exact integer") {
    // two degrees of freedom, written with a redundant outer factor as the search sometimes finds
    // them; past 1e9 every value is within 1e-9 relative of an integer, so "snapping" both inner
    // values would hide a fitted constant
    const auto d = make_data([](double v) { return 16.53 * v - 73.4 * v * v; }, /*noise=*/0.01);
    const Tree fitted({c(1e-8), c(1653000000.3), x, f(Op::Mul), c(-7340000000.4), x, f(Op::Square), f(Op::Mul),
                       f(Op::Add), f(Op::Mul)});
    const Tree snapped = snap_constants(fitted, refit_on(d));
    CHECK(snapped.constant_count() >= 2);
}

TEST_CASE("snapping still finds an exact integer beyond the table") {
    const auto d = make_data([](double v) { return 4521 * v; });
    const Tree snapped = snap_constants(Tree({c(4521.0000000001), x, f(Op::Mul)}), refit_on(d));
    CHECK(snapped.constant_count() == 0);
    CHECK(max_error(snapped, d) <= 1e-9);
}

TEST_CASE("snapping finds fractions beyond the table times a power of pi where the data fix the constant") {
    // 3/(20*pi) (a denominator of 20 over pi) and 7/(40*pi^2): outside the table of small fractions
    for (const double value : {3 / (20 * std::numbers::pi), 7 / (40 * std::numbers::pi * std::numbers::pi)}) {
        const auto d = make_data([&](double v) { return value * v; });
        const ConstantErrors tiny = [](const Tree& tree) { return std::vector<double>(tree.constant_count(), 1e-16); };
        const Tree snapped = snap_constants(Tree({c(value * (1 + 1e-13)), x, f(Op::Mul)}), refit_on(d), {}, tiny);
        CAPTURE(value);
        CHECK(snapped.constant_count() == 0);
        CHECK(contains(snapped, Op::Pi));
        CHECK(max_error(snapped, d) <= 1e-15);
    }
    // the same constant known to 1e-5 only (noise): left fitted, not written as a fraction of pi
    const double value = 3 / (20 * std::numbers::pi);
    const auto noisy = make_data([&](double v) { return value * v; }, /*noise=*/0.001);
    const ConstantErrors loose = [&](const Tree& tree) { return std::vector<double>(tree.constant_count(), 1e-5 * value); };
    const Tree kept = snap_constants(Tree({c(value * 1.00002), x, f(Op::Mul)}), refit_on(noisy), {}, loose);
    CHECK(kept.constant_count() == 1);
}

TEST_CASE("snapping sets a constant the data leave free to 1, and the others then snap") {
    // c1*(c2*x) fitted to 3*x: only the product is fixed by the data, and neither factor is near
    // an exact value (24.3 is 243/10, past the table)
    const auto d = make_data([](double v) { return 3 * v; });
    const double c1 = 0.123456789;
    const Tree fitted({c(c1), c(3 / c1), x, f(Op::Mul), f(Op::Mul)});
    const ConstantErrors undetermined = [](const Tree& tree) {
        return std::vector<double>(tree.constant_count(), tree.constant_count() == 2 ? INFINITY : 1e-16);
    };
    const Tree snapped = snap_constants(fitted, refit_on(d), {}, undetermined);
    CHECK(snapped.constant_count() == 0);
    CHECK(max_error(snapped, d) <= 1e-12);
}
