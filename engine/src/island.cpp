#include "island.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "occam/aliasing.hpp"
#include "occam/metrics.hpp"

namespace occam {
namespace {

std::uint64_t island_seed(std::uint64_t seed, std::size_t index) {
    return seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL * (index + 1);
}

Eigen::Index fit_rows(const Problem& problem, const SearchOptions& options) {
    const auto all = problem.train_inputs().rows();
    const auto rows = std::min<Eigen::Index>(all, static_cast<Eigen::Index>(options.fitting.max_rows));
    // the subsample must weigh something, or every candidate would score 0/0
    if (problem.weighted() && !(problem.train_weights().head(rows) > 0).any()) return all;
    return rows;
}

Eigen::Index fit_weight_rows(const Problem& problem, const SearchOptions& options) {
    return problem.weighted() ? fit_rows(problem, options) : 0;
}

std::size_t island_max_length(const PopulationOptions& population, std::size_t index) {
    const bool short_island = index % 2 == 1 && population.short_island_length > 0;
    return short_island ? std::min(population.max_length, population.short_island_length) : population.max_length;
}

}  // namespace

Island::Island(const Problem& problem, const SearchOptions& options, std::size_t index)
    : problem_(problem),
      options_(options),
      rng_(island_seed(options.seed, index)),
      context_{&options.operators,
               {.variables = problem.input_names().size()},
               island_max_length(options.population, index),
               options.population.max_depth},
      mutate_{context_, options.mutation},
      crossover_{context_},
      fitter_(options.fitting.iterations),
      fit_x_(problem.train_inputs().topRows(fit_rows(problem, options))),
      fit_y_(problem.train_target().head(fit_rows(problem, options))),
      fit_w_(problem.train_weights().head(fit_weight_rows(problem, options))),
      judges_aliasing_(!problem.holds_out()) {
    target_variance_ = nmse_denominator(fit_y_, fit_w_);
}

Individual Island::evaluate(Tree tree) {
    Individual individual;
    const bool two_starts = options_.fitting.sign_restart && tree.constant_count() > 0;
    auto fit = two_starts ? fitter_.fit_from_both_signs(tree, fit_x_, fit_y_, fit_w_) : fitter_.fit(tree, fit_x_, fit_y_, fit_w_);
    evaluations_ += two_starts ? 2 : 1;
    // A good shape often dies of a bad start: sqrt(c - x^2) with a random c below x^2 is NaN. One
    // retry from all constants at 1, the commonest value in physical laws, rescues such shapes.
    if (!fit.finite() && tree.constant_count() > 0) {
        const std::vector<double> ones(tree.constant_count(), 1.0);
        tree.set_constants(ones);
        fit = fitter_.fit(tree, fit_x_, fit_y_, fit_w_);
        ++evaluations_;
    }
    individual.tree = std::move(tree);
    individual.scaling = fit.scaling;
    individual.loss = fit.finite() ? fit.mse / target_variance_ : INFINITY;
    // a fit bought by a periodic function too fast for the rows is noise, not a law (aliasing.hpp)
    if (fit.finite() && judges_aliasing_ && aliases(individual.tree, fit_x_, aliasing_interpreter_)) individual.loss = INFINITY;
    individual.complexity = individual.tree.complexity();
    archive_.insert(individual);
    return individual;
}

void Island::initialize() {
    const std::size_t n = options_.population.population_size;
    const std::size_t longest = std::min<std::size_t>(context_.max_length, 15);
    population_.clear();
    population_.reserve(n);
    while (population_.size() < n) {
        Tree tree = random_tree(rng_, options_.operators, 1 + rng_.below(longest), context_.leaves);
        if (tree.depth() > options_.population.max_depth) continue;
        population_.push_back(evaluate(std::move(tree)));
    }
    oldest_ = 0;
}

IslandState Island::state() const {
    return {population_, oldest_, rng_.state(), evaluations_, fitter_.node_rows(), archive_};
}

void Island::restore(IslandState state) {
    population_ = std::move(state.population);
    oldest_ = state.oldest;
    rng_.set_state(state.random);
    evaluations_ = state.evaluations;
    fitter_.set_node_rows(state.node_rows);
    archive_ = std::move(state.archive);
}

// Selection compares log loss plus a small price per unit of complexity: among formulas of similar
// accuracy the simpler one breeds, which keeps the population from bloating.
double Island::selection_score(const Individual& individual) const {
    return std::log10(std::max(individual.loss, 1e-30)) + options_.population.parsimony * individual.complexity;
}

const Individual& Island::tournament() {
    const Individual* winner = &population_[rng_.below(population_.size())];
    double winner_score = selection_score(*winner);
    for (std::size_t k = 1; k < options_.population.tournament_size; ++k) {
        const Individual& contender = population_[rng_.below(population_.size())];
        const double score = selection_score(contender);
        if (score < winner_score) {
            winner = &contender;
            winner_score = score;
        }
    }
    return *winner;
}

void Island::replace_oldest(Individual individual) {
    population_[oldest_] = std::move(individual);
    oldest_ = (oldest_ + 1) % population_.size();
}

// Sometimes a parent comes from the archive, uniformly over complexities: the best formula of each
// size keeps breeding after the ageing population has lost it, which spreads the search along the
// whole front instead of only its most accurate end.
const Individual& Island::select_parent() {
    if (!archive_.empty() && rng_.uniform() < options_.population.archive_parent_probability) {
        auto it = archive_.entries().begin();
        std::advance(it, static_cast<std::ptrdiff_t>(rng_.below(archive_.size())));
        return it->second;
    }
    return tournament();
}

void Island::run_generation() {
    for (std::size_t i = 0; i < population_.size(); ++i) {
        Tree child;
        if (rng_.uniform() < options_.population.crossover_probability) {
            const Tree& receiver = select_parent().tree;
            child = crossover_(rng_, receiver, select_parent().tree);
        } else {
            child = mutate_(rng_, select_parent().tree);
        }
        replace_oldest(evaluate(std::move(child)));
    }
}

std::vector<Individual> Island::emigrants(std::size_t count) const {
    std::vector<const Individual*> order;
    for (const auto& individual : population_) order.push_back(&individual);
    count = std::min(count, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                      [](const Individual* a, const Individual* b) { return better(*a, *b); });
    std::vector<Individual> result;
    for (std::size_t k = 0; k < count; ++k) result.push_back(*order[k]);
    return result;
}

void Island::receive(std::span<const Individual> migrants) {
    for (const auto& migrant : migrants) {
        // a short island's parents (the archive's included) stay within its cap; the migrant's
        // home island archives it anyway
        if (migrant.tree.length() > context_.max_length) continue;
        archive_.insert(migrant);
        replace_oldest(migrant);
    }
}

}  // namespace occam
