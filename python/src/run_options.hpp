#pragma once
// A Python call's options (the estimator's parameters, as a dict) as the engine's: the same names
// as the CLI's options without the dashes, resolved by the same rules (search_choices.hpp).
#include <pybind11/pybind11.h>

#include <optional>

#include "occam/problem.hpp"
#include "occam/solve.hpp"
#include "occam/units.hpp"

namespace occam::python {

struct RunOptions {
    SolveOptions solve;
    double validation = SplitOptions{}.validation_fraction;  // share of rows held out, as --validation
    std::optional<UnitsTable> units;  // solve.prechecks.units points here (so RunOptions does not move)

    RunOptions() = default;
    RunOptions(const RunOptions&) = delete;
};

// Reads every key of options into run; input_error naming an unknown key, a value of the wrong
// kind, or an impossible combination (as the CLI says it). units is (table text, its source).
void read_options(const pybind11::dict& options, RunOptions& run);

}  // namespace occam::python
