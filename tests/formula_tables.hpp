#pragma once
// Reads the benchmark formula tables copied under tests/data (see tests/data/NOTICE.md).
// Neither table quotes a field, so a plain comma split is enough here.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "occam/sampling.hpp"

namespace occam::test {

struct TableFormula {
    std::string id;
    std::string output;
    std::string formula;
    std::vector<VariableRange> variables;  // ranges are [1, 1] where the table gives none
};

inline std::vector<std::string> split_line(std::string line, char separator = ',') {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, separator)) fields.push_back(field);
    if (!line.empty() && line.back() == separator) fields.emplace_back();
    return fields;
}

inline std::vector<std::string> table_lines(const std::string& name) {
    std::ifstream in(std::string(OCCAM_SOURCE_DIR) + "/tests/data/" + name);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The 100 Feynman equations with their variable names and sampling ranges (v*_name cells; the
// "# variables" column is wrong for six rows and is not read).
inline std::vector<TableFormula> feynman_formulas() {
    std::vector<TableFormula> result;
    const auto lines = table_lines("FeynmanEquations.csv");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split_line(lines[i]);
        TableFormula row{f[0], f[2], f[3], {}};
        for (std::size_t k = 5; k + 2 < f.size() && !f[k].empty(); k += 3)
            row.variables.push_back({f[k], std::stod(f[k + 1]), std::stod(f[k + 2])});
        result.push_back(row);
    }
    return result;
}

// The 14 Strogatz ODE right-hand sides; inputs are x and y.
inline std::vector<TableFormula> strogatz_formulas() {
    std::vector<TableFormula> result;
    const auto lines = table_lines("strogatz_equations.csv");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split_line(lines[i]);
        TableFormula row{f[0], f[3], f[4], {}};
        for (const auto& name : split_line(f[5], ';')) row.variables.push_back({name, 1, 1});
        result.push_back(row);
    }
    return result;
}

}  // namespace occam::test
