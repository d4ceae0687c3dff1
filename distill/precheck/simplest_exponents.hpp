#pragma once
// The choices of dimensional analysis that are not forced by the units: which of the many exponent
// vectors to use for the prefactor and for the basis of dimensionless groups. Both are searched
// over every basis of columns of the units matrix (small: a handful of base units), because the
// simplest vectors are always supported on a basis. Private to distill.
#include <optional>
#include <vector>

#include "exact_linear_algebra.hpp"

namespace occam::detail {

// Variables that must not be divided by (their data reach zero: a group dividing by one would put
// a pole among the data); empty or one flag per variable. Every choice below avoids such divisions
// first, where the units leave a choice.
using PoleVariables = std::vector<bool>;

// A basis of the null space of units (base units x variables), as smallest integer vectors. Among
// all bases built from a choice of pivot columns it takes the one with the fewest divisions by
// pole variables, then the fewest non-zero exponents, then the smallest; a dimensionless variable is always a group by itself. Each group
// has a positive exponent on its own free variable, and ties go to the earliest free variables, so
// that velocities u, v beside c give u/c and v/c. Groups are ordered by their free variable.
std::vector<RationalVector> simplest_null_basis(const RationalMatrix& units, const PoleVariables& poles = {});

// Exponents p with units * p = target, or nullopt when the target lies outside the span of the
// columns. Integer exponents when any exist, then the fewest divisions by (or roots of) pole
// variables, then the fewest non-zero, then the smallest.
std::optional<RationalVector> simplest_solution(const RationalMatrix& units, const RationalVector& target,
                                                const PoleVariables& poles = {});

}  // namespace occam::detail
