// occam check data.csv --target y [--units units.csv] : run the pre-checks without searching and
// report each test, its verdict and its evidence, then the reductions a search would make.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "commands.hpp"
#include "occam/check.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/units.hpp"

namespace occam::cli {
namespace {

constexpr std::size_t rejected_shown = 3;  // the closest misses, so a reader sees the margin

struct CheckArgs {
    std::string data_path;
    std::string target;
    std::string units_path;
    bool drop_invalid = false;
    std::uint64_t seed = 1;
};

std::string dimensional_report(const DimensionalAnalysis& analysis) {
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

std::string verdict_line(const Evidence& e, const std::string& what) {
    return fmt::format("  {:<6} {:<50} error {:.2g}  ({:.2g} x threshold)\n", e.accepted() ? "holds" : "no", what,
                       e.error, e.error / e.threshold);
}

std::string group_text(const std::vector<std::size_t>& group, const std::vector<std::string>& names) {
    std::vector<std::string> in, out;
    for (std::size_t k = 0; k < names.size(); ++k)
        (std::find(group.begin(), group.end(), k) != group.end() ? in : out).push_back(names[k]);
    return fmt::format("{{{}}} | {{{}}}", fmt::join(in, ", "), fmt::join(out, ", "));
}

// The tests asked of the surrogate of the data as given: those that hold and the closest misses.
std::string surrogate_report(const CheckReport& report, const std::vector<std::string>& names) {
    std::string text = fmt::format("neural surrogate: {}; hypotheses hold up to a relative error of {:.2g}{}\n",
                                   report.oracle, report.threshold, report.log_magnitude ? " (of log|f|)" : "");
    text += fmt::format("pair symmetries ({} tested):\n", report.symmetries.size());
    std::size_t rejected = 0;
    for (const auto& v : report.symmetries) {
        if (!v.evidence.accepted() && rejected++ >= rejected_shown) break;
        text += verdict_line(v.evidence, "f depends on the pair only through " +
                                             describe(v, names[v.first], names[v.second]));
    }
    text += fmt::format("separability ({} tested):\n", report.separations.size());
    rejected = 0;
    for (const auto& v : report.separations) {
        if (!v.evidence.accepted() && rejected++ >= rejected_shown) break;
        const std::string kind = v.kind == Separation::multiplicative
                                     ? "multiplicative, f"
                                     : fmt::format("additive, {}", transform_name(v.transform));
        text += verdict_line(v.evidence, fmt::format("{}: {}", kind, group_text(v.group, names)));
    }
    return text;
}

void run_check(const CheckArgs& args) {
    std::optional<UnitsTable> units;
    if (!args.units_path.empty()) units = read_units(args.units_path);
    const Dataset data = read_csv(args.data_path, {.drop_invalid = args.drop_invalid});
    data.require(args.target, args.data_path);
    const Problem problem(data, args.target, {}, {.seed = args.seed});
    SolveOptions options;
    options.search.seed = args.seed;
    options.prechecks.units = units ? &*units : nullptr;
    const CheckReport checked = check(data, problem, options);

    std::string report = fmt::format("{}: {} from {} ({} rows)\n", args.data_path, args.target,
                                     fmt::join(problem.input_names(), ", "), data.rows());
    report += checked.dimensions ? dimensional_report(*checked.dimensions)
                                 : "dimensional analysis: not run (no --units table)\n";
    report += surrogate_report(checked, problem.input_names());
    report += "what `occam search --precheck auto` would do:\n";
    int step = 1;
    for (const std::string& line : checked.plan) report += fmt::format("  {}. {}\n", step++, line);
    fmt::print("{}", report);
}

}  // namespace

void add_check_command(CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    auto* cmd = app.add_subcommand("check", "Run the pre-checks on data and report what they find, without searching");
    cmd->add_option("data", args->data_path, "CSV file with a header row")->required();
    cmd->add_option("-t,--target", args->target, "The column to explain; all other columns are inputs")->required();
    cmd->add_option("--units", args->units_path, "Units table (CSV: Variable,Units,m,s,kg,T,V) for dimensional analysis");
    cmd->add_option("--seed", args->seed, "Random seed of the surrogate and the test points")->capture_default_str();
    cmd->add_flag("--drop-invalid", args->drop_invalid, "Skip rows with NaN or Inf cells instead of failing");
    cmd->callback([args] { run_check(*args); });
}

}  // namespace occam::cli
