#pragma once
// Separable problems solved by parts, as AI Feynman does: when the oracle confirms f = g(A) * h(B)
// or f = T^-1(g(A) + h(B)) (T an output transform or none), g and h are searched on their own
// inputs, on the oracle's values (after T) with the other inputs held at a central data row, and
// the pairings of their best formulas are refitted as one formula on the real rows (constants
// snapped against oracle values are made fittable again).
// Internal to distill/.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "reduction.hpp"
#include "search_stage.hpp"

namespace occam::detail {

// The strongest additive or multiplicative split of f itself that the oracle of the problem as it
// stands confirms, or failing that the strongest additive one after an output transform
// (f = T^-1(g + h): 1/f, f^2 for a target of one sign, sqrt(f), log(f), exp(f)), kept in
// reduction.split; false when none holds.
bool find_split(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<PrecheckStep>& steps,
                std::uint64_t seed);

// Searches both parts of reduction.split, half of options' budget each, and returns the pairings
// over the original inputs of problem. A part of two inputs or more is searched with the pre-checks
// in turn (no units: its values are the oracle's), so a product of three factors splits twice;
// its steps are logged under the part's name.
StageOutcome search_parts(const Problem& problem, const Reduction& reduction, const SplitOptions& split,
                          const SearchOptions& options, const PrecheckOptions& prechecks,
                          const ProgressCallback& on_progress, const std::atomic<bool>* stop,
                          std::vector<PrecheckStep>& steps);

// "{x1} | {x2, x3}" with the inputs' names
std::string describe_split(const SeparabilityVerdict& split, const std::vector<std::string>& inputs);

}  // namespace occam::detail
