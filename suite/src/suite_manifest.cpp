#include "occam/suite_manifest.hpp"

#include <fmt/format.h>

#include "occam/parse.hpp"
#include "occam/text_table.hpp"

namespace occam {

namespace {

// The named columns' bounding boxes, as sampling ranges.
std::vector<VariableRange> ranges_of(const Dataset& data, const std::vector<std::string>& names) {
    std::vector<VariableRange> ranges;
    for (const auto& name : names) {
        const Eigen::ArrayXd column = data.column(name);
        ranges.push_back({name, column.minCoeff(), column.maxCoeff()});
    }
    return ranges;
}

// Laws sampled over uniform ranges, in the Feynman table's format: Filename (the id), Number,
// Output, Formula, # variables (not trusted), then vK_name, vK_low, vK_high up to the first empty name.
std::vector<SuiteProblem> load_sampled_laws(const std::string& path) {
    const auto table = read_text_table(path, "the suite table", ',');
    std::vector<SuiteProblem> problems;
    for (const auto& row : table.rows) {
        const auto& f = row.fields;
        if (f.size() < 8) continue;
        const TextPlace place{table.source, row.line};
        SuiteProblem p{f[0].text, f[2].text, f[3].text, {}, {}};
        std::vector<std::string> names;
        for (std::size_t k = 5; k + 2 < f.size() && !f[k].text.empty(); k += 3) {
            p.variables.push_back({f[k].text, table.number(row, k + 1), table.number(row, k + 2)});
            if (!(p.variables.back().low < p.variables.back().high))
                place.fail(f[k + 1].column, fmt::format("the range of {} must have its low below its high", f[k].text));
            names.push_back(f[k].text);
        }
        // a law that cannot be read is named here, where its file and line are known
        try {
            parse_formula(p.formula, names);
        } catch (const formula_error& error) {
            place.fail(f[3].column + error.offset(), fmt::format("formula of {}: {}", p.id, error.reason()));
        }
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace

std::vector<SuiteProblem> load_feynman(const std::string& directory) {
    return load_sampled_laws(directory + "/FeynmanEquations.csv");
}

std::vector<SuiteProblem> load_unseen(const std::string& directory) {
    return load_sampled_laws(directory + "/UnseenLaws.csv");
}

std::vector<SuiteProblem> load_strogatz(const std::string& directory) {
    const auto table = read_text_table(directory + "/strogatz_equations.csv", "the suite table", ',');
    std::vector<SuiteProblem> problems;
    for (const auto& row : table.rows) {
        const auto& f = row.fields;
        if (f.size() < 6) continue;
        // the data files name the derivative "label"
        SuiteProblem p{f[0].text, "label", f[4].text, {}, directory + "/" + f[2].text};
        p.variables = ranges_of(read_csv(p.data_file), split_list(f[5].text, ';'));
        problems.push_back(std::move(p));
    }
    return problems;
}

std::vector<SuiteProblem> load_real(const std::string& directory) {
    const auto table = read_text_table(directory + "/real_laws.csv", "the suite table", ',');
    std::vector<SuiteProblem> problems;
    for (const auto& row : table.rows) {
        const auto& f = row.fields;
        if (f.size() < 6)
            TextPlace{table.source, row.line}.fail(0, fmt::format("expected at least 6 fields, found {}", f.size()));
        SuiteProblem p{f[0].text, f[2].text, f[4].text, {}, directory + "/" + f[1].text};
        p.variables = ranges_of(read_csv(p.data_file), split_list(f[3].text, ' '));
        p.free_constants = split_list(f[5].text, ' ');
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace occam
