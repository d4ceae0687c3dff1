#pragma once
// The pre-checks' working state: the problem as it stands after the changes of variables so far,
// and the steps that change it (reduction_steps.cpp). Internal to distill/.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/precheck.hpp"
#include "occam/problem.hpp"
#include "occam/tree.hpp"
#include "occam/units.hpp"

namespace occam::detail {

// The problem as it stands after the changes of variables so far: its data (inputs, then the
// target) and how to carry a formula over its inputs back to the original ones.
struct Reduction {
    Dataset data;
    std::vector<std::string> inputs;
    std::string target;
    std::vector<std::function<Tree(const Tree&)>> back = {};  // applied last to first
    bool changed = false;
    std::optional<UnitsTable> units = {};  // of the current inputs and target, until dimensional analysis
    std::optional<JudgedOracle> oracle = {};  // asked about the problem as it stands; reset by every change
    std::optional<SeparabilityVerdict> split = {};  // of the problem as it stands, once no other change applies
    Eigen::ArrayXd weights = {};  // per row of data when the problem is weighted, else empty: no step moves rows

    // The problem as it stands, weighted like the original.
    Problem problem(const SplitOptions& split) const;

    Tree to_original(Tree formula) const {
        for (auto step = back.rbegin(); step != back.rend(); ++step) formula = (*step)(formula);
        return formula;
    }
};

// The oracle of the problem as it stands, made at its first question: one per problem state, as
// a surrogate is costly.
const JudgedOracle& current_oracle(const PrecheckOptions& prechecks, Reduction& reduction);

// A variable name, prefix followed by a number, that is neither an input nor the target yet.
std::string fresh_name(const Reduction& reduction, std::string_view prefix);

// The named columns of data, in that order.
Dataset columns_of(const Dataset& data, const std::vector<std::string>& names);

// The units of names only, from table: input_error for a name it lacks.
UnitsTable units_of(const UnitsTable& table, const std::vector<std::string>& names);

// Dimensional analysis of reduction.units: the dimensionless problem in place of the current one
// when it removes inputs.
void apply_units(Reduction& reduction, std::vector<PrecheckStep>& steps);

// Which pair symmetries a step may use (all when empty).
using PairFilter = std::function<bool(PairSymmetry kind, std::size_t first, std::size_t second)>;

// Replaces the pair of the strongest symmetry the oracle confirms by one input; false when none
// holds. looked_for names what allowed admits, for the report.
bool apply_pair_symmetry(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<PrecheckStep>& steps,
                         std::uint64_t seed, const PairFilter& allowed = {},
                         std::string_view looked_for = "pair symmetry");

}  // namespace occam::detail
