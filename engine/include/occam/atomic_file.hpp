#pragma once
// Writes a file through a temporary and a rename, so readers never see a partial file and a failed
// write leaves nothing behind. input_error "PATH: cannot write <what> (reason)" on failure.
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace occam {

void write_file_atomically(const std::string& path, std::string_view text, std::string_view what = "file");

// The same for text made piece by piece: write puts it into the stream (and stops when the stream
// fails); an exception from write leaves nothing behind either.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string_view what = "file");

}  // namespace occam
