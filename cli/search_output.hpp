#pragma once
// What the searching sub-commands share around a search: the progress line on a terminal and the
// output file that must be writable before hours of work, not after.
#include <string>

#include "occam/search.hpp"

namespace occam::cli {

// A progress callback that redraws one line on standard error, or none when quiet or not a terminal.
ProgressCallback progress_line(bool quiet);

// input_error now if the file's folder does not exist (empty path: standard output, nothing to check).
void require_output_folder(const std::string& path);

// The text to the file, atomically, or to standard output when path is empty.
void write_output(const std::string& path, const std::string& text);

}  // namespace occam::cli
