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
    if (groups.empty()) return target_text + " is a constant";
    std::vector<std::string> definitions;
    for (const auto& group : groups) definitions.push_back(group.name + " = " + group.text);
    return fmt::format("{} = g({}) with {}", target_text, fmt::join(group_names(), ", "), fmt::join(definitions, ", "));
}

}  // namespace occam
