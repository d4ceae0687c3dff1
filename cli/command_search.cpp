// occam search data.csv --target y : find compact formulas and print their Pareto front.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "commands.hpp"
#include "interrupt.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/front_format.hpp"
#include "occam/residual_format.hpp"
#include "occam/residual_search.hpp"
#include "occam/search.hpp"
#include "occam/atomic_file.hpp"
#include "occam/weights.hpp"

namespace occam::cli {
namespace {

struct SearchArgs {
    std::string data_path;
    std::string target;
    std::string weights;
    bool drop_invalid = false;
    double validation = 0.25;
    std::optional<double> time_limit;
    std::optional<long long> evaluations, generations;
    std::string ops = OperatorSet::standard().names();
    std::string format = "table";
    std::string output;
    bool quiet = false;
    std::size_t residual_rounds = 1;
    SearchOptions options;
};

// prefix names the round of a residual search; empty for a plain one
void print_progress(const Progress& p, const std::string& prefix = {}) {
    fmt::print(stderr, "\r{}{:7.1f} s  gen {:<6} evals {:<10} {:>8.0f}/s  best loss {:<10.3g} front {:<3}", prefix,
               p.elapsed_seconds, p.generations, p.evaluations, p.evaluations_per_second, p.best_loss, p.front_size);
    std::fflush(stderr);
}

// The text of the search: one front, or with --residual-rounds above 1 every round and the summed model.
std::string search_text(const Problem& problem, const SearchArgs& args, FrontFormat format, bool show_progress) {
    const auto& interrupted = install_interrupt_handler();
    const auto& options = args.options;
    const std::size_t rounds = args.residual_rounds;
    if (rounds == 1) {
        const auto progress = [](const Progress& p) { print_progress(p); };
        const Front front =
            search(problem, options, show_progress ? ProgressCallback(progress) : ProgressCallback{}, &interrupted);
        if (show_progress) fmt::print(stderr, "\n");
        // not progress but a warning that the front is partial, so --quiet keeps it
        if (front.interrupted) fmt::print(stderr, "occam: interrupted; the front found so far:\n");
        return format_front(front, format);
    }
    const auto progress = [rounds](std::size_t round, const Progress& p) {
        print_progress(p, fmt::format("round {}/{} ", round, rounds));
    };
    const ResidualModel model = search_residuals(
        problem, options, rounds, show_progress ? RoundProgressCallback(progress) : RoundProgressCallback{}, &interrupted);
    if (show_progress) fmt::print(stderr, "\n");
    if (model.interrupted) fmt::print(stderr, "occam: interrupted; the rounds found so far:\n");
    return format_residual_model(model, format);
}

void run_search(SearchArgs& args) {
    const auto format = front_format_from_name(args.format);
    if (!format) throw input_error(fmt::format("--format {}: expected table, json, sympy, latex or c", args.format));
    auto& options = args.options;
    options.operators = OperatorSet::parse(args.ops);
    options.budget.max_evaluations = args.evaluations;
    options.budget.max_generations = args.generations;
    // the 60 s default applies only when no budget was given
    if (args.time_limit) {
        options.budget.time_limit = std::chrono::duration<double>(*args.time_limit);
    } else if (args.evaluations || args.generations) {
        options.budget.time_limit.reset();
    }
    options.validate();
    check_residual_rounds(args.residual_rounds, options);

    // an output that cannot be written should fail now, not after a long search
    if (!args.output.empty()) {
        const auto folder = std::filesystem::absolute(args.output).parent_path();
        if (!std::filesystem::is_directory(folder))
            throw input_error(fmt::format("{}: cannot write file (No such file or directory)", args.output));
    }
    const Dataset data = read_csv(args.data_path, {.drop_invalid = args.drop_invalid});
    data.require(args.target, args.data_path);
    if (!args.weights.empty()) weight_column(data, args.weights, args.target, args.data_path);  // names the file
    const Problem problem(data, args.target, {}, {.validation_fraction = args.validation, .seed = options.seed},
                          args.weights);

    const bool show_progress = !args.quiet && isatty(fileno(stderr));
    const std::string text = search_text(problem, args, *format, show_progress);
    if (args.output.empty()) {
        fmt::print("{}", text);
    } else {
        write_file_atomically(args.output, text);
    }
}

}  // namespace

void add_search_command(CLI::App& app) {
    auto args = std::make_shared<SearchArgs>();
    auto& o = args->options;
    auto* cmd = app.add_subcommand("search", "Search formulas for a target column and print the Pareto front");
    cmd->add_option("data", args->data_path, "CSV file with a header row")->required();
    cmd->add_option("-t,--target", args->target, "The column to explain; all other columns are inputs")->required();
    cmd->add_option("-w,--weights", args->weights,
                    "Column of per-row weights (e.g. 1/sigma^2): every loss becomes weighted; not an input");
    cmd->add_flag("--drop-invalid", args->drop_invalid, "Skip rows with NaN or Inf cells instead of failing");

    const char* budget = "Budget (the first limit reached stops; evaluations and generations are reproducible)";
    cmd->add_option("--time", args->time_limit, "Time limit in seconds (default 60 when no other budget is given)")
        ->group(budget);
    cmd->add_option("--evaluations", args->evaluations, "Stop after this many candidate evaluations (checked every epoch, so it may be exceeded by one epoch)")->group(budget);
    cmd->add_option("--generations", args->generations, "Stop after this many generations")->group(budget);
    cmd->add_option("--target-loss", o.budget.target_loss, "Stop once a formula's training NMSE is at most this")
        ->capture_default_str()
        ->group(budget);

    const char* evolution = "Evolution";
    cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str()->group(evolution);
    cmd->add_option("--threads", o.threads, "Worker threads (0: all cores); does not change the result")
        ->capture_default_str()
        ->group(evolution);
    cmd->add_option("--islands", o.population.islands, "Independent populations, migrating at barriers")
        ->capture_default_str()
        ->group(evolution);
    cmd->add_option("--population", o.population.population_size, "Individuals per island")
        ->capture_default_str()
        ->group(evolution);
    cmd->add_option("--ops", args->ops, "Operators, comma-separated (+,-,*,/,pow,neg,square,cube,sqrt,exp,log,"
                                        "sin,cos,tan,asin,acos,atan,tanh,abs,inv)")
        ->capture_default_str()
        ->group(evolution);
    cmd->add_option("--max-length", o.population.max_length, "Largest formula, in nodes")
        ->capture_default_str()
        ->group(evolution);
    cmd->add_option("--max-depth", o.population.max_depth, "Deepest formula")->capture_default_str()->group(evolution);
    cmd->add_option("--validation", args->validation, "Share of rows held out to choose among formulas")
        ->capture_default_str()
        ->group(evolution);

    cmd->add_option("--residual-rounds", args->residual_rounds,
                    "Rounds of residual search: round r searches what rounds 1..r-1 left unexplained (seed + r - 1); "
                    "the model is the sum of the rounds' recommended formulas")
        ->capture_default_str()
        ->group(evolution);

    const char* fitting = "Constant fitting";
    cmd->add_option("--lm-iterations", o.fitting.iterations, "Levenberg-Marquardt iterations per candidate")
        ->capture_default_str()
        ->group(fitting);
    cmd->add_option("--fit-rows", o.fitting.max_rows, "Training rows used to fit each candidate")
        ->capture_default_str()
        ->group(fitting);
    cmd->add_flag("!--no-snap", o.fitting.snap, "Keep fitted constants as they are (no snapping to exact values)")
        ->group(fitting);

    const char* output = "Output";
    cmd->add_option("--format", args->format, "table, json, sympy, latex or c")->capture_default_str()->group(output);
    cmd->add_option("-o,--output", args->output, "Write the front to this file instead of standard output")
        ->group(output);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress line")->group(output);

    const char* checkpoint = "Checkpoint";
    cmd->add_option("--checkpoint", o.checkpoint.path, "Save the search to this file at every barrier, to --resume later")
        ->group(checkpoint);
    cmd->add_option("--resume", o.checkpoint.resume,
                    "Continue the search saved in this file (same data and options; --generations and "
                    "--evaluations count the saved work, --time starts afresh)")
        ->group(checkpoint);
    cmd->callback([args] { run_search(*args); });
}

}  // namespace occam::cli
