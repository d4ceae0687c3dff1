// The units table as CSV: a header naming the variable column, description columns and base units,
// then one row per variable. Every complaint names file:line:column.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "occam/error.hpp"
#include "occam/units.hpp"

namespace occam {
namespace {

struct Field {
    std::string text;    // unquoted, without surrounding blanks
    std::size_t column;  // 1-based byte column of its first non-blank character
};

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
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string_view line = text.substr(start, end - start);
            if (line.ends_with('\r')) line.remove_suffix(1);
            ++line_number_;
            if (line.find_first_not_of(" \t") != std::string_view::npos) {
                if (roles_.empty()) {
                    read_header(line);
                } else {
                    read_row(line);
                }
            }
            start = end + 1;
        }
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
        if (column == 0) throw input_error(fmt::format("{}:{}: {}", source_, line_number_, what));
        throw input_error(fmt::format("{}:{}:{}: {}", source_, line_number_, column, what));
    }

    std::vector<Field> split(std::string_view line) const {
        std::vector<Field> fields;
        std::size_t i = 0;
        for (;;) {
            while (i < line.size() && (line[i] == ' ' || (line[i] == '\t' && separator_ != '\t'))) ++i;
            Field field{{}, i + 1};
            if (i < line.size() && line[i] == '"') {
                const std::size_t close = line.find('"', i + 1);
                if (close == std::string_view::npos) fail(i + 1, "unterminated quoted field");
                field.text = line.substr(i + 1, close - i - 1);
                i = close + 1;
            }
            const std::size_t end = std::min(line.find(separator_, i), line.size());
            std::string_view rest = line.substr(i, end - i);
            while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
            field.text += rest;
            fields.push_back(std::move(field));
            if (end == line.size()) return fields;
            i = end + 1;
        }
    }

    void read_header(std::string_view line) {
        if (line.find(',') == std::string_view::npos) {
            if (line.find('\t') != std::string_view::npos) separator_ = '\t';
            else if (line.find(';') != std::string_view::npos) separator_ = ';';
        }
        std::vector<std::string> bases;
        bool has_variable = false;
        for (const Field& field : split(line)) {
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
        const std::vector<Field> fields = split(line);
        if (fields.size() > roles_.size())
            fail(fields[roles_.size()].column, fmt::format("unexpected field (the header has {} columns)", roles_.size()));
        if (fields.size() < roles_.size())
            fail(line.size() + 1, fmt::format("missing the \"{}\" column (expected {} fields, found {})",
                                              header_[fields.size()], roles_.size(), fields.size()));
        std::optional<Field> variable;
        Dimension dimension;
        std::string quantity;
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const Field& field = fields[c];
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
    std::ifstream file(path, std::ios::binary);
    if (!file) throw input_error(fmt::format("{}: cannot open the units table", path.string()));
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) throw input_error(fmt::format("{}: cannot read the units table", path.string()));
    return parse_units(text.str(), path.string());
}

}  // namespace occam
