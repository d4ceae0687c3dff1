#include "occam/dimensional_analysis.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "exact_linear_algebra.hpp"
#include "occam/error.hpp"
#include "occam/print.hpp"
#include "power_product.hpp"
#include "simplest_exponents.hpp"

namespace occam {
namespace {

// base units x inputs: column i holds the exponents of inputs[i]
detail::RationalMatrix units_matrix(const UnitsTable& units, std::span<const std::string> inputs) {
    detail::RationalMatrix matrix(units.base_units().size(), inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Dimension& dimension = units.require(inputs[i]);
        for (std::size_t b = 0; b < dimension.size(); ++b) matrix(b, i) = dimension[b];
    }
    return matrix;
}

std::string cannot_build_warning(const UnitsTable& units, std::span<const std::string> inputs,
                                 std::string_view target) {
    std::vector<std::string> listed;
    for (const auto& input : inputs) listed.push_back(fmt::format("{} [{}]", input, units.text(units.require(input))));
    return fmt::format("dimensional analysis skipped: the units of {} [{}] cannot be built from those of the inputs ({})",
                       target, units.text(units.require(target)), fmt::join(listed, ", "));
}

DimensionlessGroup make_group(std::size_t index, const detail::RationalVector& exponents,
                              std::span<const std::string> inputs) {
    DimensionlessGroup group;
    group.name = fmt::format("pi{}", index + 1);
    for (const Rational& e : exponents) group.exponents.push_back(e.numerator());  // integers by construction
    group.tree = detail::power_product(exponents);
    group.text = to_infix(group.tree, inputs);
    return group;
}

// target / prefactor as one product over the target and the inputs, so that it reads m/m_0 or k*d
std::string dimensionless_target_text(const DimensionlessForm& form) {
    std::vector<Rational> exponents{1};
    for (const Rational& e : form.prefactor) exponents.push_back(-e);
    std::vector<std::string> names{form.target};
    names.insert(names.end(), form.inputs.begin(), form.inputs.end());
    return to_infix(detail::power_product(exponents), names);
}

}  // namespace

DimensionalAnalysis analyze_dimensions(const UnitsTable& units, std::span<const std::string> inputs,
                                       std::string_view target, const std::vector<bool>& reaches_zero) {
    const detail::RationalMatrix matrix = units_matrix(units, inputs);
    const Dimension& target_dimension = units.require(target);
    const auto prefactor = detail::simplest_solution(matrix, target_dimension, reaches_zero);
    if (!prefactor) return {std::nullopt, cannot_build_warning(units, inputs, target)};

    DimensionlessForm form;
    form.inputs.assign(inputs.begin(), inputs.end());
    form.target = target;
    form.prefactor = *prefactor;
    form.prefactor_tree = detail::power_product(form.prefactor);
    form.prefactor_text = to_infix(form.prefactor_tree, inputs);
    form.target_text = dimensionless_target_text(form);
    const auto basis = detail::simplest_null_basis(matrix, reaches_zero);
    for (std::size_t j = 0; j < basis.size(); ++j) form.groups.push_back(make_group(j, basis[j], inputs));
    return {std::move(form), {}};
}

DimensionalAnalysis analyze_dimensions(const UnitsTable& units, const Problem& problem) {
    Eigen::ArrayXXd inputs(problem.train_inputs().rows() + problem.validation_inputs().rows(), problem.train_inputs().cols());
    inputs << problem.train_inputs(), problem.validation_inputs();
    return analyze_dimensions(units, problem.input_names(), problem.target_name(), columns_reaching_zero(inputs));
}

std::vector<bool> columns_reaching_zero(const Eigen::ArrayXXd& columns) {
    std::vector<bool> flags;
    for (Eigen::Index c = 0; c < columns.cols(); ++c)
        flags.push_back(columns.rows() > 0 && columns.col(c).minCoeff() <= 0 && columns.col(c).maxCoeff() >= 0);
    return flags;
}

}  // namespace occam
