// to_infix and to_sympy: one printer, two dialects. Both must parse back to the identical tree, so
// besides precedence the printer guards the literals that the parser turns into canonical nodes.
#include <fmt/format.h>

#include "occam/print.hpp"
#include "printer_common.hpp"

namespace occam {
namespace {

using grammar::Level;
using grammar::Printed;

struct Dialect {
    std::string_view power;  // "^" or "**"
    std::string_view euler;  // "e", or sympy's "E"
    bool sympy_calls;        // functions under sympy's names (Abs) rather than occam's (abs)
};

constexpr Dialect infix_dialect{"^", "e", false};
constexpr Dialect sympy_dialect{"**", "E", true};

bool is_number(const Node& n, double v) { return n.op == Op::Number && n.value == v; }

class InfixPrinter {
public:
    InfixPrinter(const Tree& tree, std::span<const std::string> names, const Dialect& dialect)
        : tree_(tree), names_(names), dialect_(dialect) {}

    Printed print(std::size_t i) const {
        const Node& n = tree_[i];
        switch (n.op) {
            case Op::Constant:
            case Op::Number: {
                auto text = format_number(n.value);
                const auto level = text.front() == '-' ? Level::Unary : Level::Atom;
                return {std::move(text), level};
            }
            case Op::Pi: return {"pi", Level::Atom};
            case Op::Euler: return {std::string(dialect_.euler), Level::Atom};
            case Op::Variable: return {grammar::variable_name(names_, n.index), Level::Atom};
            case Op::Add: return binary(i, " + ", Level::Sum);
            case Op::Sub: return binary(i, " - ", Level::Sum);
            case Op::Mul: return binary(i, "*", Level::Product);
            case Op::Div: return binary(i, "/", Level::Product);
            case Op::Pow: {
                // a literal 2 or 3 exponent would read back as Square or Cube: x^(2) keeps Pow
                const auto r = tree_.right_child(i);
                const bool guard = is_number(tree_[r], 2.0) || is_number(tree_[r], 3.0);
                return {fmt::format("{}{}{}", operand(tree_.left_child(i), Level::Atom, true), dialect_.power,
                                    operand(r, Level::Unary, false, guard)),
                        Level::Power};
            }
            case Op::Square: return power_of(i, "2");
            case Op::Cube: return power_of(i, "3");
            case Op::Inv: return {fmt::format("1/{}", operand(i - 1, Level::Unary, false)), Level::Product};
            case Op::Neg: {
                // -(2) keeps Neg: a bare -2 reads back as the number -2
                const Op child = tree_[i - 1].op;
                const bool guard = child == Op::Number || child == Op::Constant;
                return {fmt::format("-{}", operand(i - 1, Level::Unary, false, guard)), Level::Unary};
            }
            default: return call(dialect_.sympy_calls ? info(n.op).call.value().sympy : info(n.op).name, i);
        }
    }

private:
    Printed binary(std::size_t i, std::string_view symbol, Level level) const {
        const auto l = tree_.left_child(i);
        // 1/x reads back as Inv(x); (1)/x keeps Div with the literal 1
        const bool guard = tree_[i].op == Op::Div && is_number(tree_[l], 1.0);
        // Chains read back left-associated, so a right operand of the same level needs parentheses.
        const Level right_needs = static_cast<Level>(static_cast<int>(level) + 1);
        return {fmt::format("{}{}{}", operand(l, level, true, guard), symbol,
                            operand(tree_.right_child(i), right_needs, false)),
                level};
    }

    Printed power_of(std::size_t i, std::string_view exponent) const {
        return {fmt::format("{}{}{}", operand(i - 1, Level::Atom, true), dialect_.power, exponent), Level::Power};
    }

    Printed call(std::string_view name, std::size_t i) const {
        return {fmt::format("{}({})", name, print(i - 1).text), Level::Atom};
    }

    std::string operand(std::size_t child, Level needed, bool leftmost, bool force = false) const {
        return grammar::operand(print(child), needed, leftmost, force);
    }

    const Tree& tree_;
    std::span<const std::string> names_;
    const Dialect& dialect_;
};

std::string print_with(const Tree& tree, std::span<const std::string> names, const Dialect& dialect) {
    if (tree.empty()) return {};
    return InfixPrinter(tree, names, dialect).print(tree.root()).text;
}

}  // namespace

std::string to_infix(const Tree& tree, std::span<const std::string> names) {
    return print_with(tree, names, infix_dialect);
}

std::string to_sympy(const Tree& tree, std::span<const std::string> names) {
    return print_with(tree, names, sympy_dialect);
}

}  // namespace occam
