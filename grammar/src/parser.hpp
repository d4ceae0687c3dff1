#pragma once
// Formula text -> AST (grammar only; names are resolved later by lower.hpp).
#include <string_view>

#include "ast.hpp"

namespace occam::grammar {

// Throws input_error pointing at the first place the text stops following the grammar.
ast::expression parse_ast(std::string_view text);

}  // namespace occam::grammar
