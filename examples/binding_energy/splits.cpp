#include "splits.hpp"

#include <fmt/format.h>
#include <occam/random.hpp>

#include <algorithm>
#include <cmath>

namespace binding_energy {

Split random_split(std::size_t count, double test_fraction, std::uint64_t seed) {
    occam::Random rng(seed);
    const auto order = occam::shuffled_order(count, rng);
    const auto test_count = static_cast<std::size_t>(std::lround(test_fraction * static_cast<double>(count)));
    Split split{fmt::format("random {:.0f}/{:.0f} (seed {})", 100 * (1 - test_fraction), 100 * test_fraction, seed),
                {order.begin() + static_cast<std::ptrdiff_t>(test_count), order.end()},
                {order.begin(), order.begin() + static_cast<std::ptrdiff_t>(test_count)}};
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

Split extrapolation_split(std::span<const Nuclide> nuclides, double test_fraction) {
    std::vector<int> masses;
    for (const auto& n : nuclides) masses.push_back(n.A);
    std::sort(masses.begin(), masses.end());
    const auto first_test = static_cast<std::size_t>(std::lround((1 - test_fraction) * static_cast<double>(masses.size())));
    const int threshold = masses.at(first_test);
    Split split{fmt::format("extrapolation: train A < {}, test A >= {}", threshold, threshold), {}, {}};
    for (std::size_t i = 0; i < nuclides.size(); ++i) (nuclides[i].A < threshold ? split.train : split.test).push_back(i);
    return split;
}

}  // namespace binding_energy
