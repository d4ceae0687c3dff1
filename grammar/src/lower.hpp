#pragma once
// AST -> occam::Tree: resolves names, checks function calls, and picks the canonical node for each
// form (x^2 -> Square, 1/x -> Inv, -2 -> Number(-2)) so that printing and parsing again is exact.
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "occam/tree.hpp"

namespace occam::grammar {

struct VariableTable {
    std::vector<std::string> names;  // position = column index
    bool open = false;               // true: unknown names are appended; false: they are errors
};

// text is the formula the AST came from; error messages point into it.
Tree lower(const ast::expression& root, std::string_view text, VariableTable& variables);

}  // namespace occam::grammar
