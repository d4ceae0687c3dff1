// _occam.search: one run of solve() on numpy data, as `occam search` runs it on a CSV file, with the
// front as the CLI's JSON so that both front ends give the same document for the same run.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "interruptible.hpp"
#include "numpy_table.hpp"
#include "occam/front_format.hpp"
#include "occam/problem.hpp"
#include "occam/solve.hpp"
#include "run_options.hpp"

namespace py = pybind11;

namespace occam::python {
namespace {

py::dict search(const InputArray& X, const InputArray& y, const std::vector<std::string>& names,
                const std::string& target, const std::optional<InputArray>& weights, const std::string& weight_name,
                const py::dict& options, bool verbose) {
    RunOptions run;
    read_options(options, run);
    std::vector<std::pair<std::string, const InputArray*>> columns{{target, &y}};
    if (weights) columns.emplace_back(weight_name, &*weights);
    const Dataset data = table_of(X, names, columns);
    const Problem problem(data, target, names, {.validation_fraction = run.validation, .seed = run.solve.search.seed},
                          weights ? weight_name : std::string());

    Solution solution;
    const bool interrupted = run_interruptibly(
        [&](const std::atomic<bool>& stop, ProgressBoard& board) {
            const auto progress = [&board](std::size_t, const Progress& p) { board.post(progress_text(p)); };
            solution = solve(data, problem, run.solve, progress, &stop);
        },
        verbose);
    py::dict result;
    result["front"] = format_front(solution.front, FrontFormat::Json);
    result["notes"] = solution_notes(solution, problem, run.solve);
    result["interrupted"] = interrupted || solution.interrupted;
    return result;
}

}  // namespace

void add_search_function(py::module_& module) {
    module.def("search", &search, py::arg("X"), py::arg("y"), py::arg("names"), py::arg("target"),
               py::arg("weights"), py::arg("weight_name"), py::arg("options"), py::arg("verbose"),
               "Search formulas for y from the columns of X (named names); returns the front as the CLI's JSON, "
               "the run's notes and whether Ctrl-C stopped it");
}

}  // namespace occam::python
