#include "occam/dataset.hpp"

#include "occam/error.hpp"

#include <fmt/format.h>

#include <unordered_set>
#include <utility>

namespace occam {

Dataset::Dataset(std::vector<std::string> names, Eigen::ArrayXXd values)
    : names_(std::move(names)), values_(std::move(values)) {
    if (static_cast<Eigen::Index>(names_.size()) != values_.cols()) {
        throw input_error(fmt::format("dataset has {} column names for {} columns of values",
                                      names_.size(), values_.cols()));
    }
    std::unordered_set<std::string_view> seen;
    for (const auto& name : names_) {
        if (!seen.insert(name).second) {
            throw input_error(fmt::format("duplicate column name \"{}\"", name));
        }
    }
}

std::optional<std::size_t> Dataset::find(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
        if (names_[i] == name) return i;
    }
    return std::nullopt;
}

Eigen::ArrayXXd Dataset::columns(std::span<const std::string> names, std::string_view source) const {
    Eigen::ArrayXXd selected(rows(), static_cast<Eigen::Index>(names.size()));
    for (std::size_t c = 0; c < names.size(); ++c)
        selected.col(static_cast<Eigen::Index>(c)) = values_.col(static_cast<Eigen::Index>(require(names[c], source)));
    return selected;
}

std::size_t Dataset::require(std::string_view name, std::string_view source) const {
    if (auto index = find(name)) return *index;
    // Listing the columns lets the user spot a typo without opening the file.
    std::string where = source.empty() ? std::string() : fmt::format(" in {}", source);
    throw input_error(fmt::format("unknown target \"{}\"{}; columns are: {}", name, where,
                                  fmt::join(names_, ", ")));
}

}  // namespace occam
