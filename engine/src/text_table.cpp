#include "occam/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "occam/error.hpp"

namespace occam {

void TextPlace::fail(std::size_t column, std::string_view what) const {
    if (column == 0) throw input_error(fmt::format("{}:{}: {}", source, line, what));
    throw input_error(fmt::format("{}:{}:{}: {}", source, line, column, what));
}

std::vector<TextField> split_line(std::string_view line, char separator, const TextPlace& place) {
    const auto blank = [separator](char c) { return c == ' ' || (c == '\t' && separator != '\t'); };
    std::vector<TextField> fields;
    std::size_t i = 0;
    for (;;) {
        const std::size_t start = i;
        while (i < line.size() && blank(line[i])) ++i;
        // an empty field is placed where it starts
        TextField field{{}, (i < line.size() && line[i] != separator ? i : start) + 1};
        if (i < line.size() && line[i] == '"') {
            const std::size_t open = i++;
            for (;;) {
                if (i >= line.size()) place.fail(open + 1, "unterminated quoted field");
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += line[i++];
            }
            while (i < line.size() && blank(line[i])) ++i;
            if (i < line.size() && line[i] != separator) place.fail(i + 1, "unexpected text after closing quote");
        } else {
            const std::size_t end = std::min(line.find(separator, i), line.size());
            std::size_t last = end;
            while (last > i && (blank(line[last - 1]) || line[last - 1] == '\r')) --last;
            field.text.assign(line.substr(i, last - i));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return fields;
        ++i;  // the separator
    }
}

char guess_separator(std::string_view header) {
    constexpr char candidates[3] = {',', '\t', ';'};
    std::size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        for (int k = 0; k < 3; ++k) counts[k] += !quoted && c == candidates[k];
    }
    return candidates[std::max_element(counts, counts + 3) - counts];
}

bool is_blank_line(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string read_text_file(const std::filesystem::path& path, std::string_view what) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw input_error(fmt::format("{}: cannot open {}", path.string(), what));
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) throw input_error(fmt::format("{}: cannot read {}", path.string(), what));
    return std::move(text).str();
}

std::size_t TextTable::column(std::string_view name) const {
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c].text == name) return c;
    throw input_error(fmt::format("{}:{}: no column \"{}\"", source, header_line, name));
}

void TextTable::require_full_rows() const {
    for (const Row& row : rows) {
        if (row.fields.size() != header.size())
            TextPlace{source, row.line}.fail(0, fmt::format("expected {} field{}, found {}", header.size(),
                                                            header.size() == 1 ? "" : "s", row.fields.size()));
    }
}

double TextTable::number(const Row& row, std::size_t column) const {
    const TextPlace place{source, row.line};
    const std::string name = column < header.size() ? header[column].text : fmt::format("{}", column + 1);
    if (column >= row.fields.size()) place.fail(0, fmt::format("no field for column \"{}\"", name));
    const TextField& field = row.fields[column];
    std::string_view text = field.text;
    // a plus sign may lead, once: "+-3" is not a number
    if (text.starts_with('+') && !text.starts_with("++") && !text.starts_with("+-")) text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        place.fail(field.column,
                   fmt::format("cannot read \"{}\" as a number (column \"{}\")", field.text, name));
    return value;
}

TextTable parse_text_table(std::string_view text, std::string source, char separator) {
    TextTable table;
    table.source = std::move(source);
    for_each_line(text, [&](std::size_t number, std::string_view line) {
        if (is_blank_line(line)) return;
        const TextPlace place{table.source, number};
        if (table.header.empty()) {
            table.separator = separator != 0 ? separator : guess_separator(line);
            table.header = split_line(line, table.separator, place);
            table.header_line = number;
        } else {
            table.rows.push_back({number, split_line(line, table.separator, place)});
        }
    });
    if (table.header.empty()) throw input_error(fmt::format("{}: empty file (expected a header row)", table.source));
    return table;
}

TextTable read_text_table(const std::filesystem::path& path, std::string_view what, char separator) {
    return parse_text_table(read_text_file(path, what), path.string(), separator);
}

std::vector<std::string> split_list(std::string_view text, char separator) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        std::string_view item = text.substr(start, end - start);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (!item.empty()) items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

}  // namespace occam
