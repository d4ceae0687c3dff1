// to_c: an expression for <math.h>. Every number is a double literal so integer division never
// sneaks in, and a minus sign never follows another one (C would read -- as decrement).
#include <cmath>

#include <fmt/format.h>

#include "occam/print.hpp"
#include "printer_common.hpp"

namespace occam {
namespace {

using grammar::Level;
using grammar::Printed;

std::string c_number(double v) {
    if (std::isnan(v)) return "NAN";
    if (std::isinf(v)) return v > 0 ? "INFINITY" : "-INFINITY";
    auto text = format_number(v);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

class CPrinter {
public:
    CPrinter(const Tree& tree, std::span<const std::string> names) : tree_(tree), names_(names) {}

    Printed print(std::size_t i) const {
        const Node& n = tree_[i];
        switch (n.op) {
            case Op::Constant:
            case Op::Number: {
                auto text = c_number(n.value);
                const auto level = text.front() == '-' ? Level::Unary : Level::Atom;
                return {std::move(text), level};
            }
            case Op::Pi: return {"M_PI", Level::Atom};
            case Op::Euler: return {"M_E", Level::Atom};
            case Op::Variable: return {grammar::variable_name(names_, n.index), Level::Atom};
            case Op::Add: return binary(i, " + ", Level::Sum);
            case Op::Sub: return binary(i, " - ", Level::Sum);
            case Op::Mul: return binary(i, "*", Level::Product);
            case Op::Div: return binary(i, "/", Level::Product);
            case Op::Pow:
                return {fmt::format("pow({}, {})", print(tree_.left_child(i)).text, print(tree_.right_child(i)).text),
                        Level::Atom};
            case Op::Square: return power_of(i, 2);
            case Op::Cube: return power_of(i, 3);
            case Op::Inv: return {fmt::format("1.0/{}", operand(i - 1, Level::Unary, false)), Level::Product};
            case Op::Neg: return {fmt::format("-{}", operand(i - 1, Level::Unary, false)), Level::Unary};
            default: return {fmt::format("{}({})", info(n.op).call.value().c, print(i - 1).text), Level::Atom};
        }
    }

private:
    Printed binary(std::size_t i, std::string_view symbol, Level level) const {
        const Level right_needs = static_cast<Level>(static_cast<int>(level) + 1);
        return {fmt::format("{}{}{}", operand(tree_.left_child(i), level, true), symbol,
                            operand(tree_.right_child(i), right_needs, false)),
                level};
    }

    // A leaf is cheap to repeat (x*x); anything bigger goes through pow so it is computed once.
    Printed power_of(std::size_t i, int exponent) const {
        if (!is_leaf(tree_[i - 1].op))
            return {fmt::format("pow({}, {}.0)", print(i - 1).text, exponent), Level::Atom};
        const auto base = operand(i - 1, Level::Atom, false);
        std::string text(1, '(');
        text += base;
        for (int k = 1; k < exponent; ++k) text.append("*").append(base);
        text += ')';
        return {std::move(text), Level::Atom};
    }

    std::string operand(std::size_t child, Level needed, bool leftmost) const {
        return grammar::operand(print(child), needed, leftmost);
    }

    const Tree& tree_;
    std::span<const std::string> names_;
};

}  // namespace

std::string to_c(const Tree& tree, std::span<const std::string> names) {
    if (tree.empty()) return {};
    return CPrinter(tree, names).print(tree.root()).text;
}

}  // namespace occam
