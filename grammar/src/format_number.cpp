#include <array>
#include <charconv>

#include "occam/print.hpp"

namespace occam {

// std::to_chars without a precision is the shortest text that reads back to the same double, and it
// never depends on the locale.
std::string format_number(double v) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return std::string(buffer.data(), end);
}

}  // namespace occam
