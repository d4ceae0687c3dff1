#pragma once
// What the printers share: precedence levels and the rule for when an operand needs parentheses.
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

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

inline const std::string& variable_name(std::span<const std::string> names, std::uint32_t index) {
    if (index >= names.size())
        throw std::out_of_range("printer: variable " + std::to_string(index) + " has no name");
    return names[index];
}

}  // namespace occam::grammar
