#include "occam/pareto_archive.hpp"

#include <iterator>

namespace occam {

bool ParetoArchive::insert(const Individual& candidate) {
    if (!candidate.valid()) return false;
    // dominated by an entry at most as complex?
    for (auto it = entries_.begin(); it != entries_.end() && it->first <= candidate.complexity; ++it) {
        if (it->second.loss <= candidate.loss) return false;
    }
    entries_[candidate.complexity] = candidate;
    // drop the more complex entries it now dominates
    for (auto it = entries_.upper_bound(candidate.complexity); it != entries_.end();) {
        it = it->second.loss >= candidate.loss ? entries_.erase(it) : std::next(it);
    }
    return true;
}

void ParetoArchive::merge(const ParetoArchive& other) {
    for (const auto& [complexity, individual] : other.entries_) insert(individual);
}

double ParetoArchive::best_loss() const {
    // non-dominated by construction: the most complex entry has the lowest loss
    return entries_.empty() ? INFINITY : entries_.rbegin()->second.loss;
}

}  // namespace occam
