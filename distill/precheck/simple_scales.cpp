#include "simple_scales.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace occam::detail {
namespace {

// p/q written as one literal when it terminates (0.5, 0.75), else as a division (2/3)
std::vector<Node> ratio(int p, int q) {
    if (q == 1 || q == 2 || q == 4) return {Node::number(static_cast<double>(p) / q)};
    return {Node::number(p), Node::number(q), Node::function(Op::Div)};
}

std::vector<SimpleScale> all_simple_scales() {
    constexpr int largest = 4;
    std::vector<SimpleScale> scales;
    for (int q = 1; q <= largest; ++q) {
        for (int p = 1; p <= largest; ++p) {
            if (std::gcd(p, q) != 1) continue;
            const double v = static_cast<double>(p) / q;
            std::vector<Node> plain = ratio(p, q);
            scales.push_back({v, plain});
            std::vector<Node> times_pi = plain, over_pi = plain;
            times_pi.push_back(Node::function(Op::Pi));
            times_pi.push_back(Node::function(Op::Mul));
            over_pi.push_back(Node::function(Op::Pi));
            over_pi.push_back(Node::function(Op::Div));
            if (p == 1 && q == 1) times_pi = {Node::function(Op::Pi)};
            scales.push_back({v * std::numbers::pi, times_pi});
            scales.push_back({v / std::numbers::pi, over_pi});
        }
    }
    return scales;
}

}  // namespace

const std::vector<SimpleScale>& simple_scales() {
    static const std::vector<SimpleScale> scales = all_simple_scales();
    return scales;
}

const SimpleScale& nearest_simple_scale(double magnitude) {
    const std::vector<SimpleScale>& scales = simple_scales();
    const double log_magnitude = std::log(magnitude);
    const SimpleScale* nearest = &scales.front();
    for (const SimpleScale& candidate : scales)
        if (std::abs(std::log(candidate.value) - log_magnitude) < std::abs(std::log(nearest->value) - log_magnitude))
            nearest = &candidate;
    return *nearest;
}

std::vector<const SimpleScale*> simple_scales_near(double magnitude, double factor) {
    std::vector<const SimpleScale*> near;
    for (const SimpleScale& candidate : simple_scales())
        if (candidate.value <= magnitude * factor && candidate.value * factor >= magnitude) near.push_back(&candidate);
    std::sort(near.begin(), near.end(), [](const SimpleScale* a, const SimpleScale* b) { return a->value < b->value; });
    return near;
}

}  // namespace occam::detail
