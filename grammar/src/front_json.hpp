#pragma once
// The pieces of a front's text that the residual model's text reuses.
#include <nlohmann/json.hpp>
#include <string>

#include "occam/search.hpp"

namespace occam {

std::string front_table(const Front& front);
nlohmann::json front_to_json(const Front& front);

}  // namespace occam
