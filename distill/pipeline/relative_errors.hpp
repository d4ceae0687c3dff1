#pragma once
// Relative errors: a target of one sign across decades is searched in logs. Measurements spanning
// a thousandfold seldom share one absolute error (a brain of 0.1 g is not weighed to the gram of an
// elephant's); fitted in y, such a table is its largest rows only, and the search rewards formulas
// that bend through those few. Fitted as log|y|, every row counts in proportion, and the laws of
// such data become short: a power law is a line in log x, an Arrhenius or Boltzmann factor a line
// in 1/T. Each formula g of the logs is printed as the target itself, sign*exp(g), in its shortest
// form (exp(a + b*log(x)) is e^a*x^b).
#include <optional>

#include "occam/dataset.hpp"
#include "occam/precheck.hpp"
#include "occam/problem.hpp"
#include "occam/search.hpp"
#include "occam/solve.hpp"

namespace occam::detail {

// The log scale the errors are taken on (see ErrorModel), or none for absolute errors; input_error
// when relative errors are asked for a target with a zero or of both signs.
std::optional<LogScale> log_scale_of(const Dataset& data, const Problem& problem, const SolveOptions& options);

// The step that says so, first among the pre-check steps.
PrecheckStep log_scale_step(const LogScale& scale);

// data with problem's target column replaced by log|target|
Dataset with_log_target(const Dataset& data, const Problem& problem);

// problem again, on data from with_log_target: the same rows, split and weights
Problem log_problem(const Dataset& log_data, const Problem& problem);

// A front of log|target| (searched on log_problem) as formulas of the target: sign*exp(g) in its
// shortest form (checked on every row, held out or not), with standard errors and description
// length of its own constants and complexity; losses and R2 stay those of the logs. Entries a
// mapped formula no longer earns (one of no more complexity fits the logs at least as well) leave
// the front; without rows held out the shortest description is recommended again.
Front in_target_scale(const Front& log_front, const Problem& log_problem, const LogScale& scale);

}  // namespace occam::detail
