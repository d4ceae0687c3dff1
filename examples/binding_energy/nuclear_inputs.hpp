#pragma once
// What the formulas may use: the liquid-drop shapes of the semi-empirical mass formula and
// shell-structure numbers, all without fitted constants, as one occam::Dataset.
#include <occam/dataset.hpp>

#include <span>
#include <string>
#include <vector>

#include "nuclides.hpp"

namespace binding_energy {

// Distance of a nucleon number to the nearest magic number (2, 8, 20, 28, 50, 82, 126; 184 above),
// counting valence particles below mid-shell and holes above it.
int valence_number(int nucleons);

// Casten's P = nu_p nu_n / (nu_p + nu_n): valence proton-neutron pairs per valence nucleon; 0 at a
// double shell closure.
double casten_factor(int valence_protons, int valence_neutrons);

// +1 for even-even, -1 for odd-odd, 0 for odd A: the sign of the pairing energy.
int pairing_sign(int Z, int N);

// The input columns, in order (see README for their meaning).
const std::vector<std::string>& input_names();

// One row per nuclide: the inputs, then "B" (MeV) and "w" = 1 / (sigma_B^2 + floor^2).
occam::Dataset nuclear_dataset(std::span<const Nuclide> nuclides, double uncertainty_floor);

}  // namespace binding_energy
