#pragma once
// The one tokenizer of occam's text tables: data CSV, units tables, suite manifests, example tables.
// Lines end in \n or \r\n, a leading byte-order mark is skipped, fields are split at one separator
// character, a field may be double-quoted (a "" inside stands for one quote) and blanks around a
// field are dropped. Every complaint names source:line:column.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace occam {

struct TextField {
    std::string text;    // unquoted, without surrounding blanks
    std::size_t column;  // 1-based byte column of its first non-blank character
};

// Where the reader is: throws input_error "source:line:column: what" (no column when it is 0).
struct TextPlace {
    std::string_view source;
    std::size_t line = 0;

    [[noreturn]] void fail(std::size_t column, std::string_view what) const;
};

// Splits one line (without its line end) at separator. A tab is a blank unless it is the separator.
std::vector<TextField> split_line(std::string_view line, char separator, const TextPlace& place);

// The separator of a header line: whichever of , tab ; occurs most often outside quotes; ties favour
// the comma.
char guess_separator(std::string_view header);

// Calls visit(line_number, line) for every line of text, 1-based, without line ends or byte-order mark.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        visit(++number, line);
        start = end + 1;
    }
}

bool is_blank_line(std::string_view line);

// A whole file's text; what names it in the error ("the units table").
std::string read_text_file(const std::filesystem::path& path, std::string_view what);

// A table with a header line: its column names and its non-blank rows, each with its line number.
struct TextTable {
    struct Row {
        std::size_t line;
        std::vector<TextField> fields;
    };

    std::string source;
    char separator = ',';
    std::vector<TextField> header;
    std::size_t header_line = 1;
    std::vector<Row> rows;

    // The header's column of this name; "source:line: no column "name"" if there is none.
    std::size_t column(std::string_view name) const;
    // Every row has as many fields as the header, or the first that does not is named.
    void require_full_rows() const;
    // The field as a finite number: "source:line:column: cannot read "x" as a number (column "c")".
    double number(const Row& row, std::size_t column) const;
};

// Reads text as a table; the separator is guessed from the header unless given.
TextTable parse_text_table(std::string_view text, std::string source, char separator = 0);
TextTable read_text_table(const std::filesystem::path& path, std::string_view what, char separator = 0);

// A list inside one field, such as "x y z" or "x;y": the non-empty items between separators.
std::vector<std::string> split_list(std::string_view text, char separator);

}  // namespace occam
