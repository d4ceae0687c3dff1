#pragma once
// numpy arrays in and out of the engine's column-major tables. A C-contiguous float64 array is read
// in place (pybind11 converts anything else once, on the way in); the engine's own layout is the
// one copy made here.
#include <pybind11/numpy.h>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "occam/dataset.hpp"

namespace occam::python {

using InputArray = pybind11::array_t<double, pybind11::array::c_style | pybind11::array::forcecast>;

// A rows x columns array as rows x columns values; input_error when it is not two-dimensional with
// that many columns (what names the array: "X").
Eigen::ArrayXXd matrix_of(const InputArray& array, std::size_t columns, const char* what);

// The inputs (rows x names) followed by one column per (name, vector), each of the inputs' rows.
Dataset table_of(const InputArray& inputs, const std::vector<std::string>& names,
                 const std::vector<std::pair<std::string, const InputArray*>>& columns);

// A table as a C-ordered rows x columns float64 array.
pybind11::array_t<double> array_of(const Eigen::ArrayXXd& values);

}  // namespace occam::python
