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

// One line of a running search's progress (elapsed time, generations, evaluations and their rate,
// best loss, front size), without a line end: front ends redraw it in place.
std::string progress_text(const Progress& progress);

}  // namespace occam
