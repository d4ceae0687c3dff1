#include "separable_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "occam/precheck.hpp"
#include "occam/small_formula_enumeration.hpp"
#include "occam/substitute.hpp"
#include "median.hpp"

namespace occam::detail {
namespace {

struct Part {
    std::vector<std::size_t> columns;  // of the problem as it stands
    std::string target;                // the column the part's values go in
};

std::vector<std::size_t> complement(const std::vector<std::size_t>& group, std::size_t inputs) {
    std::vector<std::size_t> rest;
    for (std::size_t c = 0; c < inputs; ++c)
        if (std::find(group.begin(), group.end(), c) == group.end()) rest.push_back(c);
    return rest;
}

std::string names_of(const std::vector<std::size_t>& columns, const std::vector<std::string>& inputs) {
    std::vector<std::string> names;
    for (std::size_t c : columns) names.push_back(inputs[c]);
    return fmt::format("{}", fmt::join(names, ", "));
}

// The data row nearest the columns' medians (each column scaled by its range): where the other
// part is held. A real row, so the points the oracle is asked about cross two data rows, as the
// separability test's own points do, and stay where the data are even when inputs are correlated.
Eigen::ArrayXd central_point(const Eigen::ArrayXXd& inputs) {
    Eigen::ArrayXd median(inputs.cols());
    for (Eigen::Index c = 0; c < inputs.cols(); ++c) {
        median[c] = detail::median(std::vector<double>(inputs.col(c).begin(), inputs.col(c).end()));
    }
    const Eigen::ArrayXd range = (inputs.colwise().maxCoeff() - inputs.colwise().minCoeff()).transpose().max(1e-300);
    Eigen::Index nearest = 0;
    ((inputs.rowwise() - median.transpose()).rowwise() / range.transpose()).square().rowwise().sum().minCoeff(&nearest);
    return inputs.row(nearest).transpose();
}

// The part's own inputs from the data rows, its values from the oracle with every other input at
// the centre's; nothing when the oracle's values are not finite or do not vary.
std::optional<Dataset> part_data(const Reduction& reduction, const Part& part, const Eigen::ArrayXd& centre) {
    const Eigen::Index rows = reduction.data.rows();
    const auto inputs = static_cast<Eigen::Index>(reduction.inputs.size());
    Eigen::ArrayXXd points(rows, inputs);
    for (Eigen::Index c = 0; c < inputs; ++c) points.col(c).setConstant(centre[c]);
    for (std::size_t c : part.columns)
        points.col(static_cast<Eigen::Index>(c)) = reduction.data.values().col(static_cast<Eigen::Index>(c));
    const auto values = transformed(reduction.split->transform, reduction.oracle->values(points));
    if (!values || !values->allFinite() || values->maxCoeff() == values->minCoeff()) return std::nullopt;
    Eigen::ArrayXXd table(rows, static_cast<Eigen::Index>(part.columns.size()) + 1);
    std::vector<std::string> names;
    for (std::size_t k = 0; k < part.columns.size(); ++k) {
        table.col(static_cast<Eigen::Index>(k)) = points.col(static_cast<Eigen::Index>(part.columns[k]));
        names.push_back(reduction.inputs[part.columns[k]]);
    }
    table.col(static_cast<Eigen::Index>(part.columns.size())) = *values;
    names.push_back(part.target);
    return Dataset(names, std::move(table));
}

// The formulas of a part's front worth pairing: the recommended one and the most accurate few,
// over the columns of the problem as it stands, every number fittable again (they were snapped
// against oracle values, which are only as exact as the oracle). Eight: on oracle values the most
// accurate formulas are the longest, fitting the oracle's own error, and the law sits a few
// entries below them. The 81 pairings (169 with the enumerated formulas of one-input parts) refit
// in a few seconds.
std::vector<Tree> pairing_candidates(const Front& front, const std::vector<std::size_t>& columns) {
    constexpr std::size_t most_accurate = 8;
    std::vector<std::size_t> order(front.entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return front.entries[a].validation_loss < front.entries[b].validation_loss;
    });
    order.resize(std::min(order.size(), most_accurate));
    if (!front.empty() && std::find(order.begin(), order.end(), front.recommended) == order.end())
        order.push_back(front.recommended);
    std::vector<Tree> to_columns;
    for (std::size_t c : columns) to_columns.push_back(Tree({Node::variable(static_cast<std::uint32_t>(c))}));
    std::vector<Tree> candidates;
    for (std::size_t k : order) {
        Tree formula = substitute_variables(front.entries[k].formula, to_columns);
        for (Node& node : formula.mutable_nodes())
            if (node.op == Op::Number) node = Node::constant(node.value);
        candidates.push_back(std::move(formula));
    }
    return candidates;
}

// A part's values as a problem of its own; for a part of one input, its enumerated formulas
// (over the columns of the problem as it stands) and what the enumeration left of the budget.
struct PreparedPart {
    Dataset values;
    Problem problem;
    std::vector<Tree> enumerated = {};
    Budget search_budget = {};
    double enumeration_seconds = 0;
};

std::optional<PreparedPart> prepare_part(const Reduction& reduction, const Part& part, const Eigen::ArrayXd& centre,
                                         const SplitOptions& split, const SearchOptions& options,
                                         const std::atomic<bool>* stop, std::vector<PrecheckStep>& steps) {
    auto data = part_data(reduction, part, centre);
    if (!data) {
        steps.push_back({StepKind::failed, fmt::format("the oracle gives no usable values of {}: parts not searched", part.target)});
        return std::nullopt;
    }
    const std::vector<std::string> inputs(data->names().begin(), data->names().end() - 1);
    Problem problem(*data, part.target, inputs, split);
    PreparedPart prepared{std::move(*data), std::move(problem)};
    prepared.search_budget = options.budget;
    if (inputs.size() != 1) return prepared;
    const auto start = std::chrono::steady_clock::now();
    // on the oracle's values the most accurate formulas fit its error too: the best of each size as well
    EnumerationOptions enumeration{.kept = 4, .best_of_each_size = true, .threads = options.threads};
    if (options.budget.time_limit) enumeration.time_limit = *options.budget.time_limit / 2;
    const EnumeratedFormulas found = enumerate_small_formulas(prepared.problem, options.operators, enumeration, stop);
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    prepared.enumeration_seconds = spent.count();
    prepared.search_budget = left_after(options.budget, {.seconds = spent.count()});
    const std::vector<Tree> to_column{Tree({Node::variable(static_cast<std::uint32_t>(part.columns[0]))})};
    for (const Tree& formula : found.best) prepared.enumerated.push_back(substitute_variables(formula, to_column));
    steps.push_back({StepKind::enumeration, fmt::format("tried every formula of {} up to {} nodes for {} ({} of them)",
                                                        inputs[0], enumeration.max_nodes, part.target, found.tried)});
    return prepared;
}

// A part of one input is searched as it is; a larger one with the pre-checks in turn (its inputs
// are fewer than the problem's, so this ends), without units: the part's values are the oracle's.
Front search_part(const Dataset& data, const Problem& part, const SearchOptions& options,
                  const PrecheckOptions& prechecks, const ProgressCallback& on_progress,
                  const std::atomic<bool>* stop, std::vector<PrecheckStep>& steps) {
    if (part.input_names().size() < 2) return search(part, options, on_progress, stop);
    PrecheckOptions inner = prechecks;
    inner.units = nullptr;
    inner.min_inputs = 2;
    PrecheckedSearch searched = search_with_prechecks(data, part, options, inner, on_progress, stop);
    for (PrecheckStep& step : searched.steps) {
        step.part = step.part.empty() ? part.target_name() : part.target_name() + ": " + step.part;
        steps.push_back(std::move(step));
    }
    return std::move(searched.front);
}

// g op h, then the output transform undone: f = T^-1(g + h - T(f at the centre)); a square root
// takes the target's sign. Each part's values hold the other part's value at the centre, so a sum
// counts T(f) at the centre twice: outside a transform the linear scaling takes it off, inside one
// only the constant subtracted here (fitted with the rest) can.
Tree joined(const Tree& g, const Tree& h, const SeparabilityVerdict& split, double transformed_centre,
            bool negative_target) {
    std::vector<Node> nodes(g.nodes().begin(), g.nodes().end());
    nodes.insert(nodes.end(), h.nodes().begin(), h.nodes().end());
    nodes.push_back(Node::function(split.kind == Separation::multiplicative ? Op::Mul : Op::Add));
    if (split.transform != OutputTransform::identity) {
        nodes.push_back(Node::constant(-transformed_centre));
        nodes.push_back(Node::function(Op::Add));
    }
    switch (split.transform) {
        case OutputTransform::identity: break;
        case OutputTransform::square:
            nodes.push_back(Node::function(Op::Sqrt));
            if (negative_target) nodes.push_back(Node::function(Op::Neg));
            break;
        case OutputTransform::sqrt: nodes.push_back(Node::function(Op::Square)); break;
        case OutputTransform::log: nodes.push_back(Node::function(Op::Exp)); break;
        case OutputTransform::exp: nodes.push_back(Node::function(Op::Log)); break;
        case OutputTransform::inverse: nodes.push_back(Node::function(Op::Inv)); break;
    }
    return Tree(std::move(nodes));
}

// The split to use: the strongest accepted split of f itself; failing that, the strongest after an
// output transform, f = T^-1(g + h), when T^-1 is one function on the data (f^2: a target of one
// sign). verdicts come sorted, accepted first.
const SeparabilityVerdict* chosen_split(const std::vector<SeparabilityVerdict>& verdicts, const Eigen::ArrayXd& target) {
    const bool one_sign = target.minCoeff() > 0 || target.maxCoeff() < 0;
    const SeparabilityVerdict* transformed_split = nullptr;
    for (const auto& verdict : verdicts) {
        if (!verdict.evidence.accepted()) break;
        if (verdict.transform == OutputTransform::identity) return &verdict;
        if (!transformed_split && (verdict.transform != OutputTransform::square || one_sign)) transformed_split = &verdict;
    }
    return transformed_split;
}

// "pi0 = g * h", "1/pi0 = g + h"
std::string split_equation(const SeparabilityVerdict& split, const std::string& target) {
    if (split.kind == Separation::multiplicative) return fmt::format("{} = g * h", target);
    std::string transformed_target(transform_name(split.transform));
    transformed_target.replace(transformed_target.find('f'), 1, target);
    return fmt::format("{} = g + h", transformed_target);
}

}  // namespace

std::string describe_split(const SeparabilityVerdict& split, const std::vector<std::string>& inputs) {
    return fmt::format("{{{}}} | {{{}}}", names_of(split.group, inputs),
                       names_of(complement(split.group, inputs.size()), inputs));
}

bool find_split(const PrecheckOptions& prechecks, Reduction& reduction, std::vector<PrecheckStep>& steps,
                std::uint64_t seed) {
    if (reduction.inputs.size() < 2) return false;
    const JudgedOracle& oracle = current_oracle(prechecks, reduction);
    const auto inputs = static_cast<Eigen::Index>(reduction.inputs.size());
    const CheckSettings settings = oracle.settings(prechecks.symmetry_points, seed);
    const auto verdicts = check_separability(oracle.f, reduction.data.values().leftCols(inputs), settings);
    const Eigen::ArrayXd target = reduction.data.values().col(inputs);
    if (const SeparabilityVerdict* verdict = chosen_split(verdicts, target)) {
        reduction.split = *verdict;
        // A positive product the oracle learnt in logs (its values span decades) is searched as the
        // sum of the logs: each part's logs are the smooth function (Arrhenius or Boltzmann factors,
        // power laws), where the part itself is an exponential of it.
        if (settings.log_magnitude && verdict->kind == Separation::multiplicative &&
            verdict->transform == OutputTransform::identity && target.minCoeff() > 0) {
            reduction.split->kind = Separation::additive;
            reduction.split->transform = OutputTransform::log;
        }
        steps.push_back({StepKind::split, fmt::format("separable: {} with {} (error {:.2g} <= threshold {:.2g}; oracle: {})",
                                    split_equation(*reduction.split, reduction.target), describe_split(*verdict, reduction.inputs),
                                    verdict->evidence.error, verdict->evidence.threshold, oracle.description)});
        return true;
    }
    steps.push_back({StepKind::no_split, fmt::format("no additive or multiplicative split of {} (oracle: {})", reduction.target,
                                oracle.description)});
    return false;
}

StageOutcome search_parts(const Problem& problem, const Reduction& reduction, const SplitOptions& split,
                          const SearchOptions& options, const PrecheckOptions& prechecks,
                          const ProgressCallback& on_progress, const std::atomic<bool>* stop,
                          std::vector<PrecheckStep>& steps) {
    StageOutcome outcome;
    const Deadline deadline = deadline_of(options.budget, std::chrono::steady_clock::now());
    const SeparabilityVerdict& verdict = *reduction.split;
    const std::array parts{Part{verdict.group, fresh_name(reduction, reduction.target + "_g")},
                           Part{complement(verdict.group, reduction.inputs.size()), fresh_name(reduction, reduction.target + "_h")}};
    const Eigen::ArrayXd centre = central_point(reduction.data.values().leftCols(static_cast<Eigen::Index>(reduction.inputs.size())));
    SearchOptions part_options = options;
    // each part's search two fifths, so a fifth is left to refit the pairings on the data
    part_options.budget = share_of(options.budget, 0.4);
    part_options.checkpoint = {};  // one checkpoint file cannot hold two searches
    // the surrogate's values have an error floor that always looks like a stall
    part_options.stall_operators = {};
    const bool negative_target = reduction.data.values().col(static_cast<Eigen::Index>(reduction.inputs.size())).maxCoeff() < 0;
    const auto centre_value = transformed(verdict.transform, reduction.oracle->values(centre.transpose()));
    const double transformed_centre = centre_value ? (*centre_value)[0] : 0;
    // in the candidates' order (the most accurate first), until the stage's time is up
    const auto refit_pairings = [&](const std::array<std::vector<Tree>, 2>& candidates, std::string_view which) {
        std::size_t refitted = 0;
        for (const Tree& g : candidates[0])
            for (const Tree& h : candidates[1]) {
                if (past(deadline)) continue;
                outcome.archive.insert(
                    fitted_on(problem, reduction.to_original(joined(g, h, verdict, transformed_centre, negative_target)),
                              options.fitting.final_iterations));
                ++refitted;
            }
        outcome.progress.best_loss = outcome.archive.best_loss();
        const std::size_t pairings = candidates[0].size() * candidates[1].size();
        steps.push_back({StepKind::refit, fmt::format("refitted {} pairings of the parts' {} on the data{}: best training NMSE {:.2g}",
                                    refitted, which, refitted < pairings ? fmt::format(" (of {}: out of time)", pairings) : "",
                                    outcome.progress.best_loss)});
        return outcome.progress.best_loss <= options.budget.target_loss;
    };

    // every small formula of a part of one input first: when both parts have one input, their
    // pairings are often the law, and the searches below are not needed
    std::vector<PreparedPart> prepared;
    for (const Part& part : parts) {
        auto ready = prepare_part(reduction, part, centre, split, part_options, stop, steps);
        if (!ready) return outcome;
        outcome.progress.elapsed_seconds += ready->enumeration_seconds;
        prepared.push_back(std::move(*ready));
    }
    const std::array enumerated{prepared[0].enumerated, prepared[1].enumerated};
    if (!enumerated[0].empty() && !enumerated[1].empty() && refit_pairings(enumerated, "enumerated formulas"))
        return outcome;

    std::array<std::vector<Tree>, 2> candidates;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const Problem& part = prepared[p].problem;
        steps.push_back({StepKind::search, fmt::format("searching {} from {} on the oracle's values, the other inputs held at a central row",
                                    parts[p].target, fmt::join(part.input_names(), ", "))});
        SearchOptions search_options = part_options;
        search_options.budget = prepared[p].search_budget;
        const Front front = search_part(prepared[p].values, part, search_options, prechecks, on_progress, stop, steps);
        outcome.progress.evaluations += front.final_progress.evaluations;
        outcome.progress.generations += front.final_progress.generations;
        outcome.progress.elapsed_seconds += front.final_progress.elapsed_seconds;
        if (front.interrupted) {
            steps.push_back({StepKind::failed, fmt::format("interrupted while searching {}: no pairing refitted", parts[p].target)});
            outcome.interrupted = true;
            return outcome;
        }
        candidates[p] = pairing_candidates(front, parts[p].columns);
        candidates[p].insert(candidates[p].end(), enumerated[p].begin(), enumerated[p].end());
    }
    refit_pairings(candidates, "formulas");
    return outcome;
}

}  // namespace occam::detail
