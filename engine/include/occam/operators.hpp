#pragma once
// The operator table: one row per node kind. Adding an operator is one row here plus one kernel in
// the interpreter and one case in the scalar reference evaluator.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace occam {

enum class Op : std::uint8_t {
    // leaves
    Constant,  // fittable numeric constant: the optimiser may change it
    Number,    // exact literal (integer or decimal as written); never fitted
    Pi,
    Euler,     // the number e
    Variable,
    // binary
    Add, Sub, Mul, Div, Pow,
    // unary
    Neg, Square, Cube, Sqrt, Exp, Log, Sin, Cos, Tan, Asin, Acos, Atan, Tanh, Abs, Inv,
};

inline constexpr std::size_t op_count = static_cast<std::size_t>(Op::Inv) + 1;

struct OpInfo {
    Op op;
    std::string_view name;  // the name used in formula text and in --ops lists
    int arity;
    int complexity;          // cost of one node of this kind in the complexity measure
};

inline constexpr std::array<OpInfo, op_count> op_table{{
    {Op::Constant, "const", 0, 1},
    {Op::Number, "number", 0, 1},
    {Op::Pi, "pi", 0, 1},
    {Op::Euler, "e", 0, 1},
    {Op::Variable, "var", 0, 1},
    {Op::Add, "+", 2, 1},
    {Op::Sub, "-", 2, 1},
    {Op::Mul, "*", 2, 1},
    {Op::Div, "/", 2, 1},
    {Op::Pow, "pow", 2, 2},
    {Op::Neg, "neg", 1, 1},
    {Op::Square, "square", 1, 1},
    {Op::Cube, "cube", 1, 1},
    {Op::Sqrt, "sqrt", 1, 1},
    {Op::Exp, "exp", 1, 2},
    {Op::Log, "log", 1, 2},
    {Op::Sin, "sin", 1, 2},
    {Op::Cos, "cos", 1, 2},
    {Op::Tan, "tan", 1, 2},
    {Op::Asin, "asin", 1, 2},
    {Op::Acos, "acos", 1, 2},
    {Op::Atan, "atan", 1, 2},
    {Op::Tanh, "tanh", 1, 2},
    {Op::Abs, "abs", 1, 1},
    {Op::Inv, "inv", 1, 1},
}};

constexpr const OpInfo& info(Op op) { return op_table[static_cast<std::size_t>(op)]; }
constexpr int arity(Op op) { return info(op).arity; }
constexpr bool is_leaf(Op op) { return arity(op) == 0; }

// Looks an operator up by its table name ("+", "sin", "pow", ...); nullopt for anything else.
std::optional<Op> op_from_name(std::string_view name);

}  // namespace occam
