#pragma once
// Where a component is sampled: a box of input ranges, drawn at random or as a regular grid (for
// one or two inputs, where a grid shows the whole curve or surface evenly).
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "occam/feed_forward.hpp"
#include "occam/sampling.hpp"

namespace occam {

enum class SamplingPlan { random_box, grid };

struct Domain {
    std::vector<VariableRange> ranges;  // one per component input, in the component's input order
};

// "r:0:0.4" -> {r, 0, 0.4}; input_error quoting the text when it is not NAME:LOW:HIGH with LOW < HIGH.
VariableRange parse_range(std::string_view text);

// The ranges ordered like the network's inputs; input_error for a name the network lacks, an input
// given twice or an input without a range.
Domain make_domain(const FeedForward& network, const std::vector<VariableRange>& ranges);

// samples x inputs. A grid has `samples` points along one input, or ceil(sqrt(samples)) per axis for
// two; input_error for a grid over more inputs.
Eigen::MatrixXd sample_domain(const Domain& domain, std::size_t samples, SamplingPlan plan, std::uint64_t seed);

}  // namespace occam
