#pragma once
// The enumeration's second screening, for noisy data. On 10,000 rows with 1 % noise thousands of
// formulas of one group fit as well as the law (for the Lorentz factor 1/sqrt(1 - x^2) on x up to
// 2/3: exp(b*x), 1/cos(x)^3 and their kin), and ranked by loss on 64 rows the law came 4771st. The
// law is the one whose numbers are exact: its scale a simple value (simple_scales.hpp), its offset
// and factor 0 or simple too. So the best of the first screening are screened again on more rows
// at the simple scales near their own and ranked by how many of the offset and factor the data
// need, then by loss. Internal to distill/.
#include <atomic>
#include <cstddef>
#include <vector>

#include "occam/problem.hpp"
#include "occam/tree.hpp"

namespace occam::detail {

// A formula of the first screening: E over input 0, its best scale there and its loss.
struct ScreenedFormula {
    double loss;
    std::size_t order;  // position in the enumeration: ties go to the earlier, shorter formula
    std::vector<Node> nodes;
    double scale;
};

// E(s*x)*b + a for the pool's formulas, s a simple scale written exactly, fitted on the problem's
// training rows: those within two standard errors of an NMSE (1 + 2*sqrt(2/n)) of lowest_loss
// (the least training MSE any enumerated formula reached) and of each other, fewest of a and b
// needed first, then least loss; of those equal in loss only the shortest; at most 16. Nothing
// when stop is set. Deterministic for any thread count.
std::vector<Tree> at_simple_scales(const std::vector<ScreenedFormula>& pool, const Problem& problem, double lowest_loss,
                                   const std::atomic<bool>* stop);

}  // namespace occam::detail
