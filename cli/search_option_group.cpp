#include "search_option_group.hpp"

#include <fmt/format.h>

namespace occam::cli {

void add_search_option_groups(CLI::App& command, SearchOptionArgs& args) {
    auto& o = args.options;
    const char* budget = "Budget (the first limit reached stops; evaluations and generations are reproducible)";
    command.add_option("--time", args.choices.time_limit, "Time limit in seconds for the whole run, pre-checks included (default 60 when no other budget is given)")
        ->group(budget);
    command
        .add_option("--evaluations", args.choices.evaluations,
                    "Stop after this many candidate evaluations (checked every epoch, so it may be exceeded by one epoch)")
        ->group(budget);
    command.add_option("--generations", args.choices.generations, "Stop after this many generations")->group(budget);
    command.add_option("--target-loss", o.budget.target_loss, "Stop once a formula's training NMSE is at most this")
        ->capture_default_str()
        ->group(budget);
    command
        .add_option("--stall-generations", o.budget.stall_generations,
                    "Stop once the formula selection would choose has not improved for this many generations (with rows "
                    "held out: for the later half of the search, at least this many, and while more complex formulas "
                    "do worse on them) (0: never)")
        ->capture_default_str()
        ->group(budget);

    const char* evolution = "Evolution";
    command.add_option("--seed", o.seed, "Random seed")->capture_default_str()->group(evolution);
    command.add_option("--threads", o.threads, "Worker threads (0: all cores); does not change the result")
        ->capture_default_str()
        ->group(evolution);
    command.add_option("--islands", o.population.islands, "Independent populations, migrating at barriers")
        ->capture_default_str()
        ->group(evolution);
    command.add_option("--population", o.population.population_size, "Individuals per island")
        ->capture_default_str()
        ->group(evolution);
    command
        .add_option("--ops", args.choices.ops, fmt::format("Operators, comma-separated ({})", known_operator_names()))
        ->capture_default_str()
        ->group(evolution);
    command
        .add_option("--stall-ops", args.choices.stall_ops,
                    fmt::format("Operators every island adds once the best loss has not fallen by 1 % for --widen-after "
                                "generations, or none (default: {} with the default --ops, none with your own)",
                                OperatorSet::on_stall().names()))
        ->group(evolution);
    command.add_option("--widen-after", o.widen_after, "Generations without a 1 % better loss before --stall-ops join")
        ->capture_default_str()
        ->group(evolution);
    command.add_option("--max-length", o.population.max_length, "Largest formula, in nodes")
        ->capture_default_str()
        ->group(evolution);
    command.add_option("--max-depth", o.population.max_depth, "Deepest formula")->capture_default_str()->group(evolution);
    command
        .add_option("--short-length", o.population.short_island_length,
                    "Every other island breeds formulas of at most this many nodes, where short exact laws are not "
                    "crowded out by long approximations (0: none)")
        ->capture_default_str()
        ->group(evolution);

    const char* fitting = "Constant fitting";
    command.add_option("--lm-iterations", o.fitting.iterations, "Levenberg-Marquardt iterations per candidate")
        ->capture_default_str()
        ->group(fitting);
    command
        .add_flag("--sign-restart,!--no-sign-restart", o.fitting.sign_restart,
                  "Fit each new candidate also from its constants' negatives (LM does not cross zero: exp(c*x^2) "
                  "from c > 0 misses the Gaussian); up to twice the cost per candidate, and --evaluations counts both fits")
        ->group(fitting);
    command.add_option("--fit-rows", o.fitting.max_rows, "Training rows used to fit each candidate")
        ->capture_default_str()
        ->group(fitting);
    command
        .add_flag("--snap,!--no-snap", o.fitting.snap,
                  std::string("Try exact values for fitted constants and prune idle functions, or keep them as "
                              "fitted (default: ") +
                      (o.fitting.snap ? "--snap)" : "--no-snap)"))
        ->group(fitting);
}

}  // namespace occam::cli
