#include "occam/operator_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "occam/error.hpp"
#include "occam/text_table.hpp"

namespace occam {

OperatorSet::OperatorSet(std::vector<Op> ops) : ops_(std::move(ops)) {
    for (Op op : ops_) {
        if (arity(op) == 1) unary_.push_back(op);
        if (arity(op) == 2) binary_.push_back(op);
    }
}

OperatorSet OperatorSet::parse(std::string_view list, std::string_view option, bool needs_binary) {
    std::vector<Op> ops;
    for (const std::string& name : split_list(list, ',')) {
        const auto op = op_from_name(name);
        if (!op || is_leaf(*op))
            throw input_error(fmt::format("{}: unknown operator \"{}\" (known: {})", option, name, known_operator_names()));
        if (std::find(ops.begin(), ops.end(), *op) == ops.end()) ops.push_back(*op);
    }
    if (ops.empty()) throw input_error(fmt::format("{}: the operator set is empty", option));
    if (needs_binary && std::none_of(ops.begin(), ops.end(), [](Op op) { return arity(op) == 2; }))
        throw input_error(fmt::format("{}: at least one binary operator (+ - * / pow) is needed", option));
    return OperatorSet(std::move(ops));
}

std::string known_operator_names() {
    std::string known;
    for (const auto& row : op_table) {
        if (!is_leaf(row.op)) known += (known.empty() ? "" : ",") + std::string(row.name);
    }
    return known;
}

OperatorSet OperatorSet::arithmetic() { return OperatorSet({Op::Add, Op::Sub, Op::Mul, Op::Div}); }

OperatorSet OperatorSet::standard() {
    return OperatorSet({Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Neg, Op::Square, Op::Cube, Op::Sqrt, Op::Exp,
                        Op::Log, Op::Sin, Op::Cos, Op::Asin, Op::Inv});
}

OperatorSet OperatorSet::on_stall() { return OperatorSet({Op::Atan, Op::Tanh, Op::Pow}); }

OperatorSet OperatorSet::joined(const OperatorSet& more) const {
    std::vector<Op> ops = ops_;
    for (Op op : more.all())
        if (!contains(op)) ops.push_back(op);
    return OperatorSet(std::move(ops));
}

std::string OperatorSet::names() const {
    std::string list;
    for (Op op : ops_) list += (list.empty() ? "" : ",") + std::string(info(op).name);
    return list;
}

bool OperatorSet::contains(Op op) const { return std::find(ops_.begin(), ops_.end(), op) != ops_.end(); }

}  // namespace occam
