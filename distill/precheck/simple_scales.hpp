#pragma once
// The scales a law of one dimensionless group usually carries on its group: p/q, p*pi/q and
// p/(q*pi) for p, q up to 4 (1, 2, 1/2, 2*pi, 1/(2*pi), pi/4, ...). Under noise a formula whose
// scale the data cannot tell from one of these is the simpler formula; the enumeration tries them.
// Internal to distill/.
#include <vector>

#include "occam/tree.hpp"

namespace occam::detail {

struct SimpleScale {
    double value;             // positive
    std::vector<Node> nodes;  // postfix, exact (pi as the constant, p/q as a division unless it terminates)
};

const std::vector<SimpleScale>& simple_scales();

// The simple scale nearest a positive magnitude, in log.
const SimpleScale& nearest_simple_scale(double magnitude);

// The simple scales within a factor of a positive magnitude, in increasing order.
std::vector<const SimpleScale*> simple_scales_near(double magnitude, double factor);

}  // namespace occam::detail
