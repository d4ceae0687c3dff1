#pragma once
// Description length: how formulas are judged when there are too few rows to hold any out. In nats,
//   DL = n/2 ln(NMSE) + p/2 ln(n) + p(p+1)/(n-p-1) + complexity * ln(symbols)
// the misfit of n rows, p constants each stated to the precision n rows allow (as in BIC) with the
// small-sample correction of AICc (a formula with nearly as many constants as rows interpolates
// them, and must not win by it: infinite from p = n - 1 on), and the formula's nodes each chosen
// among `symbols` (the operator table and the inputs). A shorter description is a better account of
// the data: a term that buys less misfit than it costs goes.
#include <cstddef>

namespace occam {

// nmse is floored at rounding level (1e-24), where every exact formula is as good as another.
// +Inf when the rows cannot judge the constants (p >= n - 1).
double description_length(double nmse, std::size_t rows, std::size_t constants, int complexity, std::size_t symbols);

// The symbols a formula over `inputs` inputs is written in.
std::size_t formula_symbols(std::size_t inputs);

}  // namespace occam
