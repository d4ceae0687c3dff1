#pragma once
// The pre-checks' working state: the problem as it stands after the changes of variables so far,
// and the steps that change it (reduction_steps.cpp). Internal to distill/.
#include <functional>
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
    std::vector<std::function<Tree(const Tree&)>> back;  // applied last to first
    bool changed = false;

    Tree to_original(Tree formula) const {
        for (auto step = back.rbegin(); step != back.rend(); ++step) formula = (*step)(formula);
        return formula;
    }
};

// The named columns of data, in that order.
Dataset columns_of(const Dataset& data, const std::vector<std::string>& names);

// Dimensional analysis: the dimensionless problem in place of the original when it removes inputs.
void apply_units(const UnitsTable& units, const Problem& problem, Reduction& reduction, std::vector<std::string>& steps);

// Replaces the pair of the strongest symmetry the oracle confirms by one input; false when none holds.
bool apply_pair_symmetry(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<std::string>& steps,
                         std::uint64_t seed);

}  // namespace occam::detail
