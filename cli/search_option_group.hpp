#pragma once
// The search options every searching sub-command offers (search, distill), registered once so
// that their names, defaults and help read the same everywhere.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "occam/search_options.hpp"

namespace occam::cli {

struct SearchOptionArgs {
    std::optional<double> time_limit;
    std::optional<long long> evaluations, generations;
    std::string ops = OperatorSet::standard().names();
    // unset: OperatorSet::on_stall() with the default --ops, none with the user's own list
    std::optional<std::string> stall_ops;
    SearchOptions options;

    // The options as given, the 60 s default applying only when no budget was named; input_error
    // for an impossible combination.
    SearchOptions resolved() const;
};

// Budget, evolution and constant-fitting groups; the caller adds its own data and output options.
// The caller's SearchOptions defaults are the defaults shown (distill turns snapping off).
void add_search_option_groups(CLI::App& command, SearchOptionArgs& args);

}  // namespace occam::cli
