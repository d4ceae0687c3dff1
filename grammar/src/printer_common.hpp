#pragma once
// What the printers share: precedence levels and the rule for when an operand needs parentheses.
#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace occam::grammar {

// Loosest to tightest binding, as in the parser: a + b, a*b, -a, a^b, then atoms (names, calls).
enum class Level { Sum, Product, Unary, Power, Atom };

struct Printed {
    std::string text;
    Level level;
};

// An operand is parenthesised when it binds looser than its place needs, when the caller forces it
// (to keep a literal from being read back as a canonical form), or when it starts with a minus sign
// anywhere but the very start of the text (a*(-2) reads better than a*-2, and C must never see --).
inline std::string operand(const Printed& p, Level needed, bool leftmost, bool force = false,
                           std::string_view open = "(", std::string_view close = ")") {
    const bool minus = !leftmost && !p.text.empty() && p.text.front() == '-';
    if (!force && !minus && p.level >= needed) return p.text;
    std::string text(open);
    text += p.text;
    text += close;
    return text;
}

// A name as a typeset symbol: its base and subscripts, split at underscores, trailing digits of the
// base being its first subscript (theta1: theta, 1; rho_c_0: rho, c, 0).
struct NameParts {
    std::string_view base;
    std::vector<std::string_view> subscripts;
};

inline NameParts name_parts(std::string_view name) {
    std::vector<std::string_view> parts;
    for (std::size_t begin = 0; begin <= name.size();) {
        const auto end = std::min(name.find('_', begin), name.size());
        if (end > begin) parts.push_back(name.substr(begin, end - begin));
        begin = end + 1;
    }
    if (parts.empty()) return {"_", {}};
    NameParts split{parts.front(), {parts.begin() + 1, parts.end()}};
    const auto digits = split.base.find_last_not_of("0123456789");
    if (digits != std::string_view::npos && digits + 1 < split.base.size()) {
        split.subscripts.insert(split.subscripts.begin(), split.base.substr(digits + 1));
        split.base = split.base.substr(0, digits + 1);
    }
    return split;
}

inline const std::string& variable_name(std::span<const std::string> names, std::uint32_t index) {
    if (index >= names.size())
        throw std::out_of_range("printer: variable " + std::to_string(index) + " has no name");
    return names[index];
}

}  // namespace occam::grammar
