#pragma once
// The median the pre-checks use: the upper middle value (element size/2 in order), found without
// a full sort. Private to distill.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace occam::detail {

// values must not be empty
inline double median(std::vector<double> values) {
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

}  // namespace occam::detail
