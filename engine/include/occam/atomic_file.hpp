#pragma once
// Writes text to a file through a temporary and a rename, so readers never see a partial file and
// a failed write leaves nothing behind. input_error "PATH: cannot write <what> (reason)" on failure.
#include <string>
#include <string_view>

namespace occam {

void write_file_atomically(const std::string& path, std::string_view text, std::string_view what = "file");

}  // namespace occam
