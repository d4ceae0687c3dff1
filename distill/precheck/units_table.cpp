#include <fmt/format.h>

#include "occam/error.hpp"
#include "occam/units.hpp"

namespace occam {

bool is_dimensionless(const Dimension& dimension) {
    for (const Rational& exponent : dimension)
        if (!exponent.is_zero()) return false;
    return true;
}

UnitsTable::UnitsTable(std::vector<std::string> base_units, std::string source)
    : base_units_(std::move(base_units)), source_(std::move(source)) {}

void UnitsTable::add(std::string variable, Dimension dimension, std::string quantity) {
    if (dimension.size() != base_units_.size())
        throw input_error(fmt::format("{}: variable \"{}\" has {} unit exponents, the table has {} base units",
                                      source_, variable, dimension.size(), base_units_.size()));
    if (find(variable) != nullptr)
        throw input_error(fmt::format("{}: duplicate variable \"{}\"", source_, variable));
    entries_.emplace(std::move(variable), Entry{std::move(dimension), std::move(quantity)});
}

const Dimension* UnitsTable::find(std::string_view variable) const {
    const auto it = entries_.find(variable);
    return it == entries_.end() ? nullptr : &it->second.dimension;
}

const Dimension& UnitsTable::require(std::string_view variable) const {
    if (const Dimension* dimension = find(variable)) return *dimension;
    throw input_error(fmt::format("{}: no units for variable \"{}\"", source_.empty() ? "units table" : source_,
                                  variable));
}

std::string UnitsTable::text(const Dimension& dimension) const {
    std::string result;
    for (std::size_t b = 0; b < dimension.size() && b < base_units_.size(); ++b) {
        if (dimension[b].is_zero()) continue;
        if (!result.empty()) result += ' ';
        result += base_units_[b];
        if (dimension[b] != 1) result += "^" + to_string(dimension[b]);
    }
    return result.empty() ? "dimensionless" : result;
}

}  // namespace occam
