#include "nuclides.hpp"

#include <occam/text_table.hpp>

namespace binding_energy {

std::vector<Nuclide> read_measured_nuclides(const std::string& path, int min_mass_number) {
    // The table has text columns (element, origin), which occam::read_csv rightly refuses, so it is
    // read as a plain text table.
    const auto table = occam::read_text_table(path, "the nuclide table", ',');
    table.require_full_rows();
    const auto n = table.column("N"), z = table.column("Z"), a = table.column("A"), element = table.column("element");
    const auto per_nucleon = table.column("binding_energy_per_A_keV");
    const auto per_nucleon_error = table.column("binding_energy_per_A_unc_keV");
    const auto estimated = table.column("estimated");

    std::vector<Nuclide> nuclides;
    for (const auto& row : table.rows) {
        if (table.number(row, estimated) != 0) continue;
        Nuclide nuclide;
        nuclide.N = static_cast<int>(table.number(row, n));
        nuclide.Z = static_cast<int>(table.number(row, z));
        nuclide.A = static_cast<int>(table.number(row, a));
        if (nuclide.A < min_mass_number) continue;
        nuclide.element = row.fields[element].text;
        nuclide.binding = nuclide.A * table.number(row, per_nucleon) / 1000;
        nuclide.uncertainty = nuclide.A * table.number(row, per_nucleon_error) / 1000;
        nuclides.push_back(std::move(nuclide));
    }
    return nuclides;
}

}  // namespace binding_energy
