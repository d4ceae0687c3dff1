#pragma once
// A recursive form of an expression, private to the engine. Rewrite rules match and build small
// patterns ("neg(neg(x))", "c1*x + c2*x"), which is awkward on postfix ranges and easy on a node that
// owns its children. Converting in and out is linear, and trees are short.
#include <cstdint>
#include <vector>

#include "occam/tree.hpp"

namespace occam::detail {

struct Expr {
    Op op = Op::Number;
    std::uint32_t index = 0;  // variable column
    double value = 0.0;       // Constant and Number
    std::vector<Expr> children;  // left to right

    static Expr number(double v) { return {Op::Number, 0, v, {}}; }
    static Expr constant(double v) { return {Op::Constant, 0, v, {}}; }
    static Expr unary(Op op, Expr x) {
        Expr e{op, 0, 0.0, {}};
        e.children.push_back(std::move(x));
        return e;
    }
    static Expr binary(Op op, Expr left, Expr right) {
        Expr e{op, 0, 0.0, {}};
        e.children.reserve(2);
        e.children.push_back(std::move(left));
        e.children.push_back(std::move(right));
        return e;
    }

    bool is(Op kind) const { return op == kind; }
    bool is_number(double v) const { return op == Op::Number && value == v; }
    const Expr& left() const { return children[0]; }
    const Expr& right() const { return children[1]; }
    const Expr& only() const { return children[0]; }
};

inline Expr to_expr(const Tree& tree, std::size_t i) {
    const Node& node = tree[i];
    Expr e{node.op, node.index, node.value, {}};
    if (arity(node.op) == 2) {
        e.children.push_back(to_expr(tree, tree.left_child(i)));
        e.children.push_back(to_expr(tree, i - 1));
    } else if (arity(node.op) == 1) {
        e.children.push_back(to_expr(tree, i - 1));
    }
    return e;
}

inline void append_postfix(const Expr& e, std::vector<Node>& out) {
    for (const auto& child : e.children) append_postfix(child, out);
    out.push_back({e.op, 1, e.index, e.value});
}

inline Tree to_tree(const Expr& e) {
    std::vector<Node> nodes;
    append_postfix(e, nodes);
    return Tree(std::move(nodes));  // recomputes subtree sizes
}

inline std::size_t node_count(const Expr& e) {
    std::size_t n = 1;
    for (const auto& child : e.children) n += node_count(child);
    return n;
}

// Same operators, same variables, same values: the two evaluate identically everywhere.
inline bool same(const Expr& a, const Expr& b) {
    if (a.op != b.op || a.children.size() != b.children.size()) return false;
    if (a.op == Op::Variable && a.index != b.index) return false;
    if ((a.op == Op::Number || a.op == Op::Constant) && a.value != b.value) return false;
    for (std::size_t k = 0; k < a.children.size(); ++k) {
        if (!same(a.children[k], b.children[k])) return false;
    }
    return true;
}

// What a subtree's leaves are: only exact values (Number, pi, e), some fittable constants and
// otherwise exact values, or anything that depends on a variable.
enum class Leaves { Exact, Fittable, Varying };

inline Leaves leaves_of(const Expr& e) {
    switch (e.op) {
        case Op::Number:
        case Op::Pi:
        case Op::Euler: return Leaves::Exact;
        case Op::Constant: return Leaves::Fittable;
        case Op::Variable: return Leaves::Varying;
        default: break;
    }
    Leaves result = Leaves::Exact;
    for (const auto& child : e.children) {
        const Leaves kind = leaves_of(child);
        if (kind == Leaves::Varying) return Leaves::Varying;
        if (kind == Leaves::Fittable) result = Leaves::Fittable;
    }
    return result;
}

inline bool is_constant(const Expr& e) { return leaves_of(e) != Leaves::Varying; }

}  // namespace occam::detail
