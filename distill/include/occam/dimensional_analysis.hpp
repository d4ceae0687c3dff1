#pragma once
// Dimensional analysis (Buckingham pi): a law y = f(x_1..x_n) between quantities with units can
// always be written y = prefactor(x) * g(pi_1, ..., pi_k), where prefactor is a product of powers
// of the inputs with the units of y and the pi_j are dimensionless products of powers of the
// inputs; k = n - rank of the units matrix. Searching for g is searching with fewer variables.
//
//   auto units    = occam::read_units("units.csv");
//   auto analysis = occam::analyze_dimensions(units, problem);    // m from m_0, v, c
//   if (!analysis.form) warn(analysis.warning);                   // units cannot be built: search as is
//   analysis.form->description();  // "m/m_0 = g(pi1) with pi1 = v/c"
//
// dimensionless_problem.hpp turns the data into the dimensionless problem and maps a formula found
// there back to the original variables.
#include <Eigen/Core>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "occam/problem.hpp"
#include "occam/rational.hpp"
#include "occam/tree.hpp"
#include "occam/units.hpp"

namespace occam {

struct DimensionlessGroup {
    std::string name;                  // "pi1", "pi2", ...: its column in the dimensionless data
    std::vector<long long> exponents;  // one per input: the group is prod inputs[i]^exponents[i]
    Tree tree;                         // the same product over the inputs (variable i is inputs[i])
    std::string text;                  // the tree in infix: "v/c"
};

struct DimensionlessForm {
    std::vector<std::string> inputs;  // the original inputs: variable i of every tree here is inputs[i]
    std::string target;               // the original target
    std::string target_name = "pi0";  // the dimensionless target, target / prefactor, in the dimensionless data
    std::string target_text;          // it over the target and the inputs: "m/m_0", "F*epsilon*r^2/q2^2"
    // target / prod inputs[i]^prefactor[i] is dimensionless. Integers whenever any integer choice
    // exists (a length from an area alone needs 1/2); all zero when the target is dimensionless.
    std::vector<Rational> prefactor;
    Tree prefactor_tree;              // that product over the inputs; the number 1 when all exponents are 0
    std::string prefactor_text;       // in infix: "m_0", "1"
    // A basis of the dimensionless products of the inputs; a dimensionless input is a group by itself.
    std::vector<DimensionlessGroup> groups;

    bool has_prefactor() const;  // some exponent is not zero
    std::vector<std::string> group_names() const;
    std::size_t variables_removed() const { return inputs.size() - groups.size(); }
    // One line: "m/m_0 = g(pi1) with pi1 = v/c", "f = g(pi1, pi2) with pi1 = sigma, pi2 = theta",
    // "U/(m*g*z) is a constant" when no group is left.
    std::string description() const;
};

// The outcome of the analysis: a form, or no form and a warning saying why dimensional analysis
// was skipped (the target's units cannot be built from the inputs' units).
struct DimensionalAnalysis {
    std::optional<DimensionlessForm> form;
    std::string warning;  // empty when form is set
};

// The simplest form for target from inputs, with units from the table. input_error naming the
// variable when one of them is missing from the table: a table given explicitly must cover the data.
// The choices that the units leave open favour the simplest exponents: fewest non-zero, then
// smallest; then groups that divide by later inputs (u/c and v/c, not u/v and v/c). Before those
// (after integer exponents for the prefactor), where the units leave a choice, no group or
// prefactor divides by (or takes a root of) an input flagged in reaches_zero (one flag per input,
// or none): omega - omega_0 crossing zero gives t*(omega - omega_0) and p_d*Ef*t/h, not
// p_d*Ef/(h*(omega - omega_0)), whose values blow up. A prefactor that multiplies by a flagged
// input is not avoided (target/prefactor may then blow up where the target does not vanish).
DimensionalAnalysis analyze_dimensions(const UnitsTable& units, std::span<const std::string> inputs,
                                       std::string_view target, const std::vector<bool>& reaches_zero = {});
// With the flags from the problem's data (an input whose values reach or cross zero).
DimensionalAnalysis analyze_dimensions(const UnitsTable& units, const Problem& problem);

// One flag per column: whether its values reach or cross zero.
std::vector<bool> columns_reaching_zero(const Eigen::ArrayXXd& columns);

}  // namespace occam
