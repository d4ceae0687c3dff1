#pragma once
// The measured nuclides of the AME2020 table, with their total binding energies.
#include <string>
#include <vector>

namespace binding_energy {

struct Nuclide {
    int Z = 0;
    int N = 0;
    int A = 0;
    std::string element;
    double binding = 0;      // total binding energy B = A * (B/A), MeV
    double uncertainty = 0;  // of B, MeV
};

// Nuclides whose mass AME2020 measured (estimated == 0) with A >= min_mass_number, in table order.
// occam::input_error naming file:line on anything unreadable.
std::vector<Nuclide> read_measured_nuclides(const std::string& path, int min_mass_number);

}  // namespace binding_energy
