// occam search data.csv --target y : find compact formulas and print their Pareto front.
#include <fmt/core.h>

#include <optional>
#include <string>

#include "commands.hpp"
#include "interrupt.hpp"
#include "invocation.hpp"
#include "saved_search.hpp"
#include "search_option_group.hpp"
#include "search_output.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/front_format.hpp"
#include "occam/report.hpp"
#include "occam/residual_format.hpp"
#include "occam/solve.hpp"
#include "occam/units.hpp"
#include "occam/weights.hpp"

namespace occam::cli {
namespace {

struct SearchArgs {
    std::string data_path;
    std::string target;
    std::string weights;
    bool drop_invalid = false;
    double validation = 0.25;
    std::string format = "table";
    std::string output;
    std::string report;
    bool quiet = false;
    std::size_t residual_rounds = 1;
    std::string units_path;
    std::string precheck = "auto";
    std::string errors = "auto";
    SearchOptionArgs search;
};

// The progress line, with the round when there are several.
RoundProgressCallback round_progress(bool quiet, std::size_t rounds) {
    const ProgressCallback line = progress_line(quiet);
    if (!line) return {};
    return [rounds, line](std::size_t round, const Progress& p) {
        if (rounds > 1) fmt::print(stderr, "\rround {}/{} ", round, rounds);
        line(p);
    };
}

// The run's record for its JSON and its report: the options that shape the result, as used.
SearchRun run_record(const SearchArgs& args, const SolveOptions& options, const Solution& solution, const Problem& problem) {
    SearchRun run{.command = invocation(), .data_file = args.data_path, .target = args.target, .seed = options.search.seed};
    const Budget& budget = options.search.budget;
    if (budget.time_limit) run.options.emplace_back("time", fmt::format("{:g} s", budget.time_limit->count()));
    if (budget.max_generations) run.options.emplace_back("generations", std::to_string(*budget.max_generations));
    if (budget.max_evaluations) run.options.emplace_back("evaluations", std::to_string(*budget.max_evaluations));
    run.options.emplace_back("operators", options.search.operators.names());
    run.options.emplace_back("islands x population", fmt::format("{} x {}", options.search.population.islands,
                                                                 options.search.population.population_size));
    run.options.emplace_back("max length", std::to_string(options.search.population.max_length));
    run.options.emplace_back("validation share", fmt::format("{:g}", args.validation));
    run.options.emplace_back("errors", args.errors);
    run.options.emplace_back("pre-checks", args.precheck);
    if (!args.units_path.empty()) run.options.emplace_back("units", args.units_path);
    if (!args.weights.empty()) run.options.emplace_back("weights", args.weights);
    if (options.residual_rounds > 1) run.options.emplace_back("residual rounds", std::to_string(options.residual_rounds));
    run.notes = solution_notes(solution, problem, options);
    return run;
}

void run_search(SearchArgs& args) {
    const auto format = front_format_from_name(args.format);
    if (!format) throw input_error(fmt::format("--format {}: expected table, json, sympy, latex or c", args.format));
    SolveOptions options;
    options.search = args.search.resolved();
    options.residual_rounds = args.residual_rounds;
    options.prechecks.mode = precheck_mode_from_name(args.precheck);
    options.errors = error_model_from_name(args.errors);
    std::optional<UnitsTable> units;
    if (!args.units_path.empty()) {
        units = read_units(args.units_path);
        options.prechecks.units = &*units;
    }
    options.validate();
    require_output_folder(args.output);
    require_output_folder(args.report);

    const Dataset data = read_csv(args.data_path, {.drop_invalid = args.drop_invalid});
    data.require(args.target, args.data_path);
    if (!args.weights.empty()) weight_column(data, args.weights, args.target, args.data_path);  // names the file
    const Problem problem(data, args.target, {}, {.validation_fraction = args.validation, .seed = options.search.seed},
                          args.weights);

    const RoundProgressCallback progress = round_progress(args.quiet, options.residual_rounds);
    const Solution solution = solve(data, problem, options, progress, &install_interrupt_handler());
    if (progress) fmt::print(stderr, "\n");
    const SearchRun run = run_record(args, options, solution, problem);
    if (!args.quiet)
        for (const std::string& note : run.notes) fmt::print(stderr, "{}\n", note);
    // not progress but a warning that the result is partial, so --quiet keeps it
    if (solution.interrupted)
        fmt::print(stderr, "occam: interrupted; the {} found so far:\n", solution.model ? "rounds" : "front");
    if (!args.report.empty()) {
        SearchRun reported = run;
        if (solution.model)
            reported.notes.push_back(fmt::format("this page shows round 1's front; the model, the sum of the {} rounds' "
                                                 "formulas, is printed by occam search itself",
                                                 solution.model->rounds.size()));
        write_output(args.report, search_report(solution.front, reported, &data));
    }
    if (solution.model) write_output(args.output, format_residual_model(*solution.model, *format));
    else if (*format == FrontFormat::Json) write_output(args.output, front_json_with_run(solution.front, run));
    else write_output(args.output, format_front(solution.front, *format));
}

}  // namespace

void add_search_command(CLI::App& app) {
    auto args = std::make_shared<SearchArgs>();
    auto* cmd = app.add_subcommand("search", "Search formulas for a target column and print the Pareto front");
    cmd->add_option("data", args->data_path, "CSV file with a header row")->required();
    cmd->add_option("-t,--target", args->target, "The column to explain; all other columns are inputs")->required();
    cmd->add_option("-w,--weights", args->weights,
                    "Column of per-row weights (e.g. 1/sigma^2): every loss becomes weighted; not an input");
    cmd->add_flag("--drop-invalid", args->drop_invalid, "Skip rows with NaN or Inf cells instead of failing");

    add_search_option_groups(*cmd, args->search);
    cmd->add_option("--validation", args->validation, "Share of rows held out to choose among formulas")
        ->capture_default_str()
        ->group("Evolution");
    cmd->add_option("--residual-rounds", args->residual_rounds,
                    "Rounds of residual search: round r searches what rounds 1..r-1 left unexplained (seed + r - 1); "
                    "the model is the sum of the rounds' recommended formulas")
        ->capture_default_str()
        ->group("Evolution");
    cmd->add_option("--errors", args->errors,
                    "auto, absolute or relative: relative fits log|target| (errors in proportion to the values); auto "
                    "takes them as relative for a target of one sign across three decades or more, without --weights, "
                    "--units or residual rounds")
        ->capture_default_str()
        ->group("Evolution");

    const char* prechecks = "Pre-checks (simplify the problem before searching it)";
    cmd->add_option("--precheck", args->precheck, "auto (dimensional analysis with --units from 1 input up, the surrogate's checks from 3) or off")->capture_default_str()->group(prechecks);
    cmd->add_option("--units", args->units_path,
                    "Units table (CSV: Variable,Units,m,s,kg,T,V) for dimensional analysis of the target and inputs")
        ->group(prechecks);

    const char* output = "Output";
    cmd->add_option("--format", args->format, "table, json, sympy, latex or c")->capture_default_str()->group(output);
    cmd->add_option("-o,--output", args->output, "Write the front to this file instead of standard output")
        ->group(output);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress line")->group(output);
    cmd->add_option("--report", args->report,
                    "Also write a self-contained HTML report of the search (front, formulas, plots of the data, the run)")
        ->group(output);

    const char* checkpoint = "Checkpoint";
    cmd->add_option("--checkpoint", args->search.options.checkpoint.path,
                    "Save the search to this file at every barrier, to --resume later")
        ->group(checkpoint);
    cmd->add_option("--resume", args->search.options.checkpoint.resume,
                    "Continue the search saved in this file (same data and options; --generations and "
                    "--evaluations count the saved work, --time starts afresh)")
        ->group(checkpoint);
    cmd->callback([args] { run_search(*args); });
}

}  // namespace occam::cli
