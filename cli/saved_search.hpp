#pragma once
// A search's front saved as JSON with the record of its run (what `occam search --format json`
// writes), and read back for `occam report`.
#include <string>

#include "occam/report.hpp"
#include "occam/search.hpp"

namespace occam::cli {

// The front's JSON (front_format.hpp) with a "run" object beside it: data file, target, seed,
// options, notes and the command line.
std::string front_json_with_run(const Front& front, const SearchRun& run);

struct SavedSearch {
    Front front;
    SearchRun run;  // empty fields where the file has no "run" object
};

// input_error naming the file (and line:column for JSON syntax) for anything that is not such a front.
SavedSearch read_saved_search(const std::string& path);

}  // namespace occam::cli
