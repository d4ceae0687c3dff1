#pragma once
// Writes text to a file through a temporary and a rename, so readers never see a partial file.
#include <string>

namespace occam::cli {

void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace occam::cli
