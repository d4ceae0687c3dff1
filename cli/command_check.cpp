// occam check data.csv --target y [--units units.csv] : run the pre-checks without searching and
// report what each found and how the problem would be split.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "commands.hpp"
#include "occam/dataset.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/error.hpp"
#include "occam/problem.hpp"
#include "occam/units.hpp"

namespace occam::cli {
namespace {

struct CheckArgs {
    std::string data_path;
    std::string target;
    std::string units_path;
    bool drop_invalid = false;
};

std::string dimensional_report(const UnitsTable& units, const Problem& problem) {
    const DimensionalAnalysis analysis = analyze_dimensions(units, problem);
    if (!analysis.form) return fmt::format("dimensional analysis: skipped ({})\n", analysis.warning);
    const DimensionlessForm& form = *analysis.form;
    std::string text = fmt::format("dimensional analysis: {}\n", form.description());
    text += fmt::format("  target / prefactor: {} = {} / {}\n", form.target_name, form.target, form.prefactor_text);
    for (const DimensionlessGroup& group : form.groups) text += fmt::format("  {} = {}\n", group.name, group.text);
    text += fmt::format("  verdict: {} input(s) become {} dimensionless group(s){}\n", form.inputs.size(),
                        form.groups.size(),
                        form.variables_removed() > 0 ? ": search the dimensionless problem" : ": nothing removed");
    return text;
}

void run_check(const CheckArgs& args) {
    std::optional<UnitsTable> units;
    if (!args.units_path.empty()) units = read_units(args.units_path);
    const Dataset data = read_csv(args.data_path, {.drop_invalid = args.drop_invalid});
    data.require(args.target, args.data_path);
    const Problem problem(data, args.target);
    std::string report = fmt::format("{}: {} from {} ({} rows)\n", args.data_path, args.target,
                                     fmt::join(problem.input_names(), ", "), data.rows());
    report += units ? dimensional_report(*units, problem) : "dimensional analysis: not run (no --units table)\n";
    fmt::print("{}", report);
}

}  // namespace

void add_check_command(CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    auto* cmd = app.add_subcommand("check", "Run the pre-checks on data and report what they find, without searching");
    cmd->add_option("data", args->data_path, "CSV file with a header row")->required();
    cmd->add_option("-t,--target", args->target, "The column to explain; all other columns are inputs")->required();
    cmd->add_option("--units", args->units_path, "Units table (CSV: Variable,Units,m,s,kg,T,V) for dimensional analysis");
    cmd->add_flag("--drop-invalid", args->drop_invalid, "Skip rows with NaN or Inf cells instead of failing");
    cmd->callback([args] { run_check(*args); });
}

}  // namespace occam::cli
