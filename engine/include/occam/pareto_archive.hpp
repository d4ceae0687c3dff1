#pragma once
// The best individual per complexity, kept non-dominated: an entry stays only if it has lower loss
// than every simpler entry.
#include <map>
#include <vector>

#include "occam/individual.hpp"

namespace occam {

class ParetoArchive {
public:
    // Returns true when the individual entered the archive.
    bool insert(const Individual& candidate);
    void merge(const ParetoArchive& other);

    const std::map<int, Individual>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    double best_loss() const;

private:
    std::map<int, Individual> entries_;
};

}  // namespace occam
