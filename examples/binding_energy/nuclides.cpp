#include "nuclides.hpp"

#include <fmt/format.h>
#include <occam/error.hpp>

#include <charconv>
#include <fstream>
#include <string_view>

namespace binding_energy {
namespace {

std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string_view::npos; start = comma + 1)
        fields.push_back(line.substr(start, comma - start));
    fields.push_back(line.substr(start));
    return fields;
}

// The table has text columns (element, origin), which occam::read_csv rightly refuses, so it is read here.
class TableReader {
public:
    TableReader(std::string path, std::string_view header) : path_(std::move(path)), header_(fields_of(header)) {}

    std::size_t column(std::string_view name) const {
        for (std::size_t c = 0; c < header_.size(); ++c)
            if (header_[c] == name) return c;
        throw occam::input_error(fmt::format("{}:1: no column \"{}\"", path_, name));
    }

    double number(const std::vector<std::string_view>& fields, std::size_t column, int line) const {
        double value = 0;
        const auto text = fields.at(column);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc{} || end != text.data() + text.size())
            throw occam::input_error(fmt::format("{}:{}: cannot read \"{}\" as a number (column \"{}\")", path_, line,
                                                 text, header_[column]));
        return value;
    }

    const std::string& path() const { return path_; }
    std::size_t width() const { return header_.size(); }

private:
    std::string path_;
    std::vector<std::string_view> header_;
};

}  // namespace

std::vector<Nuclide> read_measured_nuclides(const std::string& path, int min_mass_number) {
    std::ifstream in(path);
    if (!in) throw occam::input_error(fmt::format("{}: cannot open file", path));
    std::string header;
    if (!std::getline(in, header)) throw occam::input_error(fmt::format("{}: empty file", path));
    const TableReader table(path, header);
    const auto n = table.column("N"), z = table.column("Z"), a = table.column("A"), element = table.column("element");
    const auto per_nucleon = table.column("binding_energy_per_A_keV");
    const auto per_nucleon_error = table.column("binding_energy_per_A_unc_keV");
    const auto estimated = table.column("estimated");

    std::vector<Nuclide> nuclides;
    std::string text;
    for (int line = 2; std::getline(in, text); ++line) {
        const auto fields = fields_of(text);
        if (fields.size() != table.width())
            throw occam::input_error(fmt::format("{}:{}: expected {} fields, found {}", path, line, table.width(),
                                                 fields.size()));
        if (table.number(fields, estimated, line) != 0) continue;
        Nuclide nuclide;
        nuclide.N = static_cast<int>(table.number(fields, n, line));
        nuclide.Z = static_cast<int>(table.number(fields, z, line));
        nuclide.A = static_cast<int>(table.number(fields, a, line));
        if (nuclide.A < min_mass_number) continue;
        nuclide.element = std::string(fields[element]);
        nuclide.binding = nuclide.A * table.number(fields, per_nucleon, line) / 1000;
        nuclide.uncertainty = nuclide.A * table.number(fields, per_nucleon_error, line) / 1000;
        nuclides.push_back(std::move(nuclide));
    }
    return nuclides;
}

}  // namespace binding_energy
