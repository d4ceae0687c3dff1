#include "occam/json_syntax_error.hpp"

#include <fmt/format.h>

namespace occam {

input_error json_syntax_error(std::string_view source, std::string_view text, std::size_t byte, std::string_view what) {
    const auto [line, column] = line_and_column(text, byte > 0 ? byte - 1 : 0);
    std::string_view reason = what;
    if (const auto colon = reason.rfind(": "); colon != std::string_view::npos) reason = reason.substr(colon + 2);
    return input_error(fmt::format("{}:{}:{}: malformed JSON: {}", source, line, column, reason));
}

}  // namespace occam
