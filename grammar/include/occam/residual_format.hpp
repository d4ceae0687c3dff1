#pragma once
// A residual search as text: each round's front and chosen formula, then the summed model (table);
// the same as one JSON document; or the model alone in sympy, LaTeX or C syntax.
#include <string>

#include "occam/front_format.hpp"
#include "occam/residual_search.hpp"

namespace occam {

std::string format_residual_model(const ResidualModel& model, FrontFormat format);

}  // namespace occam
