#pragma once
// One exception type for everything a user can fix: bad files, bad formulas, impossible options.
// The message is a complete line that names the place (file:line:column where it applies).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace occam {

class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The 1-based line and column of a byte offset in a text (the text's end when past it), for
// messages that name a place in a file read whole.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace occam
