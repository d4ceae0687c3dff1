#pragma once
// The options and data a checkpoint belongs to. Resuming with any of them changed would not
// continue the same search, so it is refused, naming what differs. The budget, threads and the
// options that only shape the final front (snapping, final fitting) may change freely.
#include <nlohmann/json.hpp>
#include <string>

#include "occam/problem.hpp"
#include "occam/search_options.hpp"

namespace occam {

nlohmann::json checkpoint_fingerprint(const Problem& problem, const SearchOptions& options);

// Empty when the saved fingerprint matches this run; otherwise a phrase naming the first difference.
std::string fingerprint_difference(const nlohmann::json& saved, const Problem& problem, const SearchOptions& options);

}  // namespace occam
