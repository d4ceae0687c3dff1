// _occam: the compiled core of the Python package. Users import occam (occam/__init__.py), which
// wraps these functions in the scikit-learn estimator and friendlier signatures.
#include "bindings.hpp"
#include "occam/error.hpp"
#include "occam/operator_set.hpp"
#include "occam/problem.hpp"
#include "occam/search_options.hpp"

namespace {

// The engine's defaults under the estimator's parameter names, so a test can hold the Python
// signature to them.
pybind11::dict engine_defaults() {
    const occam::SearchOptions search;
    pybind11::dict out;
    out["target_loss"] = search.budget.target_loss;
    out["stall_generations"] = search.budget.stall_generations;
    out["seed"] = search.seed;
    out["threads"] = search.threads;
    out["islands"] = search.population.islands;
    out["population"] = search.population.population_size;
    out["max_length"] = search.population.max_length;
    out["max_depth"] = search.population.max_depth;
    out["short_length"] = search.population.short_island_length;
    out["widen_after"] = search.widen_after;
    out["lm_iterations"] = search.fitting.iterations;
    out["fit_rows"] = search.fitting.max_rows;
    out["sign_restart"] = search.fitting.sign_restart;
    out["snap"] = search.fitting.snap;
    out["validation"] = occam::SplitOptions{}.validation_fraction;
    return out;
}

}  // namespace

PYBIND11_MODULE(_occam, module) {
    module.doc() = "occam's engine: formula search, evaluation, sampling and pre-checks";
    // bad input is the user's to fix: the CLI's one-line message, as a ValueError
    pybind11::register_exception<occam::input_error>(module, "InputError", PyExc_ValueError);
    module.attr("standard_operators") = occam::OperatorSet::standard().names();
    module.attr("stall_operators") = occam::OperatorSet::on_stall().names();
    module.attr("known_operators") = occam::known_operator_names();
    module.attr("min_rows") = occam::min_problem_rows;
    module.def("engine_defaults", &engine_defaults, "The engine's option defaults, by the estimator's names");
    occam::python::add_formula_functions(module);
    occam::python::add_search_function(module);
    occam::python::add_check_function(module);
    occam::python::add_distill_function(module);
}
