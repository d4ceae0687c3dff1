#pragma once
// The CSV grammar, fed complete lines a block at a time so that a file can be read in pieces that
// stay in cache. Private to the engine: users call read_csv or parse_csv.
#include "occam/dataset.hpp"
#include "occam/text_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace occam::detail {

class CsvParser {
public:
    // expected_rows is a capacity hint; the table grows if the text holds more rows.
    CsvParser(std::string_view source, const CsvOptions& options, Eigen::Index expected_rows);

    // Reads every line in text. Each block must end with a line end, except the last block of the input.
    void feed(std::string_view text);
    Dataset finish();

private:
    enum class Row { kept, dropped, blank };
    bool blank(char c) const { return c == ' ' || (c == '\t' && sep_ != '\t'); }
    void read_header(std::string_view line);
    void add_row(const double* row);
    bool parse_row_fast(std::string_view line, double* out) const;
    Row parse_row_careful(std::string_view line, double* out) const;
    std::vector<TextField> split(std::string_view line) const;
    [[noreturn]] void fail(std::size_t column, std::string_view what) const;

    std::string_view source_;
    const CsvOptions& options_;
    std::size_t line_number_ = 0;  // of the line being read
    std::size_t blank_line_ = 0;   // first of a run of blank lines, which is fine only at the end
    std::size_t dropped_ = 0;
    char sep_ = ',';
    std::vector<std::string> names_;  // empty until the header is read
    std::vector<double> row_;
    Eigen::Index capacity_;   // rows allocated when the header is read
    Eigen::ArrayXXd values_;  // column-major, with spare rows beyond rows_
    Eigen::Index rows_ = 0;
};

// Lines in text, counting a last line without a line end.
Eigen::Index count_lines(std::string_view text, bool ends_input);

}  // namespace occam::detail
