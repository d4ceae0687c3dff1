#pragma once
// The parts of the _occam module, each registered by its own file.
#include <pybind11/pybind11.h>

namespace occam::python {

void add_formula_functions(pybind11::module_& module);  // formulas.cpp: evaluate, sample
void add_search_function(pybind11::module_& module);    // search.cpp: the whole run, as the CLI's search
void add_check_function(pybind11::module_& module);     // check.cpp: the pre-checks as data
void add_distill_function(pybind11::module_& module);   // distill.cpp: formulas of a network component

}  // namespace occam::python
