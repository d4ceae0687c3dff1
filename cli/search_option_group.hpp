#pragma once
// The search options every searching sub-command offers (search, distill), registered once so
// that their names, defaults and help read the same everywhere.
#include <CLI/CLI.hpp>

#include "occam/search_choices.hpp"
#include "occam/search_options.hpp"

namespace occam::cli {

struct SearchOptionArgs {
    SearchChoices choices;  // budget and operators, resolved as every front end does
    SearchOptions options;

    // The options as given (with_choices); input_error for an impossible combination.
    SearchOptions resolved() const { return with_choices(options, choices); }
};

// Budget, evolution and constant-fitting groups; the caller adds its own data and output options.
// The caller's SearchOptions defaults are the defaults shown (distill turns snapping off).
void add_search_option_groups(CLI::App& command, SearchOptionArgs& args);

}  // namespace occam::cli
