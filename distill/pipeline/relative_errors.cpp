#include "relative_errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "occam/canonical_form.hpp"
#include "occam/constant_uncertainty.hpp"
#include "occam/decades.hpp"
#include "occam/description_length.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/simplify.hpp"

namespace occam::detail {
namespace {

// Every row, training and held out: the canonical form assumes the inputs' signs on all of them.
Eigen::ArrayXXd all_rows(const Problem& problem) {
    Eigen::ArrayXXd rows(problem.train_inputs().rows() + problem.validation_inputs().rows(), problem.train_inputs().cols());
    rows.topRows(problem.train_inputs().rows()) = problem.train_inputs();
    rows.bottomRows(problem.validation_inputs().rows()) = problem.validation_inputs();
    return rows;
}

// sign*exp(g) in its shortest form, or as it is where that form fails on some row
Tree in_target_scale(const Tree& g, double sign, const Eigen::ArrayXXd& rows) {
    const Tree plain = simplify(exp_of(g, sign));
    Tree shortest = canonical_form(plain, rows);
    Eigen::ArrayXd values(rows.rows());
    return Interpreter().evaluate(shortest, rows, values) ? shortest : plain;
}

}  // namespace

std::optional<LogScale> log_scale_of(const Dataset& data, const Problem& problem, const SolveOptions& options) {
    if (options.errors == ErrorModel::absolute) return std::nullopt;
    const Eigen::ArrayXd y = data.column(problem.target_name());
    if (options.errors == ErrorModel::automatic) {
        if (problem.weighted() || options.prechecks.units != nullptr || options.residual_rounds > 1) return std::nullopt;
        const int sign = sign_across_decades(y);
        if (sign == 0) return std::nullopt;
        return LogScale{.target = problem.target_name(), .sign = static_cast<double>(sign), .decades = decades_spanned(y)};
    }
    for (Eigen::Index row = 0; row < y.size(); ++row) {
        if (y[row] == 0)
            throw input_error(fmt::format("--errors relative: {} is 0 on row {} of the data: relative errors need a "
                                          "target that is never 0", problem.target_name(), row + 1));
        if ((y[row] > 0) != (y[0] > 0))
            throw input_error(fmt::format("--errors relative: {} is {} on row {} of the data, {} on the first: relative "
                                          "errors need a target of one sign",
                                          problem.target_name(), y[row], row + 1, y[0]));
    }
    return LogScale{.target = problem.target_name(), .sign = y[0] > 0 ? 1.0 : -1.0, .decades = decades_spanned(y)};
}

PrecheckStep log_scale_step(const LogScale& scale) {
    return {StepKind::log_target,
            fmt::format("errors taken as relative: {} spans {:.1f} decades, so log|{}| is searched and each formula g of "
                        "it is given as {}exp(g) (--errors absolute fits {} itself)",
                        scale.target, scale.decades, scale.target, scale.sign > 0 ? "" : "-", scale.target)};
}

Dataset with_log_target(const Dataset& data, const Problem& problem) {
    Eigen::ArrayXXd values = data.values();
    const auto target = static_cast<Eigen::Index>(data.require(problem.target_name(), "the data"));
    values.col(target) = values.col(target).abs().log();
    return {data.names(), std::move(values)};
}

Problem log_problem(const Dataset& log_data, const Problem& problem) {
    return {log_data, problem.target_name(), problem.input_names(), problem.split(), problem.weight_name()};
}

Front in_target_scale(const Front& log_front, const Problem& log_problem, const LogScale& scale) {
    const Eigen::ArrayXXd rows = all_rows(log_problem);
    const auto train_rows = static_cast<std::size_t>(log_problem.train_inputs().rows());
    const std::size_t symbols = formula_symbols(log_problem.input_names().size());
    std::vector<std::pair<FrontEntry, bool>> mapped;  // each entry, and whether it was the recommended one
    for (std::size_t i = 0; i < log_front.entries.size(); ++i) {
        FrontEntry entry = log_front.entries[i];
        entry.formula = in_target_scale(entry.formula, scale.sign, rows);
        entry.complexity = entry.formula.complexity();
        entry.constants = entry.formula.constant_count();
        entry.constant_errors = standard_errors(log_of(entry.formula, scale.sign), log_problem.train_inputs(),
                                                log_problem.train_target(), log_problem.train_weights())
                                    .value_or(std::vector<double>{});
        if (!log_problem.holds_out())
            entry.description_length =
                description_length(entry.train_loss, train_rows, entry.constants, entry.complexity, symbols);
        mapped.emplace_back(std::move(entry), i == log_front.recommended);
    }
    // The mapping changes complexities: the front is again ascending in complexity and strictly
    // falling in loss. Of two formulas now equally complex, the recommended one stays (the logs'
    // front chose it, snapped exponent and all, over a longer fitted form that a power now hides);
    // a recommended formula that a simpler one fits at least as well hands it on to that one.
    std::stable_sort(mapped.begin(), mapped.end(), [](const auto& a, const auto& b) {
        if (a.first.complexity != b.first.complexity) return a.first.complexity < b.first.complexity;
        if (a.second != b.second) return a.second;
        return a.first.validation_loss < b.first.validation_loss;
    });
    Front front = log_front;
    front.log_scale = scale;
    front.entries.clear();
    front.recommended = 0;
    for (auto& [entry, recommended] : mapped) {
        const bool earns = front.entries.empty() || (entry.complexity > front.entries.back().complexity &&
                                                     entry.validation_loss < front.entries.back().validation_loss);
        if (earns) front.entries.push_back(std::move(entry));
        if (recommended) front.recommended = front.entries.size() - 1;
    }
    if (!log_problem.holds_out() && !front.entries.empty()) {
        const auto shortest = std::min_element(front.entries.begin(), front.entries.end(), [](const auto& a, const auto& b) {
            return a.description_length < b.description_length;
        });
        front.recommended = static_cast<std::size_t>(shortest - front.entries.begin());
    }
    return front;
}

}  // namespace occam::detail
