#pragma once
// Formula error messages: "formula:LINE:COL: what", then the offending line and a caret under COL.
#include <cstddef>
#include <string>
#include <string_view>

namespace occam::grammar {

[[noreturn]] void throw_at(std::string_view text, std::size_t offset, std::string_view what);

}  // namespace occam::grammar
