// occam sample "<formula>" --var name:low:high ... : synthetic data from a known law.
#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "formula_argument.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "option_checks.hpp"
#include "parse_number.hpp"

namespace occam::cli {
namespace {

struct SampleArgs {
    std::string formula;
    std::vector<std::string> vars;
    SampleOptions options;
    bool target_named = false;  // --target given
    std::string output;
};

// The target's column when --target is not given: y, unless an input is named so (then target,
// target_2, ...), so that sampling a law of x and y needs no option.
std::string default_target(const std::vector<std::string>& inputs) {
    const auto taken = [&](const std::string& name) { return std::find(inputs.begin(), inputs.end(), name) != inputs.end(); };
    if (!taken("y")) return "y";
    std::string name = "target";
    for (int k = 2; taken(name); ++k) name = "target_" + std::to_string(k);
    return name;
}

VariableRange parse_range(const std::string& text) {
    // name:low:high, where low and high may be negative or use exponents
    const auto first = text.find(':');
    const auto second = first == std::string::npos ? first : text.find(':', first + 1);
    if (first == 0 || second == std::string::npos || text.find(':', second + 1) != std::string::npos)
        throw input_error(fmt::format("--var {}: expected name:low:high, e.g. theta:1:3", text));
    VariableRange range{text.substr(0, first), 0, 0};
    range.low = parse_number(text.substr(first + 1, second - first - 1), "--var " + text);
    range.high = parse_number(text.substr(second + 1), "--var " + text);
    if (!(range.low <= range.high))
        throw input_error(fmt::format("--var {}: low must not exceed high", text));
    return range;
}

void run_sample(const SampleArgs& args) {
    std::vector<VariableRange> ranges;
    std::vector<std::string> names;
    for (const auto& v : args.vars) {
        ranges.push_back(parse_range(v));
        names.push_back(ranges.back().name);
    }
    const Tree formula = parse_formula(formula_as_typed(args.formula), names);
    SampleOptions options = args.options;
    if (!args.target_named) options.target = default_target(names);
    const Dataset data = sample_formula(formula, ranges, options);
    if (args.output.empty()) {
        write_csv(std::cout, data);
    } else {
        write_csv(args.output, data);
    }
}

}  // namespace

void add_sample_command(CLI::App& app) {
    auto args = std::make_shared<SampleArgs>();
    auto* cmd = app.add_subcommand("sample", "Write a CSV sampled from a formula over uniform variable ranges");
    cmd->add_option("formula", args->formula, "The formula, e.g. \"exp(-theta**2/2)/sqrt(2*pi)\"")->required();
    // one range per --var, so that a formula after them is not read as another range
    cmd->add_option("--var", args->vars, "A variable and its range, name:low:high (repeat for each)")
        ->required()
        ->allow_extra_args(false);
    cmd->add_option("--rows", args->options.rows, "Number of rows")->capture_default_str()->check(positive_count());
    cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
    cmd->add_option("--noise", args->options.noise,
                    "Gaussian noise on the target, sd = level x RMS of the target")
        ->capture_default_str()
        ->check(non_negative());
    cmd->add_option("--target", args->options.target, "Name of the target column (default: y, or target when an input is named y)");
    cmd->add_option("-o,--output", args->output, "Output CSV file (default: standard output)");
    cmd->callback([args, cmd] {
        args->target_named = cmd->count("--target") > 0;
        run_sample(*args);
    });
}

}  // namespace occam::cli
