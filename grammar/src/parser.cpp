// The formula grammar in Spirit X3. This is the only translation unit that includes X3; everything
// after parsing (names, functions, canonical forms) happens in lower.cpp on the plain AST.
#include "parser.hpp"

#include <boost/spirit/home/x3.hpp>

#include "ast_adapted.hpp"
#include "diagnostic.hpp"

namespace occam::grammar {
namespace {

namespace x3 = boost::spirit::x3;
namespace ascii = x3::ascii;

struct text_begin;  // context key: where the formula starts, so leaves can record their offset

// Leaves are matched with omit[] and filled here, where the matched range is known.
struct number_class {
    template <typename Iterator, typename Context>
    void on_success(const Iterator& first, const Iterator& last, ast::number& leaf, const Context& context) {
        leaf.text.assign(first, last);
        leaf.offset = static_cast<std::size_t>(first - x3::get<text_begin>(context));
    }
};

struct identifier_class {
    template <typename Iterator, typename Context>
    void on_success(const Iterator& first, const Iterator& last, ast::identifier& leaf, const Context& context) {
        leaf.name.assign(first, last);
        leaf.offset = static_cast<std::size_t>(first - x3::get<text_begin>(context));
    }
};

// Rule names are what an error message says was expected there.
const x3::rule<class formula_class, ast::expression> formula = "formula";
const x3::rule<class expression_class, ast::expression> expression = "expression";
const x3::rule<class product_class, ast::product> product = "operand";
const x3::rule<class unary_class, ast::unary> unary = "operand";
const x3::rule<class signed_class, ast::signed_operand> signed_operand = "operand";
const x3::rule<class power_class, ast::power> power = "operand";
const x3::rule<class primary_class, ast::primary> primary = "operand";
const x3::rule<class symbol_class, ast::symbol> symbol = "name";
const x3::rule<class arguments_class, std::vector<ast::expression>> arguments = "expression";
const x3::rule<number_class, ast::number> number = "number";
const x3::rule<identifier_class, ast::identifier> identifier = "name";
const x3::rule<class end_class> end = "operator or end of formula";

// Python precedence, loosest first: + -, * /, unary - +, ** (right-associative: its exponent is a
// unary, which may itself be a power). Every operator is followed by an expectation point so a
// missing operand is reported where it is missing.
const auto formula_def = x3::eps > expression > end;
const auto expression_def = product >> *(ascii::char_("+-") > product);
const auto product_def = unary >> *(ascii::char_("*/") > unary);
const auto unary_def = signed_operand | power;
const auto signed_operand_def = ascii::char_("+-") > unary;
const auto power_def = primary >> -((x3::lit("**") | '^') > unary);
const auto primary_def = number | symbol | ('(' > expression > ')');
const auto symbol_def = identifier >> -('(' > arguments > ')');
const auto arguments_def = expression > *(',' > expression);
const auto end_def = x3::eoi;

const auto digits = +ascii::digit;
const auto number_def =
    x3::omit[x3::lexeme[(digits >> -('.' >> *ascii::digit) | '.' >> digits) >>
                        -(ascii::char_("eE") >> -ascii::char_("+-") >> digits)]];
const auto identifier_def = x3::omit[x3::lexeme[(ascii::alpha | '_') >> *(ascii::alnum | '_')]];

BOOST_SPIRIT_DEFINE(formula, expression, product, unary, signed_operand, power, primary, symbol, arguments,
                    number, identifier, end)

}  // namespace

ast::expression parse_ast(std::string_view text) {
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    ast::expression result;
    try {
        const auto parser = x3::with<text_begin>(text.data())[formula];
        if (!x3::phrase_parse(first, last, parser, ascii::space, result))
            throw_at(text, static_cast<std::size_t>(first - text.data()), "expected expression");
    } catch (const x3::expectation_failure<const char*>& failure) {
        // X3 reports the place before the skipper ran; point at what is actually there instead.
        auto where = static_cast<std::size_t>(failure.where() - text.data());
        const auto next = text.find_first_not_of(" \t\n\r\v\f", where);
        where = next == std::string_view::npos ? text.size() : next;
        throw_at(text, where, "expected " + failure.which());
    }
    return result;
}

}  // namespace occam::grammar
