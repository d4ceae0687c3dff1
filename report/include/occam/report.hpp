#pragma once
// Reports a scientist can open and share: one self-contained HTML file (inline CSS, SVG plots,
// MathML formulas, a few lines of script for linking plot and table; nothing fetched), readable
// printed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/search.hpp"

namespace occam {

// How a search was run, for the report's record of it.
struct SearchRun {
    std::string command = {};  // the command line that reproduces the run, as typed
    std::string data_file = {};
    std::string target = {};
    std::uint64_t seed = 0;
    std::vector<std::pair<std::string, std::string>> options = {};  // name and value, as the run used them
    std::vector<std::string> notes = {};  // what the pre-checks did and other notes, a line each
};

// At most this many rows are drawn in each scatter plot (chosen at random, the same ones in every
// plot); the page says so.
inline constexpr std::size_t report_scatter_rows = 2000;

// The page for one search: the front (validation loss against complexity, log scale, the
// recommended formula marked, a point per entry linked to the table), every formula typeset,
// predicted against observed and residuals against each input for the recommended formula, and
// the run's record. data: the rows the search used (the target and every variable of the front),
// or nullptr, when the plots of the data are left out and the page says why.
std::string search_report(const Front& front, const SearchRun& run, const Dataset* data);

// One problem of a suite run, as its report row shows it.
struct SuiteReportRow {
    std::string id;
    std::string verdict;  // "exact", "no", ...
    bool solved = false;
    double seconds = 0;
    std::string formula;  // the recommended formula, infix
    std::vector<std::pair<int, double>> front;  // complexity and validation loss of each front entry
};

// The page for a suite run: the summary line on top, then per problem its verdict, time, formula
// and a thumbnail of its front.
std::string suite_report(const std::string& summary, const std::string& command, const std::vector<SuiteReportRow>& rows);

}  // namespace occam
