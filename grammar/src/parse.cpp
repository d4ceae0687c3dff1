// The public entry points: grammar (parser.cpp), then names and canonical forms (lower.cpp).
#include "occam/parse.hpp"

#include "diagnostic.hpp"
#include "lower.hpp"
#include "parser.hpp"

namespace occam {
namespace {

// The parser, lowering and printers recurse once per nesting level; text nested deeper than any
// formula a person writes is refused before it can exhaust the stack.
constexpr int max_nesting = 256;

void check_nesting(std::string_view text) {
    int depth = 0;
    int signs = 0;  // a run of unary signs nests too: ----x
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        signs = (c == '-' || c == '+') ? signs + 1 : (c == ' ' ? signs : 0);
        if (depth > max_nesting || signs > max_nesting)
            grammar::throw_at(text, i, "formula nested too deeply (more than 256 levels)");
    }
}

}  // namespace

Tree parse_formula(std::string_view text, std::span<const std::string> variables) {
    check_nesting(text);
    grammar::VariableTable table{{variables.begin(), variables.end()}, false};
    return grammar::lower(grammar::parse_ast(text), text, table);
}

ParsedFormula parse_formula(std::string_view text) {
    check_nesting(text);
    grammar::VariableTable table{{}, true};
    auto tree = grammar::lower(grammar::parse_ast(text), text, table);
    return {std::move(tree), std::move(table.names)};
}

}  // namespace occam
