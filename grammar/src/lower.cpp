#include "lower.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "diagnostic.hpp"

namespace occam::grammar {
namespace {

struct Function {
    Op op;
    int arity;
    std::optional<Op> then{};  // applied after op: cot(x) has no node of its own, it is 1/tan(x)
};

// The operators' call names and aliases (op_table), and the functions the grammar spells with other
// nodes. pow is handled apart when lowered: it shares the canonical forms of `**`.
std::optional<Function> find_function(std::string_view name) {
    if (const auto op = op_from_name(name); op && info(*op).callable) return Function{*op, arity(*op)};
    if (name == "cot") return Function{Op::Tan, 1, Op::Inv};
    return std::nullopt;
}

// The number a subexpression is when it is a bare literal (no sign, no parentheses), else null.
// Only bare literals take part in canonical forms, so `x^(2)` stays Pow and prints back as written.
const ast::number* bare_literal(const ast::unary& u) {
    const auto* p = boost::get<ast::power>(&u);
    if (p == nullptr || p->exponent) return nullptr;
    return boost::get<ast::number>(&p->base);
}

const ast::number* bare_literal(const ast::expression& e) {
    return e.rest.empty() && e.first.rest.empty() ? bare_literal(e.first.first) : nullptr;
}

class Lowering {
public:
    Lowering(std::string_view text, VariableTable& variables) : text_(text), variables_(variables) {}

    std::vector<Node> take() { return std::move(nodes_); }

    void emit(const ast::expression& e) {
        emit(e.first);
        for (const auto& step : e.rest) {
            emit(step.operand);
            push(step.op == '+' ? Op::Add : Op::Sub);
        }
    }

private:
    void emit(const ast::product& p) {
        auto step = p.rest.begin();
        const auto* numerator = bare_literal(p.first);
        if (step != p.rest.end() && step->op == '/' && numerator != nullptr && value(*numerator) == 1.0) {
            emit(step->operand);  // 1/x
            push(Op::Inv);
            ++step;
        } else {
            emit(p.first);
        }
        for (; step != p.rest.end(); ++step) {
            emit(step->operand);
            push(step->op == '*' ? Op::Mul : Op::Div);
        }
    }

    void emit(const ast::unary& u) {
        if (const auto* s = boost::get<ast::signed_operand>(&u)) {
            emit(*s);
        } else {
            emit(boost::get<ast::power>(u));
        }
    }

    void emit(const ast::signed_operand& s) {
        if (s.sign == '+') return emit(s.operand);
        if (const auto* literal = bare_literal(s.operand)) {
            nodes_.push_back(Node::number(-value(*literal)));  // -2 is one number, not Neg(2)
            return;
        }
        emit(s.operand);
        push(Op::Neg);
    }

    void emit(const ast::power& p) {
        emit(p.base);
        if (p.exponent) emit_exponent(*p.exponent, bare_literal(*p.exponent));
    }

    // x^2 and x^3 (literal exponents) have nodes of their own; anything else is Pow.
    template <typename Exponent>
    void emit_exponent(const Exponent& exponent, const ast::number* literal) {
        const double v = literal != nullptr ? value(*literal) : 0.0;
        if (literal != nullptr && v == 2.0) return push(Op::Square);
        if (literal != nullptr && v == 3.0) return push(Op::Cube);
        emit(exponent);
        push(Op::Pow);
    }

    void emit(const ast::primary& p) {
        if (const auto* n = boost::get<ast::number>(&p)) {
            nodes_.push_back(Node::number(value(*n)));
        } else if (const auto* s = boost::get<ast::symbol>(&p)) {
            if (s->arguments) {
                emit_call(s->name, *s->arguments);
            } else {
                emit_name(s->name);
            }
        } else {
            emit(boost::get<ast::expression>(p));
        }
    }

    void emit_call(const ast::identifier& name, const std::vector<ast::expression>& arguments) {
        const auto f = find_function(name.name);
        if (!f) fail(name.offset, "unknown function \"" + name.name + "\"");
        const auto count = static_cast<int>(arguments.size());
        if (count != f->arity) {
            fail(name.offset, "expected " + std::to_string(f->arity) +
                                  (f->arity == 1 ? " argument" : " arguments") + " to \"" + name.name +
                                  "\", got " + std::to_string(count));
        }
        emit(arguments[0]);
        if (f->op == Op::Pow) return emit_exponent(arguments[1], bare_literal(arguments[1]));
        push(f->op);
        if (f->then) push(*f->then);
    }

    // A declared variable wins over a named constant, so a table may use `e` as a variable.
    void emit_name(const ast::identifier& name) {
        auto& names = variables_.names;
        const auto it = std::find(names.begin(), names.end(), name.name);
        if (it != names.end()) {
            nodes_.push_back(Node::variable(static_cast<std::uint32_t>(it - names.begin())));
        } else if (name.name == "pi") {
            push(Op::Pi);
        } else if (name.name == "e" || name.name == "E") {  // E is sympy's spelling
            push(Op::Euler);
        } else if (!variables_.open) {
            fail(name.offset, "unknown variable \"" + name.name + "\"");
        } else if (find_function(name.name)) {
            fail(name.offset + name.name.size(), "expected '(' after function \"" + name.name + "\"");
        } else {
            nodes_.push_back(Node::variable(static_cast<std::uint32_t>(names.size())));
            names.push_back(name.name);
        }
    }

    double value(const ast::number& n) const {
        double v = 0.0;
        const auto* end = n.text.data() + n.text.size();
        const auto [ptr, ec] = std::from_chars(n.text.data(), end, v);
        if (ec != std::errc{} || ptr != end || !std::isfinite(v)) fail(n.offset, "number out of range");
        return v;
    }

    void push(Op op) { nodes_.push_back(Node::function(op)); }

    [[noreturn]] void fail(std::size_t offset, const std::string& what) const { throw_at(text_, offset, what); }

    std::string_view text_;
    VariableTable& variables_;
    std::vector<Node> nodes_;
};

}  // namespace

Tree lower(const ast::expression& root, std::string_view text, VariableTable& variables) {
    Lowering lowering(text, variables);
    lowering.emit(root);
    auto nodes = lowering.take();
    // Node::size is 16 bits; a longer formula could not be represented.
    if (nodes.size() > std::numeric_limits<std::uint16_t>::max()) throw_at(text, 0, "formula too long");
    return Tree(std::move(nodes));
}

}  // namespace occam::grammar
