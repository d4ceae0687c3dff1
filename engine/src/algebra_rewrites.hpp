#pragma once
// Rewrites of a GiNaC expression that GiNaC does not make on its own, for the canonical form
// (canonical_form.hpp). Each keeps the expression's value wherever it is defined, or, where it
// assumes a sign (a factor taken into a square root), only for inputs known positive.
#include <ginac/ginac.h>

namespace occam::algebra {

// A constant expression holding a fitted number is one fitted number: c1*c2 is one, and
// -3*log(0.00998) - 4.4*pi is one; a number multiplying a sum that holds fitted numbers goes into
// it (-0.0016*(619.7*x + 2478.7) is -x - 4), so snapping can read the products.
GiNaC::ex folded(const GiNaC::ex& e);

// Shifts of a trigonometric argument by a multiple of pi/2 (sin(x + pi/2) is cos(x)), a fitted
// factor out of a logarithm (log(c*x) is log(c) + log(x)) and a fitted term out of an
// exponential (exp(c + x) is exp(c)*exp(x)).
GiNaC::ex rewritten(const GiNaC::ex& e);

// A factor taken into a sum it multiplies, where that makes the formula shorter:
// z^-2 * (1 + x^2/z^2)^-1 is (z^2 + x^2)^-1, and b*sqrt(1 + (a/b)^2) is sqrt(b^2 + a^2) for b > 0.
GiNaC::ex distributed(const GiNaC::ex& e);

// Each term of a sum normalised by itself: x^2*y/(x + x^2) is x*y/(1 + x) while the sum stays one.
GiNaC::ex termwise_normal(const GiNaC::ex& e);

// Each quotient of a sum (or the expression itself) written with a fitted denominator's first
// coefficient 1: its constant term, else its first term in occam's order. a/(a/x - b) is
// x/(1 - (b/a)*x): the ratio b/a, one number, is what snapping can read (1/3), never a or b.
GiNaC::ex unit_denominators(const GiNaC::ex& e);

}  // namespace occam::algebra
