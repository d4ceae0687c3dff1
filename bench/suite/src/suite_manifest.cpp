#include "occam/suite_manifest.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "occam/error.hpp"

namespace occam {

std::vector<std::string> split_fields(std::string line, char separator) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, separator)) fields.push_back(field);
    if (!line.empty() && line.back() == separator) fields.emplace_back();
    return fields;
}

namespace {

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw input_error(fmt::format("{}: cannot open the suite table", path));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

double to_number(const std::string& text, const std::string& path, std::size_t line) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw input_error(fmt::format("{}:{}: cannot read \"{}\" as a number", path, line, text));
    return value;
}

// The named columns' bounding boxes, as sampling ranges.
std::vector<VariableRange> ranges_of(const Dataset& data, const std::vector<std::string>& names) {
    std::vector<VariableRange> ranges;
    for (const auto& name : names) {
        const Eigen::ArrayXd column = data.column(name);
        ranges.push_back({name, column.minCoeff(), column.maxCoeff()});
    }
    return ranges;
}

}  // namespace

std::vector<SuiteProblem> load_feynman(const std::string& directory) {
    const std::string path = directory + "/FeynmanEquations.csv";
    const auto lines = read_lines(path);
    std::vector<SuiteProblem> problems;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split_fields(lines[i]);
        if (f.size() < 8) continue;
        SuiteProblem p{f[0], f[2], f[3], {}, {}};
        for (std::size_t k = 5; k + 2 < f.size() && !f[k].empty(); k += 3)
            p.variables.push_back({f[k], to_number(f[k + 1], path, i + 1), to_number(f[k + 2], path, i + 1)});
        problems.push_back(std::move(p));
    }
    return problems;
}


std::vector<SuiteProblem> load_strogatz(const std::string& directory) {
    const std::string path = directory + "/strogatz_equations.csv";
    const auto lines = read_lines(path);
    std::vector<SuiteProblem> problems;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split_fields(lines[i]);
        if (f.size() < 6) continue;
        // the data files name the derivative "label"
        SuiteProblem p{f[0], "label", f[4], {}, directory + "/" + f[2]};
        p.variables = ranges_of(read_csv(p.data_file), split_fields(f[5], ';'));
        problems.push_back(std::move(p));
    }
    return problems;
}

std::vector<SuiteProblem> load_real(const std::string& directory) {
    const std::string path = directory + "/real_laws.csv";
    const auto lines = read_lines(path);
    std::vector<SuiteProblem> problems;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split_fields(lines[i]);
        if (f.size() < 6) throw input_error(fmt::format("{}:{}: expected at least 6 fields, found {}", path, i + 1, f.size()));
        SuiteProblem p{f[0], f[2], f[4], {}, directory + "/" + f[1]};
        p.variables = ranges_of(read_csv(p.data_file), split_fields(f[3], ' '));
        p.free_constants = split_fields(f[5], ' ');
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace occam
