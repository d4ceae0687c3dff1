#include "numpy_table.hpp"

#include <fmt/format.h>

#include <cmath>

#include "occam/error.hpp"

namespace occam::python {
namespace {

using RowMajor = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The array in place, checked to be rows x columns.
Eigen::Map<const RowMajor> rows_of(const InputArray& array, std::size_t columns, const char* what) {
    if (array.ndim() != 2)
        throw input_error(fmt::format("{}: expected a two-dimensional array (rows x columns), got {} dimension(s)",
                                      what, array.ndim()));
    if (static_cast<std::size_t>(array.shape(1)) != columns)
        throw input_error(fmt::format("{}: expected {} column(s), got {}", what, columns, array.shape(1)));
    return {array.data(), array.shape(0), array.shape(1)};
}

}  // namespace

Eigen::ArrayXXd matrix_of(const InputArray& array, std::size_t columns, const char* what) {
    return rows_of(array, columns, what);  // numpy's rows are contiguous, the engine's columns
}

Dataset table_of(const InputArray& inputs, const std::vector<std::string>& names,
                 const std::vector<std::pair<std::string, const InputArray*>>& columns) {
    const auto X = rows_of(inputs, names.size(), "X");
    const Eigen::Index rows = X.rows();
    Eigen::ArrayXXd values(rows, X.cols() + static_cast<Eigen::Index>(columns.size()));
    values.leftCols(X.cols()) = X;
    std::vector<std::string> all_names = names;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const auto& [name, column] = columns[k];
        if (column->ndim() != 1 || column->shape(0) != rows)
            throw input_error(fmt::format("{}: expected one value per row of X ({}), got shape {}", name, rows,
                                          column->ndim() == 1 ? fmt::format("({},)", column->shape(0)) : "of more dimensions"));
        values.col(X.cols() + static_cast<Eigen::Index>(k)) = Eigen::Map<const Eigen::ArrayXd>(column->data(), rows);
        all_names.push_back(name);
    }
    for (Eigen::Index c = 0; c < values.cols(); ++c)
        for (Eigen::Index r = 0; r < rows; ++r)
            if (!std::isfinite(values(r, c)))
                throw input_error(fmt::format("row {} of {}: {} is not a finite number", r, all_names[c], values(r, c)));
    return Dataset(std::move(all_names), std::move(values));
}

pybind11::array_t<double> array_of(const Eigen::ArrayXXd& values) {
    pybind11::array_t<double> out({values.rows(), values.cols()});
    Eigen::Map<RowMajor>(out.mutable_data(), values.rows(), values.cols()) = values;
    return out;
}

}  // namespace occam::python
