// _occam.distill: `occam distill` on a component given as JSON text, sampled on a domain or on
// given inputs, each output's front as the CLI's JSON.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "interruptible.hpp"
#include "numpy_table.hpp"
#include "occam/component_json.hpp"
#include "occam/distill.hpp"
#include "occam/front_format.hpp"
#include "occam/sampling_domain.hpp"
#include "run_options.hpp"

namespace py = pybind11;

namespace occam::python {
namespace {

struct Sampling {
    std::vector<std::tuple<std::string, double, double>> ranges;  // the domain, when inputs is None
    std::optional<InputArray> inputs;                             // real inputs, one column per component input
    std::size_t samples = 0;
    bool grid = false;
    std::optional<std::size_t> output_index;
    double r2_goal = 0;
};

py::dict distill_component(const std::string& text, const std::string& source, const Sampling& sampling,
                           const py::dict& options, bool verbose) {
    RunOptions run;
    read_options(options, run);
    DistillOptions distilling;
    distilling.search = run.solve.search;
    distilling.prechecks = run.solve.prechecks.mode;
    distilling.validation_fraction = run.validation;
    distilling.samples = sampling.samples;
    distilling.plan = sampling.grid ? SamplingPlan::grid : SamplingPlan::random_box;
    distilling.output_index = sampling.output_index;
    distilling.r2_goal = sampling.r2_goal;

    const FeedForward component = parse_component(text, source);
    Domain domain;
    Eigen::MatrixXd inputs;
    if (sampling.inputs) {
        inputs = matrix_of(*sampling.inputs, component.input_names.size(), "inputs").matrix();
    } else {
        std::vector<VariableRange> ranges;
        for (const auto& [name, low, high] : sampling.ranges) ranges.push_back({name, low, high});
        domain = make_domain(component, ranges);
    }
    Distillation result;
    const bool interrupted = run_interruptibly(
        [&](const std::atomic<bool>& stop, ProgressBoard& board) {
            const auto progress = [&board](const Progress& p) { board.post(progress_text(p)); };
            result = sampling.inputs ? distill(component, inputs, distilling, progress, &stop)
                                     : distill(component, domain, distilling, progress, &stop);
        },
        verbose);
    py::list outputs;
    for (const DistilledOutput& output : result.outputs) {
        py::dict one;
        one["name"] = output.name;
        one["front"] = format_front(output.front, FrontFormat::Json);
        one["r2"] = output.agreement.r2;
        one["rmse"] = output.agreement.rmse;
        outputs.append(one);
    }
    py::dict out;
    out["outputs"] = outputs;
    out["interrupted"] = interrupted || result.interrupted;
    return out;
}

}  // namespace

void add_distill_function(py::module_& module) {
    module.def(
        "distill",
        [](const std::string& text, const std::string& source,
           const std::vector<std::tuple<std::string, double, double>>& ranges, const std::optional<InputArray>& inputs,
           std::size_t samples, bool grid, std::optional<std::size_t> output_index, double r2_goal,
           const py::dict& options, bool verbose) {
            return distill_component(text, source, {ranges, inputs, samples, grid, output_index, r2_goal}, options,
                                     verbose);
        },
        py::arg("component"), py::arg("source"), py::arg("ranges"), py::arg("inputs"), py::arg("samples"),
        py::arg("grid"), py::arg("output_index"), py::arg("r2_goal"), py::arg("options"), py::arg("verbose"),
        "Distil a component (JSON text; source names it in errors) on a domain of (name, low, high) ranges or on "
        "given inputs: one front per output, as the CLI's JSON, with the chosen formula's agreement");
}

}  // namespace occam::python
