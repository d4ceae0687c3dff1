#pragma once
// A search's front as text: a table for people, JSON for programs, or one formula per line in
// sympy, LaTeX or C syntax.
#include <optional>
#include <string>
#include <string_view>

#include "occam/search.hpp"

namespace occam {

enum class FrontFormat { Table, Json, Sympy, Latex, C };

std::optional<FrontFormat> front_format_from_name(std::string_view name);
std::string format_front(const Front& front, FrontFormat format);

}  // namespace occam
