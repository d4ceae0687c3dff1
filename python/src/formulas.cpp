// _occam.evaluate and _occam.sample: formulas as text over named columns, as `occam eval` and
// `occam sample` read them.
#include <pybind11/stl.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "numpy_table.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"

namespace py = pybind11;

namespace occam::python {
namespace {

// The formula at every row of X; NaN where it is undefined (log of a negative input, say), as a
// prediction on new data must say rather than fail.
py::array_t<double> evaluate(const std::string& formula, const InputArray& X, const std::vector<std::string>& names) {
    const Tree tree = parse_formula(formula, names);
    const Eigen::ArrayXXd inputs = matrix_of(X, names.size(), "X");
    py::array_t<double> out(inputs.rows());
    Eigen::Map<Eigen::ArrayXd> values(out.mutable_data(), inputs.rows());
    const py::gil_scoped_release released;
    Interpreter interpreter;
    if (interpreter.evaluate(tree, inputs, values)) return out;
    // the fast path stops at the first undefined block: every row on its own
    std::vector<double> row(names.size());
    for (Eigen::Index i = 0; i < inputs.rows(); ++i) {
        for (std::size_t c = 0; c < names.size(); ++c) row[c] = inputs(i, static_cast<Eigen::Index>(c));
        const double value = evaluate_scalar(tree, row);
        values(i) = std::isfinite(value) ? value : NAN;
    }
    return out;
}

// Rows drawn uniformly from each (name, low, high) range: (column names, rows x columns array),
// the target last.
std::tuple<std::vector<std::string>, py::array_t<double>> sample(
    const std::string& formula, const std::vector<std::tuple<std::string, double, double>>& ranges,
    std::size_t rows, std::uint64_t seed, double noise, const std::string& target) {
    std::vector<VariableRange> variables;
    std::vector<std::string> names;
    for (const auto& [name, low, high] : ranges) {
        variables.push_back({name, low, high});
        names.push_back(name);
    }
    const Tree tree = parse_formula(formula, names);
    const Dataset data = sample_formula(tree, variables, {.rows = rows, .seed = seed, .noise = noise, .target = target});
    return {data.names(), array_of(data.values())};
}

}  // namespace

void add_formula_functions(py::module_& module) {
    module.def("evaluate", &evaluate, py::arg("formula"), py::arg("X"), py::arg("names"),
               "The formula's value at every row of X, whose columns are named names; NaN where it is undefined");
    module.def("sample", &sample, py::arg("formula"), py::arg("ranges"), py::arg("rows"), py::arg("seed"),
               py::arg("noise"), py::arg("target"),
               "Rows of the formula over uniform (name, low, high) ranges: (column names, values), the target last");
}

}  // namespace occam::python
