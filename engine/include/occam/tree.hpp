#pragma once
// An expression is a postfix vector of nodes: children come before their parent and every node knows
// the size of its subtree, so a subtree is the contiguous range [i + 1 - size, i + 1).
#include <cstdint>
#include <span>
#include <vector>

#include "occam/operators.hpp"

namespace occam {

struct Node {
    Op op = Op::Number;
    std::uint16_t size = 1;    // nodes in the subtree rooted here, this one included
    std::uint32_t index = 0;   // variable column for Op::Variable
    double value = 0.0;        // value of Op::Constant and Op::Number

    static Node constant(double v) { return {Op::Constant, 1, 0, v}; }
    static Node number(double v) { return {Op::Number, 1, 0, v}; }
    static Node variable(std::uint32_t column) { return {Op::Variable, 1, column, 0.0}; }
    static Node function(Op op) { return {op, 1, 0, 0.0}; }  // size is set by Tree::update_sizes

    friend bool operator==(const Node&, const Node&) = default;
};

class Tree {
public:
    static constexpr std::size_t max_length = 65535;  // Node::size is 16-bit

    Tree() = default;
    explicit Tree(std::vector<Node> nodes) : nodes_(std::move(nodes)) { update_sizes(); }

    std::span<const Node> nodes() const { return nodes_; }
    std::vector<Node>& mutable_nodes() { return nodes_; }  // call update_sizes() after structural edits
    const Node& operator[](std::size_t i) const { return nodes_[i]; }
    Node& operator[](std::size_t i) { return nodes_[i]; }
    std::size_t length() const { return nodes_.size(); }
    bool empty() const { return nodes_.empty(); }
    std::size_t root() const { return nodes_.size() - 1; }

    // Index of the first node of the subtree rooted at i.
    std::size_t subtree_begin(std::size_t i) const { return i + 1 - nodes_[i].size; }
    // Children of node i, left to right (left is the first operand of a binary operator).
    std::size_t right_child(std::size_t i) const { return i - 1; }
    std::size_t left_child(std::size_t i) const {
        return arity(nodes_[i].op) == 1 ? i - 1 : i - 1 - nodes_[i - 1].size;
    }

    void update_sizes();  // input_error for malformed postfix or more than max_length nodes
    std::size_t depth() const;
    int complexity() const;  // sum of the operator table's per-node costs; an exact constant subtree counts 1
    std::size_t constant_count() const;     // fittable constants (Op::Constant)
    std::vector<double> constants() const;  // their values in postfix order
    void set_constants(std::span<const double> values);
    std::uint64_t hash() const;             // structure and values; equal trees hash equal

    friend bool operator==(const Tree&, const Tree&) = default;

private:
    std::vector<Node> nodes_;
};

}  // namespace occam
