#include "occam/operator_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "occam/error.hpp"

namespace occam {

OperatorSet::OperatorSet(std::vector<Op> ops) : ops_(std::move(ops)) {
    for (Op op : ops_) {
        if (arity(op) == 1) unary_.push_back(op);
        if (arity(op) == 2) binary_.push_back(op);
    }
}

OperatorSet OperatorSet::parse(std::string_view list) {
    std::vector<Op> ops;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        auto name = list.substr(start, end - start);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        start = end + 1;
        if (name.empty()) continue;
        const auto op = op_from_name(name);
        if (!op || is_leaf(*op)) {
            std::string known;
            for (const auto& row : op_table) {
                if (!is_leaf(row.op)) known += (known.empty() ? "" : ",") + std::string(row.name);
            }
            throw input_error(fmt::format("--ops: unknown operator \"{}\" (known: {})", name, known));
        }
        if (std::find(ops.begin(), ops.end(), *op) == ops.end()) ops.push_back(*op);
    }
    if (ops.empty()) throw input_error("--ops: the operator set is empty");
    if (std::none_of(ops.begin(), ops.end(), [](Op op) { return arity(op) == 2; }))
        throw input_error("--ops: at least one binary operator (+ - * / pow) is needed");
    return OperatorSet(std::move(ops));
}

OperatorSet OperatorSet::arithmetic() { return OperatorSet({Op::Add, Op::Sub, Op::Mul, Op::Div}); }

OperatorSet OperatorSet::standard() {
    return OperatorSet({Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Neg, Op::Square, Op::Cube, Op::Sqrt, Op::Exp,
                        Op::Log, Op::Sin, Op::Cos, Op::Asin, Op::Inv});
}

std::string OperatorSet::names() const {
    std::string list;
    for (Op op : ops_) list += (list.empty() ? "" : ",") + std::string(info(op).name);
    return list;
}

bool OperatorSet::contains(Op op) const { return std::find(ops_.begin(), ops_.end(), op) != ops_.end(); }

}  // namespace occam
