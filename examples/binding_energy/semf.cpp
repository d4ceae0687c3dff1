#include "semf.hpp"

#include <fmt/format.h>

#include <Eigen/QR>

namespace binding_energy {
namespace {

// The SEMF is linear in its constants: B = terms * signs .* constants.
constexpr std::array<double, 5> signs{1, -1, -1, -1, 1};

Eigen::MatrixXd design(const Eigen::ArrayXXd& terms) {
    Eigen::MatrixXd X = terms.leftCols(5).matrix();
    for (Eigen::Index c = 0; c < 5; ++c) X.col(c) *= signs[static_cast<std::size_t>(c)];
    return X;
}

}  // namespace

Eigen::ArrayXd Semf::predict(const Eigen::ArrayXXd& terms) const {
    const Eigen::Map<const Eigen::VectorXd> c(constants.data(), 5);
    return (design(terms) * c).array();
}

std::string Semf::describe() const {
    const auto& c = constants;
    return fmt::format("a_V={:.3f} a_S={:.3f} a_C={:.4f} a_A={:.3f} a_P={:.3f}", c[0], c[1], c[2], c[3], c[4]);
}

Semf fit_semf(const Eigen::ArrayXXd& terms, const Eigen::ArrayXd& binding) {
    const Eigen::VectorXd solution = design(terms).colPivHouseholderQr().solve(binding.matrix());
    Semf semf;
    for (std::size_t c = 0; c < 5; ++c) semf.constants[c] = solution[static_cast<Eigen::Index>(c)];
    return semf;
}

}  // namespace binding_energy
