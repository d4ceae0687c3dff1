#pragma once
// What every fuzz target shares: the bytes as text, and the rule that a reader may refuse any input
// with occam's one user-facing exception (input_error) and nothing else. Anything else that
// escapes (another exception, a crash, a sanitizer report, a hang) is a bug the fuzzer reports.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "occam/error.hpp"

namespace occam::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs read on the text; an input_error is a correct refusal.
template <typename Read>
int refuse_or_read(const std::uint8_t* data, std::size_t size, Read&& read) {
    try {
        read(text_of(data, size));
    } catch (const input_error&) {
    }
    return 0;
}

}  // namespace occam::fuzz
