#include "stall_widening.hpp"

#include <string>

namespace occam {
namespace {

// A fall of the best loss by less than 1 % is the optimiser polishing constants, not progress.
constexpr double progress_factor = 0.99;

}  // namespace

StallWidening::StallWidening(const SearchOptions& options, bool allowed, double best_loss, long long generation)
    : widened_(options.operators.joined(options.stall_operators)),
      patience_(options.widen_after),
      enabled_(allowed && widened_.all().size() > options.operators.all().size()),
      loss_at_mark_(best_loss),
      mark_(generation) {
    for (Op op : options.stall_operators.all())
        if (!options.operators.contains(op)) added_ += (added_.empty() ? "" : ",") + std::string(info(op).name);
}

bool StallWidening::due(double best_loss, long long generation) {
    if (!enabled_ || widened_at_) return false;
    if (best_loss < progress_factor * loss_at_mark_) {
        loss_at_mark_ = best_loss;
        mark_ = generation;
        return false;
    }
    if (generation - mark_ < patience_) return false;
    widened_at_ = generation;
    return true;
}

}  // namespace occam
