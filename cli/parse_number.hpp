#pragma once
#include <fmt/core.h>

#include <charconv>
#include <string>
#include <string_view>

#include "occam/error.hpp"

namespace occam::cli {

// A whole option value as a double, or input_error naming the option.
inline double parse_number(std::string_view text, std::string_view where) {
    double value = 0;
    const char* first = text.data();
    if (!text.empty() && text.front() == '+') ++first;
    const auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
        throw input_error(fmt::format("{}: cannot read \"{}\" as a number", where, text));
    return value;
}

}  // namespace occam::cli
