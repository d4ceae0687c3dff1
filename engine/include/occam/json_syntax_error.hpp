#pragma once
// The one line a JSON file that cannot be parsed gets, for every reader of JSON a user gives
// (components, saved fronts): its place and nlohmann's reason, without nlohmann in this header.
#include <cstddef>
#include <string_view>

#include "occam/error.hpp"

namespace occam {

// "source:line:column: malformed JSON: reason"; byte and what are the parse_error's (nlohmann names
// the byte just past the offending token, so the place named is the token's own).
input_error json_syntax_error(std::string_view source, std::string_view text, std::size_t byte, std::string_view what);

}  // namespace occam
