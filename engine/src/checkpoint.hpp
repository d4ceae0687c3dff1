#pragma once
// A search saved at a barrier, and the files that hold it (format described in checkpoint.cpp).
#include <string>
#include <vector>

#include "island.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/search_options.hpp"

namespace occam {

// Everything the search needs to continue bit-identically from a barrier.
struct SearchState {
    std::vector<IslandState> islands;
    ParetoArchive archive;  // all islands' archives merged
    long long generations = 0;
};

// Writes path.tmp, then renames it to path, so path is always a whole checkpoint. The options and
// data the state belongs to are recorded so a resume can check them. input_error when writing fails.
void write_checkpoint(const std::string& path, const SearchState& state, const Problem& problem,
                      const SearchOptions& options);

// input_error naming the file when it cannot be read, is not a checkpoint (JSON syntax errors
// with their byte position), or was made with other options or data (naming the first difference).
SearchState read_checkpoint(const std::string& path, const Problem& problem, const SearchOptions& options);

}  // namespace occam
