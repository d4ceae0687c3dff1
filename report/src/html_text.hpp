#pragma once
// Text made safe for HTML (element content and attribute values alike).
#include <string>
#include <string_view>

namespace occam::report {

std::string escaped(std::string_view text);

}  // namespace occam::report
