#include "nuclear_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace binding_energy {

int valence_number(int nucleons) {
    static constexpr int magic[] = {2, 8, 20, 28, 50, 82, 126, 184};
    int nearest = nucleons;  // below the first magic number, every nucleon is a valence particle
    for (int m : magic) nearest = std::min(nearest, std::abs(nucleons - m));
    return nearest;
}

double casten_factor(int valence_protons, int valence_neutrons) {
    const int total = valence_protons + valence_neutrons;
    return total == 0 ? 0.0 : static_cast<double>(valence_protons * valence_neutrons) / total;
}

int pairing_sign(int Z, int N) {
    if (Z % 2 == 0 && N % 2 == 0) return 1;
    if (Z % 2 == 1 && N % 2 == 1) return -1;
    return 0;
}

const std::vector<std::string>& input_names() {
    // A23 = A^(2/3) (surface), Coul = Z(Z-1)/A^(1/3) (Coulomb), Asym = (N-Z)^2/A (asymmetry),
    // Pair = pairing sign / sqrt(A), S = nu_p + nu_n and P = Casten factor (shell structure)
    static const std::vector<std::string> names{"A", "A23", "Coul", "Asym", "Pair", "S", "P"};
    return names;
}

occam::Dataset nuclear_dataset(std::span<const Nuclide> nuclides, double uncertainty_floor) {
    std::vector<std::string> names = input_names();
    names.insert(names.end(), {"B", "w"});
    Eigen::ArrayXXd values(static_cast<Eigen::Index>(nuclides.size()), static_cast<Eigen::Index>(names.size()));
    for (std::size_t i = 0; i < nuclides.size(); ++i) {
        const auto& n = nuclides[i];
        const double A = n.A;
        const int nu_p = valence_number(n.Z), nu_n = valence_number(n.N);
        const double sigma2 = n.uncertainty * n.uncertainty + uncertainty_floor * uncertainty_floor;
        values.row(static_cast<Eigen::Index>(i)) << A, std::cbrt(A * A), n.Z * (n.Z - 1.0) / std::cbrt(A),
            (n.N - n.Z) * (n.N - n.Z) / A, pairing_sign(n.Z, n.N) / std::sqrt(A), nu_p + nu_n,
            casten_factor(nu_p, nu_n), n.binding, 1.0 / sigma2;
    }
    return occam::Dataset(std::move(names), std::move(values));
}

}  // namespace binding_energy
