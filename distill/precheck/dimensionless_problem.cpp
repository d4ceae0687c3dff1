#include "occam/dimensionless_problem.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/substitute.hpp"

namespace occam {
namespace {

// The formula on every row of inputs, or input_error naming the first row where it is not finite.
Eigen::ArrayXd evaluate_checked(const Tree& formula, const Eigen::ArrayXXd& inputs, std::string_view what) {
    Eigen::ArrayXd values(inputs.rows());
    Interpreter interpreter;
    if (interpreter.evaluate(formula, inputs, values)) return values;
    // The interpreter stops at the first bad block; the reference evaluator finds the row.
    std::vector<double> row(static_cast<std::size_t>(inputs.cols()));
    for (Eigen::Index r = 0; r < inputs.rows(); ++r) {
        for (Eigen::Index c = 0; c < inputs.cols(); ++c) row[static_cast<std::size_t>(c)] = inputs(r, c);
        const double value = evaluate_scalar(formula, row);
        if (!std::isfinite(value))
            throw input_error(fmt::format("data row {}: {} is {} (dimensional analysis needs it finite)", r + 1, what, value));
    }
    throw input_error(fmt::format("{} is not finite on the data", what));
}

}  // namespace

Dataset to_dimensionless(const Dataset& data, const DimensionlessForm& form) {
    const Eigen::ArrayXXd inputs = data.columns(form.inputs, "the data");
    const Eigen::ArrayXd target = data.values().col(static_cast<Eigen::Index>(data.require(form.target, "the data")));

    const auto groups = static_cast<Eigen::Index>(form.groups.size());
    Eigen::ArrayXXd values(data.rows(), groups + 1);
    std::vector<std::string> names;
    for (Eigen::Index j = 0; j < groups; ++j) {
        const auto& group = form.groups[static_cast<std::size_t>(j)];
        values.col(j) = evaluate_checked(group.tree, inputs, group.name + " = " + group.text);
        names.push_back(group.name);
    }
    // a zero prefactor (or a non-finite target) shows only in the quotient
    values.col(groups) = target / evaluate_checked(form.prefactor_tree, inputs, "the prefactor " + form.prefactor_text);
    for (Eigen::Index r = 0; r < data.rows(); ++r) {
        if (!std::isfinite(values(r, groups)))
            throw input_error(fmt::format("data row {}: {} = {} is {} (dimensional analysis needs it finite)", r + 1,
                                          form.target_name, form.target_text, values(r, groups)));
    }
    names.push_back(form.target_name);
    return Dataset(std::move(names), std::move(values));
}

Problem dimensionless_problem(const Dataset& data, const DimensionlessForm& form, const SplitOptions& split) {
    if (form.groups.empty())
        throw input_error(fmt::format("dimensional analysis leaves no input: {}; fit that constant instead of searching",
                                      form.description()));
    return Problem(to_dimensionless(data, form), form.target_name, form.group_names(), split);
}

Tree from_dimensionless(const Tree& formula, const DimensionlessForm& form) {
    std::vector<Tree> groups;
    for (const auto& group : form.groups) groups.push_back(group.tree);
    Tree law = substitute_variables(formula, groups);
    if (!form.has_prefactor()) return law;
    std::vector<Node> nodes(form.prefactor_tree.nodes().begin(), form.prefactor_tree.nodes().end());
    nodes.insert(nodes.end(), law.nodes().begin(), law.nodes().end());
    nodes.push_back(Node::function(Op::Mul));
    return Tree(std::move(nodes));
}

}  // namespace occam
