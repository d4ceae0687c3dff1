// occam distill component.json --domain r:0:0.4 : sample a learned network component and search a
// formula per output.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.hpp"
#include "interrupt.hpp"
#include "occam/component_json.hpp"
#include "occam/dataset.hpp"
#include "occam/distill.hpp"
#include "occam/error.hpp"
#include "occam/front_format.hpp"
#include "occam/print.hpp"
#include "option_checks.hpp"
#include "search_option_group.hpp"
#include "search_output.hpp"

namespace occam::cli {
namespace {

struct DistillArgs {
    std::string component_path;
    std::vector<std::string> domain;
    std::string from;
    bool grid = false;
    std::optional<std::size_t> output_index;
    std::string format = "table";
    std::string output;
    bool quiet = false;
    SearchOptionArgs search;
    DistillOptions distill;
};

// The rows of the CSV's columns named like the component's inputs, in the component's order.
Eigen::MatrixXd inputs_from_csv(const std::string& path, const FeedForward& component) {
    const Dataset data = read_csv(path);
    Eigen::MatrixXd inputs(data.rows(), component.input_count());
    for (int i = 0; i < component.input_count(); ++i) {
        const auto column = data.find(component.input_names[i]);
        if (!column)
            throw input_error(fmt::format("{}: no column \"{}\" for the component's input (columns: {})", path,
                                          component.input_names[i], fmt::join(data.names(), ", ")));
        inputs.col(i) = data.values().col(static_cast<Eigen::Index>(*column)).matrix();
    }
    return inputs;
}

std::string describe_sampling(const DistillArgs& args, const FeedForward& component, const Domain& domain) {
    if (!args.from.empty()) return fmt::format("on the inputs of {}", args.from);
    std::vector<std::string> ranges;
    for (const VariableRange& range : domain.ranges)
        ranges.push_back(fmt::format("{} in [{}, {}]", range.name, format_number(range.low), format_number(range.high)));
    // a 2-D grid rounds the count up to a square
    const char* plan = !args.grid ? "" : component.input_count() == 1 ? "a grid of " : "a grid of about ";
    return fmt::format("at {}{} {}points of {}", plan, args.distill.samples, args.grid ? "" : "random ",
                       fmt::join(ranges, ", "));
}

std::string table_text(const Distillation& result, const std::string& sampling, std::size_t check_points,
                       bool from_csv) {
    std::string text;
    for (const DistilledOutput& output : result.outputs) {
        text += fmt::format("output {}: sampled {}\n", output.name, sampling);
        text += fmt::format("the fit is invariant to a + b*{} (linear scaling); the formulas include the fitted a and b\n",
                            output.name);
        text += format_front(output.front, FrontFormat::Table);
        if (!output.front.empty()) {
            const std::string where = from_csv ? "on the given inputs" : fmt::format("on {} fresh points", check_points);
            text += fmt::format("chosen: {} = {}\n  R2 against the component {}: {:.6f}, RMSE {:.4g}\n\n", output.name,
                                to_infix(output.front.best().formula, output.front.variables), where,
                                output.agreement.r2, output.agreement.rmse);
        }
    }
    return text;
}

std::string json_text(const Distillation& result, const std::string& component_path, const std::string& sampling) {
    nlohmann::json outputs = nlohmann::json::array();
    for (const DistilledOutput& output : result.outputs) {
        outputs.push_back({{"name", output.name},
                           {"front", nlohmann::json::parse(format_front(output.front, FrontFormat::Json))},
                           {"agreement", {{"r2", output.agreement.r2}, {"rmse", output.agreement.rmse}}}});
    }
    nlohmann::json root = {{"component", component_path}, {"sampling", sampling}, {"affine_invariant", true},
                           {"interrupted", result.interrupted}, {"outputs", outputs}};
    return root.dump(2) + "\n";
}

void run_distill(DistillArgs& args) {
    const auto format = front_format_from_name(args.format);
    if (!format) throw input_error(fmt::format("--format {}: expected table, json, sympy, latex or c", args.format));
    auto& options = args.distill;
    options.search = args.search.resolved();
    options.plan = args.grid ? SamplingPlan::grid : SamplingPlan::random_box;
    options.output_index = args.output_index;
    if (!args.from.empty() && (!args.domain.empty() || args.grid))
        throw input_error("--from: sample either on a CSV's inputs or on a --domain, not both");
    require_output_folder(args.output);

    const FeedForward component = read_component(args.component_path);
    const bool one_front = *format == FrontFormat::Table || *format == FrontFormat::Json;
    if (!one_front && component.output_count() > 1 && !options.output_index)
        throw input_error(fmt::format("--format {} prints one front; choose an output with --output-index", args.format));

    std::vector<VariableRange> ranges;
    for (const std::string& text : args.domain) ranges.push_back(parse_range(text));
    Domain domain;
    Eigen::MatrixXd inputs;
    if (args.from.empty()) {
        domain = make_domain(component, ranges);
    } else {
        inputs = inputs_from_csv(args.from, component);
    }
    const std::string sampling = describe_sampling(args, component, domain);

    const ProgressCallback progress = progress_line(args.quiet);
    const auto& interrupted = install_interrupt_handler();
    const Distillation result = args.from.empty() ? distill(component, domain, options, progress, &interrupted)
                                                  : distill(component, inputs, options, progress, &interrupted);
    if (progress) fmt::print(stderr, "\n");
    if (result.interrupted) fmt::print(stderr, "occam: interrupted; the fronts found so far:\n");

    std::string text;
    if (*format == FrontFormat::Table) {
        text = table_text(result, sampling, options.check_points, !args.from.empty());
    } else if (*format == FrontFormat::Json) {
        text = json_text(result, args.component_path, sampling);
    } else if (!result.outputs.empty()) {
        text = format_front(result.outputs.front().front, *format);
    }
    write_output(args.output, text);
}

}  // namespace

void add_distill_command(CLI::App& app) {
    auto args = std::make_shared<DistillArgs>();
    auto* cmd = app.add_subcommand("distill", "Sample a network component (JSON) and search a formula per output");
    cmd->add_option("component", args->component_path, "Component file (format: README.md, Network components)")
        ->required();
    const char* sampling = "Sampling";
    cmd->add_option("--domain", args->domain, "Range of an input as NAME:LOW:HIGH, once per input (e.g. r:0:0.4)")
        ->group(sampling);
    cmd->add_option("--from", args->from, "Sample on real inputs: a CSV with columns named like the component's inputs")
        ->group(sampling);
    cmd->add_option("--samples", args->distill.samples, "Points drawn from the domain")
        ->capture_default_str()
        ->check(positive_count())
        ->group(sampling);
    cmd->add_flag("--grid", args->grid, "A regular grid instead of random points (one or two inputs)")->group(sampling);
    cmd->add_option("--output-index", args->output_index, "Distill only this output (from 0); default: every output")
        ->group(sampling);
    cmd->add_option("--r2-goal", args->distill.r2_goal,
                    "Recommend the simplest formula whose validation R2 reaches this (0: the search's usual rule)")
        ->capture_default_str()
        ->group(sampling);
    cmd->add_option("--validation", args->distill.validation_fraction, "Share of points held out to choose among formulas")
        ->capture_default_str()
        ->group(sampling);
    // a network holds no exact constants: snapping would dress approximations up as exact values
    args->search.options.fitting.snap = false;
    add_search_option_groups(*cmd, args->search);
    const char* output = "Output";
    cmd->add_option("--format", args->format, "table, json, sympy, latex or c")->capture_default_str()->group(output);
    cmd->add_option("-o,--output", args->output, "Write to this file instead of standard output")->group(output);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress line")->group(output);
    cmd->callback([args] { run_distill(*args); });
}

}  // namespace occam::cli
