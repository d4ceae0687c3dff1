#pragma once
// Physical units of named variables, as exponents of a table's base units. The Feynman table
// (bench/suites/feynman/units.csv) uses the bases m, s, kg, T (kelvin) and V (volt):
//
//   Variable,Units,m,s,kg,T,V
//   F,Force,1,-2,1,0,0
//
// Dimensional analysis (dimensional_analysis.hpp) reads the units of a problem's variables here.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "occam/rational.hpp"

namespace occam {

// One exponent per base unit of the table it belongs to; all zero for a dimensionless quantity.
using Dimension = std::vector<Rational>;

bool is_dimensionless(const Dimension& dimension);

class UnitsTable {
public:
    struct Entry {
        Dimension dimension;
        std::string quantity;  // what it measures ("Force"); may be empty
    };

    UnitsTable() = default;
    // source names the table in error messages (a file name, say)
    UnitsTable(std::vector<std::string> base_units, std::string source);

    const std::vector<std::string>& base_units() const { return base_units_; }
    const std::string& source() const { return source_; }
    std::size_t size() const { return entries_.size(); }
    const std::map<std::string, Entry, std::less<>>& entries() const { return entries_; }

    // input_error for a name already in the table or a dimension with the wrong number of exponents.
    void add(std::string variable, Dimension dimension, std::string quantity = {});
    // Names are case-sensitive, as in the data (t is a time, T a temperature).
    const Dimension* find(std::string_view variable) const;
    // The dimension of variable, or input_error "<source>: no units for variable "x"".
    const Dimension& require(std::string_view variable) const;

    // Readable units: "kg m s^-2", "m^1/2", "dimensionless".
    std::string text(const Dimension& dimension) const;

private:
    std::vector<std::string> base_units_;
    std::string source_;
    std::map<std::string, Entry, std::less<>> entries_;
};

// Reads a units table in CSV: a header with a "Variable" column, optional description columns
// "Units", "Quantity" or "Description" (matched without regard to case), and one column per base
// unit, named after it; then one row per variable with integer or fraction ("1/2") exponents.
// Separator comma, tab or semicolon (from the header); UTF-8 byte-order mark, CRLF and blank lines
// are accepted. input_error naming file:line:column for a bad exponent, a duplicate variable, a
// missing or extra field; file:line for a header without "Variable" or without base units.
UnitsTable read_units(const std::filesystem::path& path);
// The same on text in memory; source names it in error messages.
UnitsTable parse_units(std::string_view text, std::string_view source);

}  // namespace occam
