#pragma once
// One exception type for everything a user can fix: bad files, bad formulas, impossible options.
// The message is a complete line that names the place (file:line:column where it applies).
#include <stdexcept>
#include <string>

namespace occam {

class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace occam
