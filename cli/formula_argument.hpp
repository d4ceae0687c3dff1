#pragma once
// A formula given on the command line may begin with a minus sign (`occam eval "-x" data.csv`,
// four rows of the Feynman table), which an option parser takes for an option. Before parsing,
// such an argument of `sample` or `eval` is marked with a leading space; the command takes the
// mark off again before reading the formula, so messages name the places the user typed.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace occam::cli {

// argv with every argument of `sample` or `eval` that begins with one '-', is neither a number
// nor an option of that command, and does not follow an option that takes a value, marked.
std::vector<std::string> with_formulas_marked(const CLI::App& app, int argc, const char* const* argv);

// The formula as typed: a marked one without its mark.
std::string formula_as_typed(std::string formula);

}  // namespace occam::cli
