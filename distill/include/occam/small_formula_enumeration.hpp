#pragma once
// Every small formula of one input, tried in turn: a + b*E(s*x), where E is built from x and the
// literal 1 with the search's operators, s is a fitted scale and a, b the linear scaling. A law of
// one dimensionless group such as 1/(exp(z/(2 pi)) - 1) is where the genetic search is weakest (it
// settles on rational approximations that fit the data to 1e-18) and enumeration cheapest: every
// expression up to six nodes, screened at 66 scales on 64 rows, then the best 256 fitted in full,
// takes about 2 s on two cores with the default operators. Under noise thousands fit as well as
// the law: the best 8192 are screened again on up to 1024 rows at simple scales (at_simple_scale).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "occam/operator_set.hpp"
#include "occam/problem.hpp"
#include "occam/tree.hpp"

namespace occam {

struct EnumerationOptions {
    std::size_t max_nodes = 6;  // of E, not counting the scale
    std::size_t screened = 256;  // formulas kept from the screening for a full constant fit
    std::size_t kept = 16;       // formulas returned
    // also the best formula of each size of E: on values with some error (a surrogate's), the most
    // accurate formulas fit the error too, and the law is the best of its own size
    bool best_of_each_size = false;
    // also the best 8192 screened again on up to 1024 rows at simple scales (at_simple_scale)
    bool at_simple_scales = false;
    std::size_t threads = 0;     // 0: all cores
    // Screening ends at the first chunk of 16384 expressions past this limit; without one the
    // result does not depend on the machine.
    std::optional<std::chrono::duration<double>> time_limit = std::nullopt;
};

struct EnumeratedFormulas {
    std::vector<Tree> best;  // the kept formulas of least training loss, best first, then the best of each size
    std::size_t tried = 0;   // expressions screened
    // With at_simple_scales: E(s*x)*b + a with s a simple scale (p/q, p*pi/q, p/(q*pi), p, q <= 4)
    // written exactly, whose loss the data cannot tell from the best formula's; at most 16, those
    // needing fewest of a and b first (simple_scale_screening.hpp). Under noise many formulas fit as
    // well as the law; the law's complexity is final only once a and b are snapped, so a caller
    // should judge these past the archive's order by loss.
    std::vector<Tree> at_simple_scale;
};

// The formulas E(c*x)*b + a over the problem's one input, every constant fitted on its training
// rows; nothing when the problem has not exactly one input or stop is set. Deterministic for any
// thread count when there is no time limit.
EnumeratedFormulas enumerate_small_formulas(const Problem& problem, const OperatorSet& operators,
                                            const EnumerationOptions& options, const std::atomic<bool>* stop);

}  // namespace occam
