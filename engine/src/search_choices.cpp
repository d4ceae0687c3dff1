#include "occam/search_choices.hpp"

#include <algorithm>
#include <vector>

namespace occam {
namespace {

std::vector<Op> sorted(std::vector<Op> ops) {
    std::sort(ops.begin(), ops.end());
    return ops;
}

}  // namespace

SearchOptions with_choices(SearchOptions options, const SearchChoices& choices) {
    options.operators = OperatorSet::parse(choices.ops, choices.ops_name);
    // a user who named other operators gets those and no others unless the stall operators say so too
    const bool own_ops = sorted(options.operators.all()) != sorted(OperatorSet::standard().all());
    if (choices.stall_ops)
        options.stall_operators = *choices.stall_ops == "none"
                                      ? OperatorSet()
                                      : OperatorSet::parse(*choices.stall_ops, choices.stall_ops_name, /*needs_binary=*/false);
    else if (own_ops)
        options.stall_operators = OperatorSet();
    options.budget.max_evaluations = choices.evaluations;
    options.budget.max_generations = choices.generations;
    if (choices.time_limit) {
        options.budget.time_limit = std::chrono::duration<double>(*choices.time_limit);
    } else if (choices.evaluations || choices.generations) {
        options.budget.time_limit.reset();
    }
    options.validate();
    return options;
}

}  // namespace occam
