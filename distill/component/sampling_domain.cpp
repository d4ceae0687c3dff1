#include "occam/sampling_domain.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "occam/error.hpp"
#include "occam/random.hpp"

namespace occam {
namespace {

std::vector<std::string_view> split_colons(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t colon; (colon = text.find(':', start)) != std::string_view::npos; start = colon + 1)
        parts.push_back(text.substr(start, colon - start));
    parts.push_back(text.substr(start));
    return parts;
}

bool read_number(std::string_view text, double& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty() && std::isfinite(value);
}

Eigen::VectorXd grid_axis(const VariableRange& range, std::size_t points) {
    return Eigen::VectorXd::LinSpaced(static_cast<Eigen::Index>(points), range.low, range.high);
}

}  // namespace

VariableRange parse_range(std::string_view text) {
    const auto parts = split_colons(text);
    VariableRange range;
    if (parts.size() != 3 || parts[0].empty() || !read_number(parts[1], range.low) ||
        !read_number(parts[2], range.high))
        throw input_error(fmt::format("--domain {}: expected NAME:LOW:HIGH, e.g. r:0:0.4", text));
    if (!(range.low < range.high))
        throw input_error(fmt::format("--domain {}: LOW must be below HIGH", text));
    range.name = parts[0];
    return range;
}

Domain make_domain(const FeedForward& network, const std::vector<VariableRange>& ranges) {
    Domain domain;
    domain.ranges.resize(network.input_names.size());
    std::vector<bool> given(network.input_names.size(), false);
    for (const VariableRange& range : ranges) {
        std::size_t i = 0;
        while (i < network.input_names.size() && network.input_names[i] != range.name) ++i;
        if (i == network.input_names.size())
            throw input_error(fmt::format("--domain {}: the component has no input \"{}\" (inputs: {})", range.name,
                                          range.name, fmt::join(network.input_names, ", ")));
        if (given[i]) throw input_error(fmt::format("--domain {}: the input is given twice", range.name));
        given[i] = true;
        domain.ranges[i] = range;
    }
    for (std::size_t i = 0; i < given.size(); ++i)
        if (!given[i])
            throw input_error(fmt::format("--domain: no range for the input \"{}\" (give {}:LOW:HIGH or --from a CSV)",
                                          network.input_names[i], network.input_names[i]));
    return domain;
}

Eigen::MatrixXd sample_domain(const Domain& domain, std::size_t samples, SamplingPlan plan, std::uint64_t seed) {
    const auto inputs = static_cast<Eigen::Index>(domain.ranges.size());
    if (samples < 2) throw input_error("--samples: at least 2 points are needed");
    if (plan == SamplingPlan::random_box) {
        Random random(seed);
        Eigen::MatrixXd points(static_cast<Eigen::Index>(samples), inputs);
        for (Eigen::Index row = 0; row < points.rows(); ++row)
            for (Eigen::Index c = 0; c < inputs; ++c)
                points(row, c) = random.uniform(domain.ranges[c].low, domain.ranges[c].high);
        return points;
    }
    if (inputs == 1) return grid_axis(domain.ranges[0], samples);
    if (inputs != 2)
        throw input_error(fmt::format("--grid: only for components with one or two inputs (this one has {})", inputs));
    const auto side = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(samples))));
    const Eigen::VectorXd first = grid_axis(domain.ranges[0], side), second = grid_axis(domain.ranges[1], side);
    Eigen::MatrixXd points(static_cast<Eigen::Index>(side * side), 2);
    for (Eigen::Index i = 0; i < first.size(); ++i)
        for (Eigen::Index j = 0; j < second.size(); ++j) points.row(i * second.size() + j) << first[i], second[j];
    return points;
}

}  // namespace occam
