#pragma once
// A value rounded to a number of significant decimal digits: what snapping counts as a literal's
// digits, and what the canonical form keeps of a number its algebra computed.
#include <cmath>

namespace occam {

// v nonzero and finite; NaN or infinite where the decimal scale overflows (|v| near the ends of
// the double range), which callers take as "keep v".
inline double round_to_significant(double v, int digits) {
    const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::abs(v)))));
    return std::round(v * scale) / scale;
}

}  // namespace occam
