#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "occam/dimensional_analysis.hpp"

namespace occam {

bool DimensionlessForm::has_prefactor() const {
    return std::any_of(prefactor.begin(), prefactor.end(), [](const Rational& e) { return !e.is_zero(); });
}

std::vector<std::string> DimensionlessForm::group_names() const {
    std::vector<std::string> names;
    for (const auto& group : groups) names.push_back(group.name);
    return names;
}

std::string DimensionlessForm::description() const {
    std::string left = target;
    if (has_prefactor()) {
        // a single factor reads without parentheses: m/m_0, but F/(q1^2/(epsilon*r^2))
        const bool simple = prefactor_tree.length() == 1 ||
                            (prefactor_tree.length() == 2 && prefactor_tree[1].op != Op::Inv);
        left += simple ? "/" + prefactor_text : "/(" + prefactor_text + ")";
    }
    if (groups.empty()) return left + " is a constant";
    std::vector<std::string> definitions;
    for (const auto& group : groups) definitions.push_back(group.name + " = " + group.text);
    return fmt::format("{} = g({}) with {}", left, fmt::join(group_names(), ", "), fmt::join(definitions, ", "));
}

}  // namespace occam
