#include "relative_errors.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "occam/canonical_form.hpp"
#include "occam/constant_uncertainty.hpp"
#include "occam/simplify.hpp"

namespace occam::detail {
namespace {

// sign*exp(g), or log(sign*f): the formula appended with one or two nodes
Tree with_nodes(const Tree& formula, std::initializer_list<Op> ops) {
    std::vector<Node> nodes(formula.nodes().begin(), formula.nodes().end());
    for (Op op : ops) nodes.push_back(Node::function(op));
    return Tree(std::move(nodes));
}

Tree exp_of(const Tree& g, double sign) {
    return sign > 0 ? with_nodes(g, {Op::Exp}) : with_nodes(g, {Op::Exp, Op::Neg});
}

Tree log_of(const Tree& f, double sign) { return sign > 0 ? with_nodes(f, {Op::Log}) : with_nodes(f, {Op::Neg, Op::Log}); }

}  // namespace

Dataset with_log_target(const Dataset& data, const Problem& problem) {
    Eigen::ArrayXXd values = data.values();
    const auto target = static_cast<Eigen::Index>(data.require(problem.target_name(), "the data"));
    values.col(target) = values.col(target).abs().log();
    return {data.names(), std::move(values)};
}

Problem log_problem(const Dataset& log_data, const Problem& problem) {
    return {log_data, problem.target_name(), problem.input_names(), problem.split(), problem.weight_name()};
}

Front in_target_scale(const Front& log_front, const Problem& log_problem, const LogScale& scale) {
    const Eigen::ArrayXXd& rows = log_problem.train_inputs();
    std::vector<std::pair<FrontEntry, bool>> mapped;  // each entry, and whether it was the recommended one
    for (std::size_t i = 0; i < log_front.entries.size(); ++i) {
        FrontEntry entry = log_front.entries[i];
        entry.formula = canonical_form(simplify(exp_of(entry.formula, scale.sign)), rows);
        entry.complexity = entry.formula.complexity();
        entry.constants = entry.formula.constant_count();
        entry.constant_errors = standard_errors(log_of(entry.formula, scale.sign), rows, log_problem.train_target(),
                                                log_problem.train_weights())
                                    .value_or(std::vector<double>{});
        mapped.emplace_back(std::move(entry), i == log_front.recommended);
    }
    // The mapping changes complexities: the front is again ascending in complexity and strictly
    // falling in loss. Of two formulas now equally complex, the recommended one stays (the logs'
    // front chose it, snapped exponent and all, over a longer fitted form that a power now hides);
    // a recommended formula that a simpler one fits at least as well hands it on to that one.
    std::stable_sort(mapped.begin(), mapped.end(), [](const auto& a, const auto& b) {
        if (a.first.complexity != b.first.complexity) return a.first.complexity < b.first.complexity;
        if (a.second != b.second) return a.second;
        return a.first.validation_loss < b.first.validation_loss;
    });
    Front front = log_front;
    front.log_scale = scale;
    front.entries.clear();
    front.recommended = 0;
    for (auto& [entry, recommended] : mapped) {
        const bool earns = front.entries.empty() || (entry.complexity > front.entries.back().complexity &&
                                                     entry.validation_loss < front.entries.back().validation_loss);
        if (earns) front.entries.push_back(std::move(entry));
        if (recommended) front.recommended = front.entries.size() - 1;
    }
    return front;
}

}  // namespace occam::detail
