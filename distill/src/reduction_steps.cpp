#include "reduction.hpp"

#include <fmt/format.h>

#include "occam/dimensional_analysis.hpp"
#include "occam/dimensionless_problem.hpp"
#include "occam/interpreter.hpp"
#include "occam/substitute.hpp"
#include "occam/symmetry_checks.hpp"

namespace occam::detail {
namespace {

Tree pair_tree(PairSymmetry kind, std::uint32_t i, std::uint32_t j) {
    static constexpr Op ops[] = {Op::Sub, Op::Div, Op::Mul, Op::Add};  // in PairSymmetry order
    return Tree({Node::variable(i), Node::variable(j), Node::function(ops[static_cast<int>(kind)])});
}

}  // namespace

Dataset columns_of(const Dataset& data, const std::vector<std::string>& names) {
    return Dataset(names, data.columns(names, "the data"));
}

void apply_units(const UnitsTable& units, const Problem& problem, Reduction& reduction, std::vector<std::string>& steps) {
    const DimensionalAnalysis analysis = analyze_dimensions(units, problem);
    if (!analysis.form) {
        steps.push_back("dimensional analysis skipped: " + analysis.warning);
        return;
    }
    const DimensionlessForm& form = *analysis.form;
    steps.push_back("dimensional analysis: " + form.description());
    if (form.variables_removed() == 0) return;
    std::vector<std::string> columns = form.group_names();
    columns.push_back(form.target_name);
    reduction.data = columns_of(to_dimensionless(reduction.data, form), columns);
    reduction.inputs = form.group_names();
    reduction.target = form.target_name;
    reduction.back.push_back([form](const Tree& g) { return from_dimensionless(g, form); });
    reduction.changed = true;
}

bool apply_pair_symmetry(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<std::string>& steps,
                         std::uint64_t seed) {
    if (reduction.inputs.size() < 2) return false;
    const JudgedOracle oracle = prechecks.oracle(reduction.data, reduction.inputs, reduction.target);
    const auto inputs = static_cast<Eigen::Index>(reduction.inputs.size());
    const CheckSettings settings{.threshold = oracle.threshold, .points = prechecks.symmetry_points, .seed = seed};
    const auto verdicts = check_pair_symmetries(oracle.f, reduction.data.values().leftCols(inputs), settings);
    const PairSymmetryVerdict* best = nullptr;
    for (const auto& v : verdicts)
        if (v.evidence.accepted() && (!best || v.evidence.error < best->evidence.error)) best = &v;
    if (!best) {
        steps.push_back(fmt::format("no pair symmetry among {} ({} tested; oracle: {})", fmt::join(reduction.inputs, ", "),
                                    verdicts.size(), oracle.description));
        return false;
    }
    const std::string& a = reduction.inputs[best->first];
    const std::string& b = reduction.inputs[best->second];
    const std::string name = fmt::format("u{}", reduction.back.size() + 1);
    steps.push_back(fmt::format("pair symmetry: f depends on {} only through {} = {} (error {:.2g} <= threshold {:.2g}; oracle: {})",
                                fmt::format("{}, {}", a, b), name, describe(best->kind, a, b), best->evidence.error,
                                best->evidence.threshold, oracle.description));
    // the new inputs: the pair's combination in place of the first, the others as they were
    std::vector<Tree> replacements;  // new variable k as a tree over the old variables
    std::vector<std::string> names;
    Eigen::ArrayXXd values(reduction.data.rows(), inputs);  // inputs - 1 columns, then the target
    Interpreter interpreter;
    Eigen::Index column = 0;
    for (std::size_t k = 0; k < reduction.inputs.size(); ++k) {
        if (k == best->second) continue;
        Tree tree = k == best->first ? pair_tree(best->kind, static_cast<std::uint32_t>(best->first),
                                                 static_cast<std::uint32_t>(best->second))
                                     : Tree({Node::variable(static_cast<std::uint32_t>(k))});
        Eigen::ArrayXd out(reduction.data.rows());
        interpreter.evaluate(tree, reduction.data.values(), out);
        values.col(column++) = out;
        names.push_back(k == best->first ? name : reduction.inputs[k]);
        replacements.push_back(std::move(tree));
    }
    values.col(column) = reduction.data.values().col(inputs);
    std::vector<std::string> all = names;
    all.push_back(reduction.target);
    reduction.data = Dataset(all, std::move(values));
    reduction.inputs = names;
    reduction.back.push_back([replacements](const Tree& g) { return substitute_variables(g, replacements); });
    reduction.changed = true;
    return true;
}

}  // namespace occam::detail
