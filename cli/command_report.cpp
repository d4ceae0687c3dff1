// occam report front.json -o run.html : the HTML report of a saved search.
#include <fmt/core.h>

#include <filesystem>
#include <optional>
#include <string>

#include "commands.hpp"
#include "saved_search.hpp"
#include "search_output.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/report.hpp"

namespace occam::cli {
namespace {

struct ReportArgs {
    std::string front_path;
    std::string output;
    std::string data_path;  // empty: the data file the run names, if it is there
};

void run_report(const ReportArgs& args) {
    require_output_folder(args.output);
    SavedSearch saved = read_saved_search(args.front_path);
    std::optional<Dataset> data;
    if (!args.data_path.empty()) {
        data = read_csv(args.data_path);
        saved.run.data_file = args.data_path;
    } else if (!saved.run.data_file.empty() && std::filesystem::is_regular_file(saved.run.data_file)) {
        data = read_csv(saved.run.data_file);
    } else {
        fmt::print(stderr, "occam: {}: the data file it names is not here; the report leaves out the plots of the data "
                           "(give it with --data)\n",
                   args.front_path);
    }
    if (data) {
        if (saved.run.target.empty())
            throw input_error(fmt::format("{}: names no target column (a front written before occam saved its run)",
                                          args.front_path));
        data->require(saved.run.target, saved.run.data_file);
        for (const std::string& input : saved.front.variables) data->require(input, saved.run.data_file);
    }
    write_output(args.output, search_report(saved.front, saved.run, data ? &*data : nullptr));
}

}  // namespace

void add_report_command(CLI::App& app) {
    auto args = std::make_shared<ReportArgs>();
    auto* cmd = app.add_subcommand("report", "Write a self-contained HTML report of a front saved by occam search "
                                             "--format json");
    cmd->add_option("front", args->front_path, "The front's JSON file")->required();
    cmd->add_option("-o,--output", args->output, "The HTML file to write")->required();
    cmd->add_option("--data", args->data_path,
                    "The data file the search read (default: the one the front names, when it is there)");
    cmd->callback([args] { run_report(*args); });
}

}  // namespace occam::cli
