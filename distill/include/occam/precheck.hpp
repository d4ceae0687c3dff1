#pragma once
// Search with pre-checks (AI Feynman's idea: simplify the problem before searching it). Each check
// that applies turns the problem into a smaller one; the formulas found there are mapped back to
// the original variables, refitted on the original training rows and put on the front on the same
// terms as any other formula (front_builder.hpp). Every step is logged in words for the report.
//
// Implemented: dimensional analysis (with a units table). Symmetry and separability through the
// neural surrogate join here as further steps.
#include <atomic>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/search.hpp"
#include "occam/units.hpp"

namespace occam {

enum class PrecheckMode { off, automatic };

struct PrecheckOptions {
    PrecheckMode mode = PrecheckMode::automatic;
    const UnitsTable* units = nullptr;  // dimensional analysis only with a table
    std::size_t min_inputs = 3;         // automatic mode leaves smaller problems to the plain search
};

struct PrecheckedSearch {
    Front front;                     // over the original inputs
    std::vector<std::string> steps;  // what was checked, what was found, what was searched
};

// data holds the target and inputs of problem (the split is the problem's: seed and fraction).
PrecheckedSearch search_with_prechecks(const Dataset& data, const Problem& problem, const SplitOptions& split,
                                       const SearchOptions& options, const PrecheckOptions& prechecks,
                                       const ProgressCallback& on_progress = {},
                                       const std::atomic<bool>* stop = nullptr);

}  // namespace occam
