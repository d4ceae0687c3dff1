// The occam program: wires command-line options to the library. Exit codes: 0 success,
// 2 bad input or options (one line naming the place), 1 an internal failure.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <string>
#include <vector>

#include "commands.hpp"
#include "formula_argument.hpp"
#include "invocation.hpp"
#include "occam/error.hpp"

int main(int argc, char** argv) {
    occam::cli::remember_invocation(argc, argv);
    CLI::App app{"occam: symbolic regression for scientists. Finds compact formulas in data.", "occam"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "occam 0.1.0");
    occam::cli::add_sample_command(app);
    occam::cli::add_eval_command(app);
    occam::cli::add_search_command(app);
    occam::cli::add_suite_command(app);
    occam::cli::add_check_command(app);
    occam::cli::add_distill_command(app);
    occam::cli::add_report_command(app);
    try {
        // a formula may begin with a minus sign: marked so that it is not taken for an option
        const std::vector<std::string> arguments = occam::cli::with_formulas_marked(app, argc, argv);
        std::vector<const char*> marked;
        for (const std::string& argument : arguments) marked.push_back(argument.c_str());
        app.parse(static_cast<int>(marked.size()), marked.data());
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "occam: {}\n", e.what());
        return 2;
    } catch (const occam::input_error& e) {
        fmt::print(stderr, "occam: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "occam: internal error: {}\n", e.what());
        return 1;
    }
    return 0;
}
