#include "occam/problem.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "occam/error.hpp"
#include "occam/random.hpp"
#include "occam/weights.hpp"

namespace occam {

Problem::Problem(const Dataset& data, const std::string& target, std::vector<std::string> inputs,
                 const SplitOptions& split, const std::string& weights)
    : target_name_(target), weight_name_(weights), split_(split) {
    const std::size_t target_column = data.require(target, "the data");
    Eigen::ArrayXd all_weights;
    if (!weights.empty()) all_weights = weight_column(data, weights, target, "the data");
    if (inputs.empty()) {
        for (const auto& name : data.names()) {
            if (name != target && name != weights) inputs.push_back(name);
        }
    }
    if (inputs.empty()) throw input_error("the data has no input columns besides the target");
    std::vector<std::size_t> columns;
    for (const auto& name : inputs) {
        if (name == target) throw input_error(fmt::format("the target \"{}\" cannot also be an input", target));
        if (name == weights) throw input_error(fmt::format("the weight column \"{}\" cannot also be an input", name));
        columns.push_back(data.require(name, "the data"));
    }
    input_names_ = std::move(inputs);
    // The CSV reader refuses NaN/Inf already; data built in code gets the same check here, or
    // every candidate would score Inf and the front would be empty.
    for (std::size_t c : columns) {
        if (!data.values().col(static_cast<Eigen::Index>(c)).allFinite())
            throw input_error(fmt::format("column \"{}\" holds NaN or Inf values", data.names()[c]));
    }
    if (!data.values().col(static_cast<Eigen::Index>(target_column)).allFinite())
        throw input_error(fmt::format("the target \"{}\" holds NaN or Inf values", target));
    if (!(split.validation_fraction >= 0 && split.validation_fraction < 1))
        throw input_error(fmt::format("--validation {} is not a fraction in [0, 1)", split.validation_fraction));

    const auto rows = data.rows();
    if (rows < min_problem_rows)
        throw input_error(fmt::format("{} rows are too few: a formula needs at least {}", rows, min_problem_rows));
    const bool hold_out = rows >= static_cast<Eigen::Index>(split.min_rows_to_hold_out);
    const auto validation_rows =
        hold_out ? static_cast<Eigen::Index>(std::floor(split.validation_fraction * rows)) : Eigen::Index{0};
    const auto train_rows = rows - validation_rows;
    if (hold_out && (train_rows < 4 || (split.validation_fraction > 0 && validation_rows < 2)))
        throw input_error(fmt::format("{} rows are too few for a {:.1f}/{:.1f} train/validation split", rows,
                                      100 * (1 - split.validation_fraction), 100 * split.validation_fraction));

    // Fisher-Yates with occam's portable generator: the split depends on the seed only.
    Random rng(split.seed ^ 0x5eed5a11ULL);
    const auto order = shuffled_order<Eigen::Index>(static_cast<std::size_t>(rows), rng);

    const auto fill = [&](Eigen::Index first, Eigen::Index count, Eigen::ArrayXXd& x, Eigen::ArrayXd& y) {
        x.resize(count, static_cast<Eigen::Index>(columns.size()));
        y.resize(count);
        for (Eigen::Index r = 0; r < count; ++r) {
            const auto source = order[static_cast<std::size_t>(first + r)];
            for (std::size_t c = 0; c < columns.size(); ++c)
                x(r, static_cast<Eigen::Index>(c)) = data.values()(source, static_cast<Eigen::Index>(columns[c]));
            y[r] = data.values()(source, static_cast<Eigen::Index>(target_column));
        }
    };
    fill(0, train_rows, train_x_, train_y_);
    fill(train_rows, validation_rows, validation_x_, validation_y_);
    if (!weighted()) return;

    const auto pick = [&](Eigen::Index first, Eigen::Index count) {
        Eigen::ArrayXd part(count);
        for (Eigen::Index r = 0; r < count; ++r) part[r] = all_weights[order[static_cast<std::size_t>(first + r)]];
        return part;
    };
    train_w_ = pick(0, train_rows);
    validation_w_ = pick(train_rows, validation_rows);
    // a part with no weight at all has no loss to minimise or to choose by
    if (!(train_w_ > 0).any())
        throw input_error(fmt::format("--weights: every training row has weight zero in column \"{}\"", weights));
    if (validation_rows > 0 && !(validation_w_ > 0).any())
        throw input_error(fmt::format("--weights: every validation row has weight zero in column \"{}\"", weights));
}

Problem Problem::with_targets(std::string target_name, Eigen::ArrayXd train_target,
                              Eigen::ArrayXd validation_target) const {
    if (train_target.size() != train_y_.size() || validation_target.size() != validation_y_.size())
        throw input_error(fmt::format("new target \"{}\": {} training and {} validation values for {} and {} rows",
                                      target_name, train_target.size(), validation_target.size(), train_y_.size(),
                                      validation_y_.size()));
    if (!train_target.allFinite() || !validation_target.allFinite())
        throw input_error(fmt::format("new target \"{}\" holds NaN or Inf values", target_name));
    Problem copy = *this;
    copy.target_name_ = std::move(target_name);
    copy.train_y_ = std::move(train_target);
    copy.validation_y_ = std::move(validation_target);
    return copy;
}

}  // namespace occam
