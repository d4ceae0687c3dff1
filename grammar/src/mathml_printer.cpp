// to_mathml: for reading in a browser (MathML Core, rendered natively), following the conventions
// of to_latex: fractions, a centred dot, subscripts from underscores and trailing digits, Greek
// letters as letters.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "occam/print.hpp"
#include "printer_common.hpp"

namespace occam {
namespace {

using grammar::Level;
using grammar::Printed;

constexpr std::string_view minus_sign = "<mo>&#x2212;</mo>";

constexpr std::array<std::pair<std::string_view, std::string_view>, 33> greek{{
    {"alpha", "&#x3B1;"},   {"beta", "&#x3B2;"},    {"gamma", "&#x3B3;"},      {"delta", "&#x3B4;"},
    {"epsilon", "&#x3F5;"}, {"varepsilon", "&#x3B5;"}, {"zeta", "&#x3B6;"},    {"eta", "&#x3B7;"},
    {"theta", "&#x3B8;"},   {"vartheta", "&#x3D1;"}, {"iota", "&#x3B9;"},      {"kappa", "&#x3BA;"},
    {"lambda", "&#x3BB;"},  {"mu", "&#x3BC;"},      {"nu", "&#x3BD;"},         {"xi", "&#x3BE;"},
    {"pi", "&#x3C0;"},      {"rho", "&#x3C1;"},     {"sigma", "&#x3C3;"},      {"tau", "&#x3C4;"},
    {"upsilon", "&#x3C5;"}, {"phi", "&#x3D5;"},     {"varphi", "&#x3C6;"},     {"chi", "&#x3C7;"},
    {"psi", "&#x3C8;"},     {"omega", "&#x3C9;"},   {"Gamma", "&#x393;"},      {"Delta", "&#x394;"},
    {"Theta", "&#x398;"},   {"Lambda", "&#x39B;"},  {"Sigma", "&#x3A3;"},      {"Phi", "&#x3A6;"},
    {"Omega", "&#x3A9;"},
}};

// Names are letters, digits and underscores (the CSV reader and the parser allow no others), so
// they need no escaping.
std::string mathml_word(std::string_view word) {
    if (word == "lambd") word = "lambda";  // the Feynman tables avoid Python's keyword
    for (const auto& [name, letter] : greek)
        if (word == name) return fmt::format("<mi>{}</mi>", letter);
    if (!word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); }))
        return fmt::format("<mn>{}</mn>", word);
    if (word.size() == 1) return fmt::format("<mi>{}</mi>", word);
    return fmt::format("<mi mathvariant=\"normal\">{}</mi>", word);  // a word stands upright
}

// theta1 -> theta with subscript 1, rho_c_0 -> rho with subscript "c,0" (as to_latex).
std::string mathml_name(std::string_view name) {
    const grammar::NameParts parts = grammar::name_parts(name);
    std::string text = mathml_word(parts.base);
    if (parts.subscripts.empty()) return text;
    std::string subscript;
    for (std::size_t k = 0; k < parts.subscripts.size(); ++k) {
        if (k > 0) subscript += "<mo>,</mo>";
        subscript += mathml_word(parts.subscripts[k]);
    }
    return fmt::format("<msub>{}<mrow>{}</mrow></msub>", text, subscript);
}

// 1.5e-05 -> 1.5 · 10^-5
Printed mathml_number(double v) {
    std::string text = format_number(v);
    std::string sign;
    if (text.front() == '-') {
        sign = minus_sign;
        text.erase(0, 1);
    }
    const Level sign_level = sign.empty() ? Level::Atom : Level::Unary;
    const auto e = text.find('e');
    if (e == std::string::npos) return {fmt::format("{}<mn>{}</mn>", sign, text), sign_level};
    const int exponent = std::stoi(text.substr(e + 1));
    const std::string mantissa = text.substr(0, e);
    const std::string power =
        fmt::format("<msup><mn>10</mn><mrow>{}<mn>{}</mn></mrow></msup>", exponent < 0 ? minus_sign : "", std::abs(exponent));
    if (mantissa == "1") return {sign + power, sign.empty() ? Level::Power : Level::Unary};
    return {fmt::format("{}<mn>{}</mn><mo>&#xB7;</mo>{}", sign, mantissa, power), Level::Product};
}

class MathmlPrinter {
public:
    MathmlPrinter(const Tree& tree, std::span<const std::string> names) : tree_(tree), names_(names) {}

    Printed print(std::size_t i) const {
        const Node& n = tree_[i];
        switch (n.op) {
            case Op::Constant:
            case Op::Number: return mathml_number(n.value);
            case Op::Pi: return {"<mi>&#x3C0;</mi>", Level::Atom};
            case Op::Euler: return {"<mi>e</mi>", Level::Atom};
            case Op::Variable: return {mathml_name(grammar::variable_name(names_, n.index)), Level::Atom};
            case Op::Add: return sum(i, "<mo>+</mo>");
            case Op::Sub: return sum(i, minus_sign);
            case Op::Mul:
                return {fmt::format("{}<mo>&#xB7;</mo>{}", operand(tree_.left_child(i), Level::Product, true),
                                    operand(tree_.right_child(i), Level::Product, false)),
                        Level::Product};
            case Op::Div: return frac(print(tree_.left_child(i)).text, print(tree_.right_child(i)).text);
            case Op::Inv: return frac("<mn>1</mn>", print(i - 1).text);
            case Op::Pow: return power(tree_.left_child(i), print(tree_.right_child(i)).text);
            case Op::Square: return power(i - 1, "<mn>2</mn>");
            case Op::Cube: return power(i - 1, "<mn>3</mn>");
            case Op::Neg: return {fmt::format("{}{}", minus_sign, operand(i - 1, Level::Product, false)), Level::Unary};
            case Op::Sqrt: return {fmt::format("<msqrt>{}</msqrt>", print(i - 1).text), Level::Atom};
            case Op::Exp: return {fmt::format("<msup><mi>e</mi><mrow>{}</mrow></msup>", print(i - 1).text), Level::Power};
            case Op::Abs: return {fmt::format("<mrow><mo>|</mo>{}<mo>|</mo></mrow>", print(i - 1).text), Level::Atom};
            default: return call(i);
        }
    }

private:
    // log(x), sin(x), arcsin(x): the name from the LaTeX form (\arcsin), applied to the argument
    Printed call(std::size_t i) const {
        std::string_view name = info(tree_[i].op).call.value().latex_open;
        name.remove_prefix(1);  // the backslash
        name = name.substr(0, name.find('\\'));
        return {fmt::format("<mi>{}</mi><mo>&#x2061;</mo>{}", name, parenthesised(print(i - 1).text)), Level::Atom};
    }

    static std::string parenthesised(const std::string& text) {
        return fmt::format("<mrow><mo>(</mo>{}<mo>)</mo></mrow>", text);
    }

    Printed sum(std::size_t i, std::string_view symbol) const {
        return {fmt::format("{}{}{}", operand(tree_.left_child(i), Level::Sum, true), symbol,
                            operand(tree_.right_child(i), Level::Product, false)),
                Level::Sum};
    }

    static Printed frac(const std::string& numerator, const std::string& denominator) {
        return {fmt::format("<mfrac><mrow>{}</mrow><mrow>{}</mrow></mfrac>", numerator, denominator), Level::Product};
    }

    Printed power(std::size_t base, const std::string& exponent) const {
        return {fmt::format("<msup><mrow>{}</mrow><mrow>{}</mrow></msup>", operand(base, Level::Atom, true), exponent),
                Level::Power};
    }

    // in parentheses when it binds looser than its place needs, or when a minus sign would follow
    // another operator
    std::string operand(std::size_t child, Level needed, bool leftmost) const {
        const Printed p = print(child);
        const bool minus = !leftmost && p.text.starts_with(minus_sign);
        if (!minus && p.level >= needed) return p.text;
        return parenthesised(p.text);
    }

    const Tree& tree_;
    std::span<const std::string> names_;
};

}  // namespace

std::string to_mathml(const Tree& tree, std::span<const std::string> names) {
    if (tree.empty()) return {};
    return fmt::format("<math display=\"block\"><mrow>{}</mrow></math>", MathmlPrinter(tree, names).print(tree.root()).text);
}

}  // namespace occam
