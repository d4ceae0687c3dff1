#pragma once
// One independent GP run: a population that ages (each child replaces the oldest member, as in
// regularized evolution), tournament selection, mutation and crossover, constants fitted by
// Levenberg-Marquardt, and a local Pareto archive. An island owns its random stream, so what it
// does depends on (seed, island index) only, never on which thread runs it.
#include <span>
#include <vector>

#include "occam/constant_fitter.hpp"
#include "occam/pareto_archive.hpp"
#include "occam/problem.hpp"
#include "occam/random.hpp"
#include "occam/search_options.hpp"
#include "variation.hpp"

namespace occam {

// Everything an island needs to continue exactly where it stopped: written into checkpoints.
struct IslandState {
    std::vector<Individual> population;
    std::size_t oldest = 0;  // ring position: the member the next child replaces
    Random::State random{};
    long long evaluations = 0;
    long long node_rows = 0;
    ParetoArchive archive;
};

class Island {
public:
    Island(const Problem& problem, const SearchOptions& options, std::size_t index);
    // the operators hold references to this island's own context: never copy or move one
    Island(const Island&) = delete;
    Island& operator=(const Island&) = delete;

    void initialize();
    void run_generation();
    // From now on mutation and crossover draw from `operators` (kept alive by the caller).
    void use_operators(const OperatorSet& operators) { context_.ops = &operators; }

    IslandState state() const;
    // Instead of initialize(): continue from a saved state (population size checked by the caller).
    void restore(IslandState state);

    // The best `count` members by loss, for migration.
    std::vector<Individual> emigrants(std::size_t count) const;
    // Migrants replace the oldest members.
    void receive(std::span<const Individual> migrants);

    const ParetoArchive& archive() const { return archive_; }
    const std::vector<Individual>& population() const { return population_; }
    long long evaluations() const { return evaluations_; }
    long long node_rows() const { return fitter_.node_rows(); }

private:
    Individual evaluate(Tree tree);
    double selection_score(const Individual& individual) const;
    const Individual& tournament();
    const Individual& select_parent();
    void replace_oldest(Individual individual);

    const Problem& problem_;
    const SearchOptions& options_;
    Random rng_;
    VariationContext context_;
    Mutation mutate_;
    Crossover crossover_;
    ConstantFitter fitter_;
    Interpreter aliasing_interpreter_;  // for the arguments of periodic functions (aliasing.hpp)
    Eigen::Ref<const Eigen::ArrayXXd> fit_x_;
    Eigen::Ref<const Eigen::ArrayXd> fit_y_;
    Eigen::Ref<const Eigen::ArrayXd> fit_w_;  // empty when the problem is unweighted
    // Only on a problem that holds no rows out: there a fit through an aliasing periodic function
    // wins on the very rows that judge it. With held-out rows the validation exposes it, and the
    // search keeps such formulas as stepping stones (cos(a*x)^243 on the way to a Gaussian).
    bool judges_aliasing_;
    double target_variance_ = 1;
    std::vector<Individual> population_;
    std::size_t oldest_ = 0;  // population_ is a ring ordered by age
    ParetoArchive archive_;
    long long evaluations_ = 0;
};

}  // namespace occam
