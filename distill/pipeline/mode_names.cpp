#include <fmt/format.h>

#include "occam/error.hpp"
#include "occam/solve.hpp"

namespace occam {

ErrorModel error_model_from_name(std::string_view name, std::string_view option) {
    if (name == "auto") return ErrorModel::automatic;
    if (name == "absolute") return ErrorModel::absolute;
    if (name == "relative") return ErrorModel::relative;
    throw input_error(fmt::format("{} {}: expected auto, absolute or relative", option, name));
}

PrecheckMode precheck_mode_from_name(std::string_view name, std::string_view option) {
    if (name == "auto") return PrecheckMode::automatic;
    if (name == "off") return PrecheckMode::off;
    throw input_error(fmt::format("{} {}: expected auto or off", option, name));
}

}  // namespace occam
