#pragma once
// When the data have said all they can (Budget::stall_generations): noisy data never reach the
// target loss, and past a point a search only fits the noise. Watched at barriers, with generation
// counts, so the decision is the same for any thread count.
//  - No rows held out (a small table): the shortest description in the archive
//    (description_length.hpp) has not improved for stall_generations generations.
//  - Rows held out: neither the lowest validation loss (by 1 %) nor the simplest formula within
//    1.5x of it has improved for the later half of the search (at least stall_generations), and
//    the most complex formula does worse on the held-out rows than a simpler one: fitting the
//    training rows more closely no longer carries over to rows the search has not seen.
#include <cmath>
#include <limits>

#include "occam/budget.hpp"
#include "occam/interpreter.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"

namespace occam {

class SelectionStall {
public:
    // `allowed`: false where the search must not stop early (a checkpointed search, whose resume
    // must continue bit for bit without the stall being saved).
    SelectionStall(const Problem& problem, const Budget& budget, bool allowed, const ParetoArchive& archive,
                   long long generation);

    // At a barrier: whether the search should stop.
    bool stalled(const ParetoArchive& archive, long long generation);

    // New operators (the stall widening) deserve a full stretch of their own.
    void restart(long long generation) { improved_at_ = generation; }

private:
    // What selection would make of the archive now, and whether the data are being over-fitted.
    struct Standing {
        double score = INFINITY;  // description length, or the lowest validation loss
        int simplest_within = std::numeric_limits<int>::max();  // held out: the simplest within 1.5x of the best
        bool overfitted = false;  // held out: the most complex member is not the best
    };
    Standing standing(const ParetoArchive& archive);

    const Problem& problem_;
    long long patience_;
    bool enabled_;
    Interpreter interpreter_;
    Standing best_;
    long long improved_at_;
};

}  // namespace occam
