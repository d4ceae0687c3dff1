// Each data row takes a fast path that only parses well-formed numeric cells; anything unusual
// (quotes, empty or invalid cells, wrong field count, blank lines) re-reads that one line on a
// careful path that either accepts it or says exactly what is wrong.
#include "csv_parser.hpp"

#include "occam/error.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

namespace occam::detail {
namespace {

// Reads a number from a whole cell; accepts a leading '+' and, as fast_float does, nan and inf.
bool parse_number(std::string_view text, double& value) {
    const char* p = text.data();
    const char* end = p + text.size();
    if (p < end && *p == '+' && (p + 1 == end || (p[1] != '-' && p[1] != '+'))) ++p;
    if (p == end) return false;
    auto result = fast_float::from_chars(p, end, value);
    // Out of range still yields a usable value (±inf or 0) in newer fast_float releases.
    bool ok = result.ec == std::errc() || result.ec == std::errc::result_out_of_range;
    return ok && result.ptr == end;
}

}  // namespace

Eigen::Index count_lines(std::string_view text, bool ends_input) {
    auto lines = static_cast<Eigen::Index>(std::count(text.begin(), text.end(), '\n'));
    return lines + (ends_input && !text.empty() && text.back() != '\n');
}

CsvParser::CsvParser(std::string_view source, const CsvOptions& options, Eigen::Index expected_rows)
    : source_(source), options_(options), capacity_(std::max<Eigen::Index>(expected_rows, 16)) {}

[[noreturn]] void CsvParser::fail(std::size_t column, std::string_view what) const {
    TextPlace{source_, line_number_}.fail(column, what);
}

std::vector<TextField> CsvParser::split(std::string_view line) const {
    return split_line(line, sep_, TextPlace{source_, line_number_});
}

void CsvParser::feed(std::string_view text) {
    if (line_number_ == 0 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* line_end = newline ? newline : end;
        std::string_view line(p, static_cast<std::size_t>(line_end - p));
        p = newline ? newline + 1 : end;
        ++line_number_;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        if (names_.empty()) {
            // Blank lines before the header are skipped, so a file of only blank lines reads as empty.
            if (!is_blank_line(line)) read_header(line);
            continue;
        }
        Row kind = Row::kept;
        if (line.empty() || !parse_row_fast(line, row_.data())) kind = parse_row_careful(line, row_.data());
        if (kind == Row::blank) {
            if (blank_line_ == 0) blank_line_ = line_number_;
            continue;
        }
        if (blank_line_ != 0) {
            line_number_ = blank_line_;
            fail(0, "blank line between data rows");
        }
        if (kind == Row::dropped) {
            ++dropped_;
            continue;
        }
        add_row(row_.data());
    }
}

void CsvParser::add_row(const double* row) {
    if (rows_ == values_.rows()) values_.conservativeResize(2 * rows_, Eigen::NoChange);
    const Eigen::Index stride = values_.rows();
    double* out = values_.data() + rows_++;
    for (Eigen::Index c = 0; c < values_.cols(); ++c) out[c * stride] = row[c];
}

Dataset CsvParser::finish() {
    if (names_.empty()) throw input_error(fmt::format("{}: empty file (expected a header row)", source_));
    if (rows_ == 0) {
        if (dropped_ > 0) {
            throw input_error(fmt::format("{}: no data rows (all {} rows had an empty, NaN or Inf cell)", source_,
                                          dropped_));
        }
        throw input_error(fmt::format("{}: no data rows", source_));
    }
    // A copy, but only when the capacity guess was high: blank, dropped or header lines.
    if (rows_ < values_.rows()) values_.conservativeResize(rows_, Eigen::NoChange);
    return Dataset(std::move(names_), std::move(values_));
}

void CsvParser::read_header(std::string_view line) {
    sep_ = guess_separator(line);

    std::vector<std::string> names;
    std::unordered_set<std::string> seen;
    for (auto& field : split(line)) {
        if (field.text.empty()) fail(field.column, "empty column name");
        if (!seen.insert(field.text).second) fail(0, fmt::format("duplicate column name \"{}\"", field.text));
        names.push_back(std::move(field.text));
    }
    names_ = std::move(names);
    row_.resize(names_.size());
    values_.resize(capacity_, static_cast<Eigen::Index>(names_.size()));
}

// Parses a line of plain numbers with exactly one per column; false means "look closer".
bool CsvParser::parse_row_fast(std::string_view line, double* out) const {
    const char* p = line.data();
    const char* end = p + line.size();
    const std::size_t columns = names_.size();
    for (std::size_t c = 0; c < columns; ++c) {
        while (p < end && blank(*p)) ++p;
        if (p + 1 < end && *p == '+' && p[1] != '-') ++p;  // fast_float rejects a leading '+'
        double value;
        auto result = fast_float::from_chars(p, end, value);
        if (result.ec != std::errc() || !std::isfinite(value)) return false;
        p = result.ptr;
        while (p < end && blank(*p)) ++p;
        if (c + 1 < columns) {
            if (p == end || *p != sep_) return false;
            ++p;
        } else if (p != end) {
            return false;
        }
        out[c] = value;
    }
    return true;
}

CsvParser::Row CsvParser::parse_row_careful(std::string_view line, double* out) const {
    if (is_blank_line(line)) return Row::blank;
    std::vector<TextField> fields = split(line);
    if (fields.size() != names_.size()) {
        fail(0, fmt::format("expected {} field{}, found {}", names_.size(), names_.size() == 1 ? "" : "s",
                            fields.size()));
    }
    bool invalid = false;
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const TextField& field = fields[c];
        if (field.text.empty()) {
            if (!options_.drop_invalid) {
                fail(field.column,
                     fmt::format("empty cell in column \"{}\" (use --drop-invalid to skip such rows)", names_[c]));
            }
            invalid = true;
            continue;
        }
        if (!parse_number(field.text, out[c])) {
            fail(field.column, fmt::format("cannot read \"{}\" as a number (column \"{}\")", field.text, names_[c]));
        }
        if (!std::isfinite(out[c])) {
            if (!options_.drop_invalid) {
                fail(field.column, fmt::format("invalid value \"{}\" in column \"{}\" (use --drop-invalid to skip "
                                               "such rows)",
                                               field.text, names_[c]));
            }
            invalid = true;
        }
    }
    return invalid ? Row::dropped : Row::kept;
}

}  // namespace occam::detail
