#pragma once
// What a user names of a search, resolved the same way by every front end (the CLI's options, the
// Python estimator's parameters), so that the same choices give the same search.
#include <optional>
#include <string>

#include "occam/search_options.hpp"

namespace occam {

struct SearchChoices {
    std::optional<double> time_limit;  // seconds; unset: 60 unless another budget is named
    std::optional<long long> evaluations, generations;
    std::string ops = OperatorSet::standard().names();
    // unset: OperatorSet::on_stall() with the standard operators, none with the user's own list;
    // "none": never widen
    std::optional<std::string> stall_ops;
    // how the front end spells the two lists, for its error messages
    std::string ops_name = "--ops", stall_ops_name = "--stall-ops";
};

// options with the choices applied: the operators parsed (input_error naming an unknown one), the
// budget set (the 60 s default only when no budget was named), the widening cleared for a user's
// own operators; then validated.
SearchOptions with_choices(SearchOptions options, const SearchChoices& choices);

}  // namespace occam
