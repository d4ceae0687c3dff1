#pragma once
// What the canonical form (canonical_form.hpp) asks of a GiNaC expression, and the order occam
// writes its parts in. GiNaC orders the terms of a sum by hashes that hang on the addresses and
// serial numbers of its symbols, so its order (and which sign normal() gives a denominator)
// changes from one run, or one call, to the next; what occam prints must not: sums and products
// are written in occam's order, and a sum inside a product or a power is turned so that its first
// term is positive.
#include <ginac/ginac.h>

#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace occam::algebra {

namespace gi = GiNaC;

bool is_float(const gi::ex& e);    // a fitted number: a float, not a fraction
bool has_symbol(const gi::ex& e);  // anywhere inside
bool has_float(const gi::ex& e);   // anywhere inside

// Roughly the nodes occam prints for e.
int printed_size(const gi::ex& e);

// (S, p) for a factor S^p with S a sum and p a number, or (0, 0).
std::pair<gi::ex, gi::ex> power_of_sum(const gi::ex& factor);

// -S, term by term (GiNaC may keep -1 * S as a product, and (-1 * S)^-1 as -1 * S^-1).
gi::ex negated(const gi::ex& sum);

// occam's order of parts: by the first input they use (inputs are named x0, x1, ...), then the
// shorter, then a hash of the structure that is the same in every run. A key is computed once per
// part: each of the three walks the whole part.
using OrderKey = std::tuple<long, int, std::uint64_t>;
OrderKey order_key(const gi::ex& e);
std::vector<gi::ex> parts_in_order(const gi::ex& e);  // of a sum or a product

// A term's sign and its size: -3*x is (true, 3*x).
std::pair<bool, gi::ex> signed_part(const gi::ex& term);

// Whether a sum should be written turned (-S, its sign moved out): its first term in occam's
// order is negative.
bool turned(const gi::ex& sum);

}  // namespace occam::algebra
