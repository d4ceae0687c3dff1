// The units table as CSV: a header naming the variable column, description columns and base units,
// then one row per variable. Every complaint names file:line:column.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "occam/error.hpp"
#include "occam/text_table.hpp"
#include "occam/units.hpp"

namespace occam {
namespace {

enum class Role { variable, description, base_unit };

bool same_word(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

Role role_of(std::string_view name) {
    if (same_word(name, "variable")) return Role::variable;
    for (std::string_view description : {"units", "quantity", "description"})
        if (same_word(name, description)) return Role::description;
    return Role::base_unit;
}

class UnitsReader {
public:
    explicit UnitsReader(std::string_view source) : source_(source) {}

    UnitsTable read(std::string_view text) {
        for_each_line(text, [&](std::size_t number, std::string_view line) {
            line_number_ = number;
            if (is_blank_line(line)) return;
            if (roles_.empty()) {
                read_header(line);
            } else {
                read_row(line);
            }
        });
        if (roles_.empty()) throw input_error(fmt::format("{}: empty file (expected a header row)", source_));
        return std::move(table_);
    }

private:
    std::string_view source_;
    std::size_t line_number_ = 0;
    char separator_ = ',';
    std::vector<Role> roles_;              // one per header field; empty until the header is read
    std::vector<std::string> header_;
    std::map<std::string, std::size_t, std::less<>> first_line_;  // of each variable, for duplicates
    UnitsTable table_;

    [[noreturn]] void fail(std::size_t column, std::string_view what) const {
        TextPlace{source_, line_number_}.fail(column, what);
    }

    std::vector<TextField> split(std::string_view line) const {
        return split_line(line, separator_, TextPlace{source_, line_number_});
    }

    void read_header(std::string_view line) {
        separator_ = guess_separator(line);
        std::vector<std::string> bases;
        bool has_variable = false;
        for (const TextField& field : split(line)) {
            const Role role = role_of(field.text);
            if (field.text.empty()) fail(field.column, "empty column name");
            if (std::find(header_.begin(), header_.end(), field.text) != header_.end())
                fail(field.column, fmt::format("duplicate column \"{}\"", field.text));
            if (role == Role::variable && has_variable) fail(field.column, "a second \"Variable\" column");
            if (role == Role::variable) has_variable = true;
            if (role == Role::base_unit) bases.push_back(field.text);
            roles_.push_back(role);
            header_.push_back(field.text);
        }
        if (!has_variable) fail(0, "no \"Variable\" column (the header names Variable, then one column per base unit)");
        if (bases.empty()) fail(0, "no base-unit columns (such as m, s, kg) after \"Variable\"");
        table_ = UnitsTable(std::move(bases), std::string(source_));
    }

    void read_row(std::string_view line) {
        const std::vector<TextField> fields = split(line);
        if (fields.size() > roles_.size())
            fail(fields[roles_.size()].column, fmt::format("unexpected field (the header has {} columns)", roles_.size()));
        if (fields.size() < roles_.size())
            fail(line.size() + 1, fmt::format("missing the \"{}\" column (expected {} fields, found {})",
                                              header_[fields.size()], roles_.size(), fields.size()));
        std::optional<TextField> variable;
        Dimension dimension;
        std::string quantity;
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const TextField& field = fields[c];
            switch (roles_[c]) {
                case Role::variable: variable = field; break;
                case Role::description:
                    if (quantity.empty()) quantity = field.text;
                    break;
                case Role::base_unit: {
                    const auto exponent = parse_rational(field.text);
                    if (!exponent)
                        fail(field.column, fmt::format("cannot read \"{}\" as an exponent such as 2, -1 or 1/2 (column \"{}\")",
                                                       field.text, header_[c]));
                    dimension.push_back(*exponent);
                    break;
                }
            }
        }
        if (variable->text.empty()) fail(variable->column, "empty variable name");
        if (const auto it = first_line_.find(variable->text); it != first_line_.end())
            fail(variable->column, fmt::format("duplicate variable \"{}\" (first on line {})", variable->text, it->second));
        first_line_.emplace(variable->text, line_number_);
        table_.add(variable->text, std::move(dimension), std::move(quantity));
    }
};

}  // namespace

UnitsTable parse_units(std::string_view text, std::string_view source) { return UnitsReader(source).read(text); }

UnitsTable read_units(const std::filesystem::path& path) {
    return parse_units(read_text_file(path, "the units table"), path.string());
}

}  // namespace occam
