#pragma once
// The operators, defined once. A node kind's row in op_table gives its names (for formula text, the
// parser and each printer), its arity and its complexity cost; its Kernel specialisation below gives
// its value on a block of rows, its derivative for the reverse sweep and its scalar reference. The
// interpreter, the scalar evaluator, the parser and the printers all read them from here, so adding
// a unary function or a binary operator is an enum entry, a row and a Kernel in this file;
// tests/test_operator_table.cpp checks every kernel and derivative numerically (give the operator a
// sampling domain there if the default interval does not suit it).
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

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

// How a function is written as a call, name(x), in each output language. Arithmetic (+ - * / ^,
// negation, squares, cubes, reciprocals) has no call form: the printers write it with signs.
struct CallForm {
    std::string_view sympy;        // sympy's function name
    std::string_view c;            // <math.h>'s function name
    std::string_view latex_open;   // LaTeX before the argument ...
    std::string_view latex_close;  // ... and after it
    bool latex_superscript = false;  // the LaTeX form binds like a power (e^{x}), not like a call
};

struct OpInfo {
    Op op;
    std::string_view name;  // the name used in formula text and in --ops lists
    int arity;
    int complexity;         // cost of one node of this kind in the complexity measure
    std::array<std::string_view, 2> aliases{};  // further names the parser and --ops accept
    bool callable = false;  // the parser reads name(x) (or alias(x)) as this operator
    std::optional<CallForm> call{};  // printed as a call; arithmetic (the printers' own signs) when empty
};

namespace op_rows {

constexpr OpInfo leaf(Op op, std::string_view name) { return {op, name, 0, 1}; }

// Written with signs; `callable` also lets the parser read name(...) (square(x), pow(a, b)).
constexpr OpInfo arithmetic(Op op, std::string_view name, int arity, int complexity, bool callable = false) {
    return {op, name, arity, complexity, {}, callable};
}

// A unary function printed as name(x), or as given by its LaTeX delimiters.
constexpr OpInfo function(Op op, std::string_view name, int complexity, std::string_view latex_open,
                          std::string_view latex_close = "\\right)",
                          std::array<std::string_view, 2> aliases = {}) {
    return {op, name, 1, complexity, aliases, true, CallForm{name, name, latex_open, latex_close}};
}

}  // namespace op_rows

inline constexpr std::array<OpInfo, op_count> op_table{{
    op_rows::leaf(Op::Constant, "const"),
    op_rows::leaf(Op::Number, "number"),
    op_rows::leaf(Op::Pi, "pi"),
    op_rows::leaf(Op::Euler, "e"),
    op_rows::leaf(Op::Variable, "var"),
    op_rows::arithmetic(Op::Add, "+", 2, 1),
    op_rows::arithmetic(Op::Sub, "-", 2, 1),
    op_rows::arithmetic(Op::Mul, "*", 2, 1),
    op_rows::arithmetic(Op::Div, "/", 2, 1),
    op_rows::arithmetic(Op::Pow, "pow", 2, 2, true),
    op_rows::arithmetic(Op::Neg, "neg", 1, 1),
    op_rows::arithmetic(Op::Square, "square", 1, 1, true),
    op_rows::arithmetic(Op::Cube, "cube", 1, 1, true),
    op_rows::function(Op::Sqrt, "sqrt", 1, "\\sqrt{", "}"),
    {Op::Exp, "exp", 1, 2, {}, true, CallForm{"exp", "exp", "e^{", "}", true}},
    op_rows::function(Op::Log, "log", 2, "\\log\\left(", "\\right)", {"ln"}),
    op_rows::function(Op::Sin, "sin", 2, "\\sin\\left("),
    op_rows::function(Op::Cos, "cos", 2, "\\cos\\left("),
    op_rows::function(Op::Tan, "tan", 2, "\\tan\\left("),
    op_rows::function(Op::Asin, "asin", 2, "\\arcsin\\left(", "\\right)", {"arcsin"}),
    op_rows::function(Op::Acos, "acos", 2, "\\arccos\\left(", "\\right)", {"arccos"}),
    op_rows::function(Op::Atan, "atan", 2, "\\arctan\\left(", "\\right)", {"arctan"}),
    op_rows::function(Op::Tanh, "tanh", 2, "\\tanh\\left("),
    {Op::Abs, "abs", 1, 1, {"Abs"}, true, CallForm{"Abs", "fabs", "\\left|", "\\right|"}},
    op_rows::arithmetic(Op::Inv, "inv", 1, 1, true),
}};

constexpr const OpInfo& info(Op op) { return op_table[static_cast<std::size_t>(op)]; }
constexpr int arity(Op op) { return info(op).arity; }
constexpr bool is_leaf(Op op) { return arity(op) == 0; }

static_assert([] {
    for (std::size_t i = 0; i < op_count; ++i) {
        if (static_cast<std::size_t>(op_table[i].op) != i) return false;
    }
    return true;
}(), "op_table rows must follow the order of enum Op");
static_assert([] {
    for (std::size_t i = 0; i < op_count; ++i) {
        if (is_leaf(op_table[i].op) != (i < static_cast<std::size_t>(Op::Add))) return false;
    }
    return true;
}(), "leaves come first in enum Op, operators from Add on");

// Looks an operator up by its table name or an alias ("+", "sin", "ln", ...); nullopt for anything else.
std::optional<Op> op_from_name(std::string_view name);

// Vectorised sine, cosine and tangent of n doubles (engine/src/trig_kernels.cpp): Eigen 3.4 computes
// them one scalar at a time. Only the first `real` inputs choose the method, so padding rows of a
// short block never change real rows.
namespace kernels {
void sin_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real);
void cos_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real);
void tan_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real);
}  // namespace kernels

// Kernel<op>, for each operator:
//   scalar(x) or scalar(a, b)                the reference value of one row;
//   value(x, out, count) or value(a, b, out)  out = op over a block column (count rows are real);
//   unary: derivative(up, x, self, g, count)  g = up * d op / d x, where self = op(x);
//   binary: left(up, a, b, self, g) and right(...)  g = up * d op / d a (or d b).
// Blocks are Eigen array columns; the kernels are templates so this header needs no Eigen.
template <Op>
struct Kernel;

template <>
struct Kernel<Op::Add> {
    static double scalar(double a, double b) { return a + b; }
    static void value(const auto& a, const auto& b, auto&& out) { out = a + b; }
    static void left(const auto& up, const auto&, const auto&, const auto&, auto&& g) { g = up; }
    static void right(const auto& up, const auto&, const auto&, const auto&, auto&& g) { g = up; }
};

template <>
struct Kernel<Op::Sub> {
    static double scalar(double a, double b) { return a - b; }
    static void value(const auto& a, const auto& b, auto&& out) { out = a - b; }
    static void left(const auto& up, const auto&, const auto&, const auto&, auto&& g) { g = up; }
    static void right(const auto& up, const auto&, const auto&, const auto&, auto&& g) { g = -up; }
};

template <>
struct Kernel<Op::Mul> {
    static double scalar(double a, double b) { return a * b; }
    static void value(const auto& a, const auto& b, auto&& out) { out = a * b; }
    static void left(const auto& up, const auto&, const auto& b, const auto&, auto&& g) { g = up * b; }
    static void right(const auto& up, const auto& a, const auto&, const auto&, auto&& g) { g = up * a; }
};

template <>
struct Kernel<Op::Div> {
    static double scalar(double a, double b) { return a / b; }
    static void value(const auto& a, const auto& b, auto&& out) { out = a / b; }
    static void left(const auto& up, const auto&, const auto& b, const auto&, auto&& g) { g = up / b; }
    static void right(const auto& up, const auto&, const auto& b, const auto& self, auto&& g) { g = -up * self / b; }
};

template <>
struct Kernel<Op::Pow> {
    static double scalar(double a, double b) { return std::pow(a, b); }
    static void value(const auto& a, const auto& b, auto&& out) { out = a.pow(b); }
    static void left(const auto& up, const auto& a, const auto& b, const auto&, auto&& g) { g = up * b * a.pow(b - 1.0); }
    static void right(const auto& up, const auto& a, const auto&, const auto& self, auto&& g) { g = up * self * a.log(); }
};

template <>
struct Kernel<Op::Neg> {
    static double scalar(double x) { return -x; }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = -x; }
    static void derivative(const auto& up, const auto&, const auto&, auto&& g, std::ptrdiff_t) { g = -up; }
};

template <>
struct Kernel<Op::Square> {
    static double scalar(double x) { return x * x; }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.square(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = 2.0 * up * x; }
};

template <>
struct Kernel<Op::Cube> {
    static double scalar(double x) { return x * x * x; }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.cube(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = 3.0 * up * x.square(); }
};

template <>
struct Kernel<Op::Sqrt> {
    static double scalar(double x) { return std::sqrt(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.sqrt(); }
    static void derivative(const auto& up, const auto&, const auto& self, auto&& g, std::ptrdiff_t) { g = 0.5 * up / self; }
};

template <>
struct Kernel<Op::Exp> {
    static double scalar(double x) { return std::exp(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.exp(); }
    static void derivative(const auto& up, const auto&, const auto& self, auto&& g, std::ptrdiff_t) { g = up * self; }
};

template <>
struct Kernel<Op::Log> {
    static double scalar(double x) { return std::log(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.log(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = up / x; }
};

template <>
struct Kernel<Op::Sin> {
    static double scalar(double x) { return std::sin(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t count) {
        kernels::sin_block(x.data(), out.data(), out.size(), count);
    }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t count) {
        kernels::cos_block(x.data(), g.data(), g.size(), count);
        g *= up;
    }
};

template <>
struct Kernel<Op::Cos> {
    static double scalar(double x) { return std::cos(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t count) {
        kernels::cos_block(x.data(), out.data(), out.size(), count);
    }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t count) {
        kernels::sin_block(x.data(), g.data(), g.size(), count);
        g *= -up;
    }
};

template <>
struct Kernel<Op::Tan> {
    static double scalar(double x) { return std::tan(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t count) {
        kernels::tan_block(x.data(), out.data(), out.size(), count);
    }
    static void derivative(const auto& up, const auto&, const auto& self, auto&& g, std::ptrdiff_t) { g = up * (1.0 + self.square()); }
};

template <>
struct Kernel<Op::Asin> {
    static double scalar(double x) { return std::asin(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.asin(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = up / (1.0 - x.square()).sqrt(); }
};

template <>
struct Kernel<Op::Acos> {
    static double scalar(double x) { return std::acos(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.acos(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = -up / (1.0 - x.square()).sqrt(); }
};

template <>
struct Kernel<Op::Atan> {
    static double scalar(double x) { return std::atan(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.atan(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = up / (1.0 + x.square()); }
};

template <>
struct Kernel<Op::Tanh> {
    static double scalar(double x) { return std::tanh(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.tanh(); }
    static void derivative(const auto& up, const auto&, const auto& self, auto&& g, std::ptrdiff_t) { g = up * (1.0 - self.square()); }
};

template <>
struct Kernel<Op::Abs> {
    static double scalar(double x) { return std::abs(x); }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.abs(); }
    static void derivative(const auto& up, const auto& x, const auto&, auto&& g, std::ptrdiff_t) { g = up * x.sign(); }
};

template <>
struct Kernel<Op::Inv> {
    static double scalar(double x) { return 1.0 / x; }
    static void value(const auto& x, auto&& out, std::ptrdiff_t) { out = x.inverse(); }
    static void derivative(const auto& up, const auto&, const auto& self, auto&& g, std::ptrdiff_t) { g = -up * self.square(); }
};

// The value of a leaf that is the same on every row: pi, e, or a number or constant's own value.
constexpr double leaf_constant(Op op, double own_value) {
    return op == Op::Pi ? std::numbers::pi : op == Op::Euler ? std::numbers::e : own_value;
}

// Calls visit.template operator()<op>() with the operator as a compile-time value, so that generic
// code reaches Kernel<op> without a switch that must list every operator. Operators only: a leaf
// has no Kernel. The comparisons sit in one function, where the compiler turns them into a jump
// table, as it would a switch (a table of function pointers measured 10 % slower in the interpreter).
template <typename Visitor>
decltype(auto) visit_operator(Op op, Visitor&& visit) {
    using Result = decltype(visit.template operator()<Op::Add>());
    assert(!is_leaf(op));
    return [&]<std::size_t... I>(std::index_sequence<I...>) -> Result {
        constexpr std::size_t first = static_cast<std::size_t>(Op::Add);  // leaves come before it
        if constexpr (std::is_void_v<Result>) {
            (void)((static_cast<std::size_t>(op) == first + I &&
                    (visit.template operator()<static_cast<Op>(first + I)>(), true)) || ...);
        } else {
            Result result{};
            (void)((static_cast<std::size_t>(op) == first + I &&
                    (result = visit.template operator()<static_cast<Op>(first + I)>(), true)) || ...);
            return result;
        }
    }(std::make_index_sequence<op_count - static_cast<std::size_t>(Op::Add)>{});
}

}  // namespace occam
