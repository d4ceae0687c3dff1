#pragma once
// When a stalled search adds its stall operators (SearchOptions::stall_operators): once the best
// training loss has not fallen by 1 % for widen_after generations. Asked only at barriers, with
// generation counts, so the decision is the same for any thread count.
#include <optional>
#include <string>

#include "occam/operator_set.hpp"
#include "occam/search_options.hpp"

namespace occam {

class StallWidening {
public:
    // `allowed`: false where the search must not widen (a checkpointed search, whose resume must
    // continue bit for bit without the stall being saved; a table too small to hold rows out).
    StallWidening(const SearchOptions& options, bool allowed, double best_loss, long long generation);

    // At a barrier: true once, when the islands should draw from widened() from now on.
    bool due(double best_loss, long long generation);

    const OperatorSet& widened() const { return widened_; }
    std::optional<long long> widened_at() const { return widened_at_; }
    // the operators widening adds: those of the stall set the search lacks, comma-separated
    const std::string& added() const { return added_; }

private:
    OperatorSet widened_;
    std::string added_;
    long long patience_;
    bool enabled_;
    double loss_at_mark_;
    long long mark_;
    std::optional<long long> widened_at_;
};

}  // namespace occam
