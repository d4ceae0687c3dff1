// The shared tokenizer of text tables: what every reader (CSV, units, suites, examples) relies on.
#include <doctest/doctest.h>

#include "occam/error.hpp"
#include "occam/text_table.hpp"

using namespace occam;

namespace {

std::string error_of(std::string_view text, char separator = 0) {
    try {
        const auto table = parse_text_table(text, "t.csv", separator);
        table.require_full_rows();
        for (const auto& row : table.rows)
            for (std::size_t c = 0; c < row.fields.size(); ++c) (void)table.number(row, c);
    } catch (const input_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("text tables: quotes with escaped quotes, blanks, CRLF, a byte-order mark and blank lines") {
    const auto table = parse_text_table("\xEF\xBB\xBFname, \"a \"\"b\"\", c\" \r\n\n  x ,\t\"1,5\"\r\n", "t.csv");
    CHECK(table.separator == ',');
    REQUIRE(table.header.size() == 2);
    CHECK(table.header[0].text == "name");
    CHECK(table.header[1].text == "a \"b\", c");
    CHECK(table.header[1].column == 7);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].line == 3);
    CHECK(table.rows[0].fields[0].text == "x");
    CHECK(table.rows[0].fields[0].column == 3);
    CHECK(table.rows[0].fields[1].text == "1,5");
    CHECK(table.column("name") == 0);
}

TEST_CASE("text tables: the separator is the header's most frequent of comma, tab and semicolon") {
    CHECK(guess_separator("a;b;c") == ';');
    CHECK(guess_separator("a\tb,c\td") == '\t');
    CHECK(guess_separator("\"a,b,c\";d") == ';');  // commas inside quotes do not vote
    CHECK(guess_separator("a") == ',');
    // a tab separator is not a blank: an empty cell between two tabs stays a field
    const auto table = parse_text_table("a\tb\n1\t\n", "t.tsv");
    CHECK(table.rows[0].fields.size() == 2);
    CHECK(table.rows[0].fields[1].text.empty());
}

TEST_CASE("text tables: every complaint names file, line and column") {
    CHECK(error_of("") == "t.csv: empty file (expected a header row)");
    CHECK(error_of("a,b\n1,\"2\n") == "t.csv:2:3: unterminated quoted field");
    CHECK(error_of("a,b\n\"1\"x,2\n") == "t.csv:2:4: unexpected text after closing quote");
    CHECK(error_of("a,b\n1,2\n3\n") == "t.csv:3: expected 2 fields, found 1");
    CHECK(error_of("a,b\n1, two\n") == "t.csv:2:4: cannot read \"two\" as a number (column \"b\")");
    CHECK(error_of("a\ninf\n") == "t.csv:2:1: cannot read \"inf\" as a number (column \"a\")");
    CHECK_THROWS_WITH_AS(parse_text_table("a,b\n", "t.csv").column("c"), "t.csv:1: no column \"c\"", input_error);
    CHECK_THROWS_WITH_AS(read_text_file("no/such/table.csv", "the units table"),
                         "no/such/table.csv: cannot open the units table", input_error);
}

TEST_CASE("text tables: numbers may carry a plus sign; lists inside a field drop empty items") {
    const auto table = parse_text_table("a,b\n+1.5, -2e3\n", "t.csv");
    CHECK(table.number(table.rows[0], 0) == 1.5);
    CHECK(table.number(table.rows[0], 1) == -2000.0);
    CHECK(split_list(" x  y z ", ' ') == std::vector<std::string>{"x", "y", "z"});
    CHECK(split_list("x;;y", ';') == std::vector<std::string>{"x", "y"});
    CHECK(split_list("", ';').empty());
}
