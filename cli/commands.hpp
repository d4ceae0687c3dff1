#pragma once
// Each sub-command registers its options on the app and runs from its callback.
#include <CLI/CLI.hpp>

namespace occam::cli {

void add_sample_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_search_command(CLI::App& app);
void add_suite_command(CLI::App& app);
void add_distill_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_report_command(CLI::App& app);

}  // namespace occam::cli
