#include "diagnostic.hpp"

#include <algorithm>

#include "occam/parse.hpp"

namespace occam::grammar {

void throw_at(std::string_view text, std::size_t offset, std::string_view what) {
    offset = std::min(offset, text.size());
    std::size_t begin = offset;
    while (begin > 0 && text[begin - 1] != '\n') --begin;
    const std::size_t end = std::min(text.find('\n', offset), text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin), '\n');

    std::string message = "formula:" + std::to_string(line) + ":" + std::to_string(offset - begin + 1) + ": ";
    message += what;
    message += '\n';
    message += text.substr(begin, end - begin);
    message += '\n';
    // Keep tabs so the caret lines up with the text above it whatever the tab width.
    for (std::size_t i = begin; i < offset; ++i) message += text[i] == '\t' ? '\t' : ' ';
    message += '^';
    throw formula_error(message, offset, std::string(what));
}

}  // namespace occam::grammar
