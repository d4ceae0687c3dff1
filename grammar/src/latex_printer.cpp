// to_latex: for reading, not for parsing back, so it follows the usual mathematical conventions
// (fractions, \cdot, subscripts, Greek letters) rather than the tree's exact shape.
#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "occam/print.hpp"
#include "printer_common.hpp"

namespace occam {
namespace {

using grammar::Level;
using grammar::Printed;

constexpr std::array<std::string_view, 34> greek{
    "alpha", "beta",  "gamma",   "delta", "epsilon", "varepsilon", "zeta",   "eta",   "theta",
    "vartheta", "iota", "kappa", "lambda", "mu",     "nu",         "xi",     "pi",    "rho",
    "sigma", "tau",   "upsilon", "phi",   "varphi",  "chi",        "psi",    "omega", "Gamma",
    "Delta", "Theta", "Lambda",  "Sigma", "Phi",     "Psi",        "Omega"};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// One piece of a name: a Greek letter, a single letter or a number as is, longer words upright.
std::string latex_word(std::string_view word) {
    if (word == "lambd") word = "lambda";  // the Feynman tables avoid Python's keyword
    if (std::find(greek.begin(), greek.end(), word) != greek.end()) return fmt::format("\\{}", word);
    if (word.size() == 1 || all_digits(word)) return std::string(word);
    return fmt::format("\\mathrm{{{}}}", word);
}

// theta1 -> \theta_{1}, rho_c_0 -> \rho_{c,0}, k_spring -> k_{\mathrm{spring}}.
std::string latex_name(std::string_view name) {
    const grammar::NameParts parts = grammar::name_parts(name);
    if (parts.base == "_") return "\\_";
    std::string text = latex_word(parts.base);
    if (parts.subscripts.empty()) return text;
    text += "_{";
    for (std::size_t k = 0; k < parts.subscripts.size(); ++k) {
        if (k > 0) text += ',';
        text += latex_word(parts.subscripts[k]);
    }
    text += '}';
    return text;
}

// 1.5e-05 -> 1.5 \cdot 10^{-5}
Printed latex_number(double v) {
    auto text = format_number(v);
    const auto e = text.find('e');
    const Level sign_level = text.front() == '-' ? Level::Unary : Level::Atom;
    if (e == std::string::npos) return {text, sign_level};
    const int exponent = std::stoi(text.substr(e + 1));
    const auto mantissa = text.substr(0, e);
    const auto power = fmt::format("10^{{{}}}", exponent);
    if (mantissa == "1") return {power, Level::Power};
    if (mantissa == "-1") return {fmt::format("-{}", power), Level::Unary};
    return {fmt::format("{} \\cdot {}", mantissa, power), Level::Product};
}

class LatexPrinter {
public:
    LatexPrinter(const Tree& tree, std::span<const std::string> names) : tree_(tree), names_(names) {}

    Printed print(std::size_t i) const {
        const Node& n = tree_[i];
        switch (n.op) {
            case Op::Constant:
            case Op::Number: return latex_number(n.value);
            case Op::Pi: return {"\\pi", Level::Atom};
            case Op::Euler: return {"e", Level::Atom};
            case Op::Variable: return {latex_name(grammar::variable_name(names_, n.index)), Level::Atom};
            case Op::Add: return sum(i, " + ");
            case Op::Sub: return sum(i, " - ");
            case Op::Mul:
                // products are associative, so a*(b*c) needs no parentheses here
                return {fmt::format("{} \\cdot {}", operand(tree_.left_child(i), Level::Product, true),
                                    operand(tree_.right_child(i), Level::Product, false)),
                        Level::Product};
            case Op::Div: return frac(print(tree_.left_child(i)).text, print(tree_.right_child(i)).text);
            case Op::Inv: return frac("1", print(i - 1).text);
            case Op::Pow: return power(tree_.left_child(i), print(tree_.right_child(i)).text);
            case Op::Square: return power(i - 1, "2");
            case Op::Cube: return power(i - 1, "3");
            case Op::Neg: return {fmt::format("-{}", operand(i - 1, Level::Product, false)), Level::Unary};
            default: {
                const CallForm& form = info(n.op).call.value();
                return {fmt::format("{}{}{}", form.latex_open, print(i - 1).text, form.latex_close),
                        form.latex_superscript ? Level::Power : Level::Atom};
            }
        }
    }

private:
    Printed sum(std::size_t i, std::string_view symbol) const {
        return {fmt::format("{}{}{}", operand(tree_.left_child(i), Level::Sum, true), symbol,
                            operand(tree_.right_child(i), Level::Product, false)),
                Level::Sum};
    }

    static Printed frac(const std::string& numerator, const std::string& denominator) {
        return {fmt::format("\\frac{{{}}}{{{}}}", numerator, denominator), Level::Product};
    }

    Printed power(std::size_t base, const std::string& exponent) const {
        return {fmt::format("{}^{{{}}}", operand(base, Level::Atom, true), exponent), Level::Power};
    }

    std::string operand(std::size_t child, Level needed, bool leftmost) const {
        return grammar::operand(print(child), needed, leftmost, false, "\\left(", "\\right)");
    }

    const Tree& tree_;
    std::span<const std::string> names_;
};

}  // namespace

std::string to_latex(const Tree& tree, std::span<const std::string> names) {
    if (tree.empty()) return {};
    return LatexPrinter(tree, names).print(tree.root()).text;
}

}  // namespace occam
