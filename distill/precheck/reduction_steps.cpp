#include "reduction.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "occam/dimensional_analysis.hpp"
#include "occam/dimensionless_problem.hpp"
#include "occam/interpreter.hpp"
#include "occam/substitute.hpp"
#include "occam/symmetry_checks.hpp"
#include "power_product.hpp"

namespace occam::detail {
namespace {

Tree pair_tree(PairSymmetry kind, std::uint32_t i, std::uint32_t j) {
    static constexpr Op ops[] = {Op::Sub, Op::Div, Op::Mul, Op::Add};  // in PairSymmetry order
    return Tree({Node::variable(i), Node::variable(j), Node::function(ops[static_cast<int>(kind)])});
}

// The units after a difference or sum of two inputs in the same units: the new input (in place of
// the pair's first) keeps them; reduction is still the problem before the step.
UnitsTable units_after_sum(const UnitsTable& units, const Reduction& reduction, const PairSymmetryVerdict& pair,
                           const std::vector<std::string>& names) {
    UnitsTable after(units.base_units(), units.source());
    std::size_t name = 0;
    for (std::size_t k = 0; k < reduction.inputs.size(); ++k)
        if (k != pair.second) after.add(names[name++], units.require(reduction.inputs[k]));
    after.add(reduction.target, units.require(reduction.target));
    return after;
}

}  // namespace

Problem Reduction::problem(const SplitOptions& split) const {
    if (weights.size() == 0) return Problem(data, target, inputs, split);
    const std::string weight_name = fresh_name(*this, "w");
    std::vector<std::string> names = data.names();
    names.push_back(weight_name);
    Eigen::ArrayXXd values(data.rows(), data.cols() + 1);
    values << data.values(), weights;
    return Problem(Dataset(std::move(names), std::move(values)), target, inputs, split, weight_name);
}

const JudgedOracle& current_oracle(const PrecheckOptions& prechecks, Reduction& reduction) {
    if (!reduction.oracle) reduction.oracle = prechecks.oracle(reduction.data, reduction.inputs, reduction.target);
    return *reduction.oracle;
}

std::string fresh_name(const Reduction& reduction, std::string_view prefix) {
    for (std::size_t n = reduction.back.size() + 1;; ++n) {
        std::string name = fmt::format("{}{}", prefix, n);
        if (name != reduction.target && std::find(reduction.inputs.begin(), reduction.inputs.end(), name) == reduction.inputs.end())
            return name;
    }
}

Dataset columns_of(const Dataset& data, const std::vector<std::string>& names) {
    return Dataset(names, data.columns(names, "the data"));
}

UnitsTable units_of(const UnitsTable& table, const std::vector<std::string>& names) {
    UnitsTable units(table.base_units(), table.source());
    for (const auto& name : names) units.add(name, table.require(name));
    return units;
}

void apply_units(Reduction& reduction, std::vector<PrecheckStep>& steps) {
    if (!reduction.units) return;
    const UnitsTable units = std::move(*reduction.units);
    reduction.units.reset();  // only the steps before dimensional analysis need them
    const DimensionalAnalysis analysis = analyze_dimensions(
        units, reduction.inputs, reduction.target,
        columns_reaching_zero(reduction.data.values().leftCols(static_cast<Eigen::Index>(reduction.inputs.size()))));
    if (!analysis.form) {
        steps.push_back({StepKind::units, "dimensional analysis skipped: " + analysis.warning});
        return;
    }
    const DimensionlessForm& form = *analysis.form;
    steps.push_back({StepKind::units, "dimensional analysis: " + form.description()});
    if (form.variables_removed() == 0) return;
    std::vector<std::string> columns = form.group_names();
    columns.push_back(form.target_name);
    reduction.data = columns_of(to_dimensionless(reduction.data, form), columns);
    reduction.inputs = form.group_names();
    reduction.target = form.target_name;
    reduction.back.push_back([form](const Tree& g) { return from_dimensionless(g, form); });
    reduction.changed = true;
    reduction.oracle.reset();
}

bool apply_pair_symmetry(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<PrecheckStep>& steps,
                         std::uint64_t seed, const PairFilter& allowed, std::string_view looked_for) {
    if (reduction.inputs.size() < 2) return false;
    const JudgedOracle& oracle = current_oracle(prechecks, reduction);
    const auto inputs = static_cast<Eigen::Index>(reduction.inputs.size());
    const CheckSettings settings = oracle.settings(prechecks.symmetry_points, seed);
    const auto verdicts = check_pair_symmetries(oracle.f, reduction.data.values().leftCols(inputs), settings);
    const PairSymmetryVerdict* best = nullptr;
    for (const auto& v : verdicts)
        if (v.evidence.accepted() && (!allowed || allowed(v.kind, v.first, v.second)) &&
            (!best || v.evidence.error < best->evidence.error))
            best = &v;
    if (!best) {
        steps.push_back({StepKind::no_pair_symmetry, fmt::format("no {} among {} ({} tested; oracle: {})", looked_for, fmt::join(reduction.inputs, ", "),
                                    verdicts.size(), oracle.description)});
        return false;
    }
    const std::string& a = reduction.inputs[best->first];
    const std::string& b = reduction.inputs[best->second];
    const std::string name = fresh_name(reduction, "u");
    steps.push_back({StepKind::pair_symmetry, fmt::format("pair symmetry: {} depends on {} only through {} = {} (error {:.2g} <= threshold {:.2g}; oracle: {})",
                                reduction.target, fmt::format("{}, {}", a, b), name, describe(*best, a, b), best->evidence.error,
                                best->evidence.threshold, oracle.description)});
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
    // a homogeneous pair: f = b^k g(a/b, ...), and g is the new target
    std::vector<Rational> factor_exponents(reduction.inputs.size(), Rational(0));
    std::string target = reduction.target;
    if (best->degree != 0) {
        factor_exponents[best->second] = Rational(static_cast<long long>(2 * best->degree), 2);
        values.col(column) /= reduction.data.values().col(static_cast<Eigen::Index>(best->second)).pow(best->degree);
        target = fresh_name(reduction, "f");
        const std::string power = std::abs(best->degree) == 1 ? b : fmt::format("{}^{}", b, std::abs(best->degree));
        steps.push_back({StepKind::target_changed, fmt::format("the target becomes {} = {}{}{}", target, reduction.target,
                                    best->degree > 0 ? "/" : "*", power)});
    }
    // units are kept only through the same-unit sums and differences that come before dimensional
    // analysis; any other step (a product has other units) leaves them unknown
    const bool additive = best->kind == PairSymmetry::difference || best->kind == PairSymmetry::sum;
    if (reduction.units && additive) reduction.units = units_after_sum(*reduction.units, reduction, *best, names);
    else reduction.units.reset();
    reduction.target = target;
    const Tree factor = power_product(factor_exponents);
    std::vector<std::string> all = names;
    all.push_back(reduction.target);
    reduction.data = Dataset(all, std::move(values));
    reduction.inputs = names;
    reduction.back.push_back([replacements, factor](const Tree& g) {
        Tree original = substitute_variables(g, replacements);
        if (factor.length() == 1 && factor[0].op == Op::Number) return original;  // the factor 1
        std::vector<Node> nodes(original.nodes().begin(), original.nodes().end());
        nodes.insert(nodes.end(), factor.nodes().begin(), factor.nodes().end());
        nodes.push_back(Node::function(Op::Mul));
        return Tree(std::move(nodes));
    });
    reduction.changed = true;
    reduction.oracle.reset();
    return true;
}

}  // namespace occam::detail
