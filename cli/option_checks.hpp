#pragma once
// Range checks for numeric options. CLI11 2.1's PositiveNumber and NonNegativeNumber print their
// range as a 300-digit number when they fail; these say what is wrong in a few words.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <string>

#include "occam/error.hpp"
#include "parse_number.hpp"

namespace occam::cli {

// A number of at least low, in any form CLI11 will then convert (e.g. "1e3" fails for a count later).
inline CLI::Validator at_least(double low, const char* description) {
    return CLI::Validator(
        [low](std::string& text) -> std::string {
            double value = 0;
            try {
                value = parse_number(text, "value");  // the same reading as every other number option
            } catch (const input_error&) {
                return fmt::format("cannot read \"{}\" as a number", text);
            }
            if (!(value >= low)) return fmt::format("must be at least {}, not {}", low, text);
            return {};
        },
        description);
}

inline CLI::Validator positive_count() { return at_least(1, "POSITIVE"); }
inline CLI::Validator non_negative() { return at_least(0, "NONNEGATIVE"); }

}  // namespace occam::cli
