// _occam.check: the pre-checks of `occam check` as data (dicts and lists) instead of a report.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.hpp"
#include "numpy_table.hpp"
#include "occam/check.hpp"
#include "occam/problem.hpp"
#include "run_options.hpp"

namespace py = pybind11;

namespace occam::python {
namespace {

py::dict evidence_of(const Evidence& evidence) {
    py::dict out;
    out["holds"] = evidence.accepted();
    out["error"] = evidence.error;
    out["threshold"] = evidence.threshold;
    return out;
}

py::object dimensions_of(const std::optional<DimensionalAnalysis>& analysis) {
    if (!analysis) return py::none();
    py::dict out;
    if (!analysis->form) {
        out["skipped"] = analysis->warning;
        return out;
    }
    const DimensionlessForm& form = *analysis->form;
    out["description"] = form.description();
    out["target"] = form.target_text;
    out["prefactor"] = form.prefactor_text;
    py::dict groups;
    for (const DimensionlessGroup& group : form.groups) groups[py::str(group.name)] = group.text;
    out["groups"] = groups;
    out["inputs_removed"] = form.variables_removed();
    return out;
}

py::dict check_data(const InputArray& X, const InputArray& y, const std::vector<std::string>& names,
                    const std::string& target, const py::dict& options) {
    RunOptions run;
    read_options(options, run);
    const Dataset data = table_of(X, names, {{target, &y}});
    const Problem problem(data, target, names, {.seed = run.solve.search.seed});
    CheckReport report;
    {
        const py::gil_scoped_release released;  // check() has no stop: Ctrl-C is heard once it returns
        report = check(data, problem, run.solve);
    }
    py::dict out;
    out["dimensions"] = dimensions_of(report.dimensions);
    out["surrogate"] = report.oracle;
    out["threshold"] = report.threshold;
    out["errors_of_log"] = report.log_magnitude;
    py::list symmetries;
    for (const PairSymmetryVerdict& v : report.symmetries) {
        py::dict one = evidence_of(v.evidence);
        one["inputs"] = py::make_tuple(names[v.first], names[v.second]);
        one["through"] = describe(v, names[v.first], names[v.second]);
        symmetries.append(one);
    }
    out["symmetries"] = symmetries;
    py::list separations;
    for (const SeparabilityVerdict& v : report.separations) {
        py::dict one = evidence_of(v.evidence);
        std::vector<std::string> group;
        for (std::size_t k : v.group) group.push_back(names[k]);
        one["kind"] = v.kind == Separation::multiplicative ? "multiplicative" : "additive";
        one["transform"] = std::string(transform_name(v.transform));
        one["group"] = group;
        separations.append(one);
    }
    out["separations"] = separations;
    out["plan"] = report.plan;
    return out;
}

}  // namespace

void add_check_function(py::module_& module) {
    module.def("check", &check_data, py::arg("X"), py::arg("y"), py::arg("names"), py::arg("target"),
               py::arg("options"),
               "The pre-checks of y from X without searching: dimensional analysis (with units), the surrogate's "
               "symmetry and separability verdicts, and the plan a search would follow");
}

}  // namespace occam::python
