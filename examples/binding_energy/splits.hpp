#pragma once
// The two ways the nuclides are cut into training and test sets.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "nuclides.hpp"

namespace binding_energy {

struct Split {
    std::string name;
    std::vector<std::size_t> train, test;  // indices into the nuclide list
};

// A seeded random share of the nuclides for testing (occam's portable generator: the same on every machine).
Split random_split(std::size_t count, double test_fraction, std::uint64_t seed);

// The heaviest nuclides for testing: every nuclide with A at or above the mass number where the
// heaviest test_fraction begins, so no mass number is cut in two.
Split extrapolation_split(std::span<const Nuclide> nuclides, double test_fraction);

}  // namespace binding_energy
