#pragma once
// A product of powers of variables as a readable tree: numerator factors over denominator factors,
// in variable order, with x^2, x^3, sqrt(x) and 1/x as their own nodes. Private to distill.
#include <span>

#include "occam/rational.hpp"
#include "occam/tree.hpp"

namespace occam::detail {

// prod over i of variable i ^ exponents[i]; the number 1 when every exponent is zero.
Tree power_product(std::span<const Rational> exponents);

}  // namespace occam::detail
