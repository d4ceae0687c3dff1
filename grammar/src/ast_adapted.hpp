#pragma once
// Fusion views of the AST structs so X3 can fill them field by field. number and identifier are
// filled by the rules' on_success handlers instead (they need the matched text and its offset).
#include <boost/fusion/include/adapt_struct.hpp>

#include "ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(occam::ast::symbol, name, arguments)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::signed_operand, sign, operand)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::power, base, exponent)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::product_step, op, operand)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::product, first, rest)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::sum_step, op, operand)
BOOST_FUSION_ADAPT_STRUCT(occam::ast::expression, first, rest)
