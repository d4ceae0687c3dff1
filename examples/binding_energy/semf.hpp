#pragma once
// The semi-empirical mass formula (Weizsaecker, Bethe), the baseline:
//   B = a_V A - a_S A^(2/3) - a_C Z(Z-1)/A^(1/3) - a_A (N-Z)^2/A + a_P delta/sqrt(A),
// with its five constants fitted by ordinary least squares on the training nuclides.
#include <Eigen/Core>

#include <array>
#include <string>

namespace binding_energy {

struct Semf {
    std::array<double, 5> constants{};  // a_V, a_S, a_C, a_A, a_P in MeV

    // rows of the columns A, A23, Coul, Asym, Pair (see nuclear_inputs.hpp)
    Eigen::ArrayXd predict(const Eigen::ArrayXXd& terms) const;
    std::string describe() const;
};

// Least squares on the training rows: minimises the plain sum of squared errors, which is what
// the RMS reported for every model measures.
Semf fit_semf(const Eigen::ArrayXXd& terms, const Eigen::ArrayXd& binding);

}  // namespace binding_energy
