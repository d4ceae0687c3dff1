#include "numpy_table.hpp"

#include <fmt/format.h>

#include <cmath>

#include "occam/error.hpp"

namespace occam::python {

Eigen::ArrayXXd matrix_of(const InputArray& array, std::size_t columns, const char* what) {
    if (array.ndim() != 2)
        throw input_error(fmt::format("{}: expected a two-dimensional array (rows x columns), got {} dimension(s)",
                                      what, array.ndim()));
    if (static_cast<std::size_t>(array.shape(1)) != columns)
        throw input_error(fmt::format("{}: expected {} column(s), got {}", what, columns, array.shape(1)));
    // numpy's rows are contiguous, the engine's columns: one pass that transposes the layout
    using RowMajor = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    return Eigen::Map<const RowMajor>(array.data(), array.shape(0), array.shape(1));
}

Dataset table_of(const InputArray& inputs, const std::vector<std::string>& names,
                 const std::vector<std::pair<std::string, const InputArray*>>& columns) {
    if (inputs.ndim() != 2 || static_cast<std::size_t>(inputs.shape(1)) != names.size())
        throw input_error(fmt::format("X: expected a two-dimensional array with {} column(s), one per name", names.size()));
    const Eigen::Index rows = inputs.shape(0);
    Eigen::ArrayXXd values(rows, static_cast<Eigen::Index>(names.size() + columns.size()));
    using RowMajor = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    values.leftCols(inputs.shape(1)) = Eigen::Map<const RowMajor>(inputs.data(), rows, inputs.shape(1));
    std::vector<std::string> all_names = names;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const auto& [name, column] = columns[k];
        if (column->ndim() != 1 || column->shape(0) != rows)
            throw input_error(fmt::format("{}: expected one value per row of X ({}), got shape {}", name, rows,
                                          column->ndim() == 1 ? fmt::format("({},)", column->shape(0)) : "of more dimensions"));
        values.col(static_cast<Eigen::Index>(names.size() + k)) = Eigen::Map<const Eigen::ArrayXd>(column->data(), rows);
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
    using RowMajor = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<RowMajor>(out.mutable_data(), values.rows(), values.cols()) = values;
    return out;
}

}  // namespace occam::python
