#pragma once
// A table of numbers with named columns, stored column-major so that one variable over many rows is
// one contiguous array: the layout the batch interpreter reads.
#include <Eigen/Core>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace occam {

class Dataset {
public:
    Dataset() = default;
    Dataset(std::vector<std::string> names, Eigen::ArrayXXd values);

    const std::vector<std::string>& names() const { return names_; }
    const Eigen::ArrayXXd& values() const { return values_; }  // rows x columns
    Eigen::Index rows() const { return values_.rows(); }
    Eigen::Index cols() const { return values_.cols(); }

    std::optional<std::size_t> find(std::string_view name) const;
    // The column index of name, or input_error listing the columns that exist.
    std::size_t require(std::string_view name, std::string_view source) const;
    Eigen::ArrayXd column(std::string_view name) const { return values_.col(require(name, "")); }
    // The named columns, in that order (rows x names); input_error as require for a missing one.
    Eigen::ArrayXXd columns(std::span<const std::string> names, std::string_view source) const;

private:
    std::vector<std::string> names_;
    Eigen::ArrayXXd values_;
};

struct CsvOptions {
    bool drop_invalid = false;  // drop rows with empty, NaN or Inf cells instead of failing
};

// Reads a CSV file with a header row. Separator (comma, tab or semicolon) is detected from the
// header; a UTF-8 byte-order mark, CRLF line ends and quoted names are accepted. Throws
// input_error naming file:line[:column] on anything it cannot read.
Dataset read_csv(const std::string& path, const CsvOptions& options = {});
// The same on text in memory; source names it in error messages.
Dataset parse_csv(std::string_view text, std::string_view source, const CsvOptions& options = {});

// Writes a CSV with a header; numbers in shortest round-trip form. Writes to a temporary file and
// renames it, so a failed or interrupted write never leaves a partial file behind.
void write_csv(const std::string& path, const Dataset& data);
// The same CSV text to a stream (e.g. standard output).
void write_csv(std::ostream& out, const Dataset& data);

}  // namespace occam
