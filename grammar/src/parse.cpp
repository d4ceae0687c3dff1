// The public entry points: grammar (parser.cpp), then names and canonical forms (lower.cpp).
#include "occam/parse.hpp"

#include "lower.hpp"
#include "parser.hpp"

namespace occam {

Tree parse_formula(std::string_view text, std::span<const std::string> variables) {
    grammar::VariableTable table{{variables.begin(), variables.end()}, false};
    return grammar::lower(grammar::parse_ast(text), text, table);
}

ParsedFormula parse_formula(std::string_view text) {
    grammar::VariableTable table{{}, true};
    auto tree = grammar::lower(grammar::parse_ast(text), text, table);
    return {std::move(tree), std::move(table.names)};
}

}  // namespace occam
