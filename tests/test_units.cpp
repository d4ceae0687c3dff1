// Units tables and dimensional analysis: exact fractions, every error a units file can show, and
// the prefactor and dimensionless groups of known laws.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formula_tables.hpp"
#include "occam/dimensional_analysis.hpp"
#include "occam/error.hpp"
#include "occam/units.hpp"
#include "temp_dir.hpp"

using namespace occam;

namespace {

UnitsTable parse(std::string_view text) { return parse_units(text, "units.csv"); }

const UnitsTable& feynman_units() {
    static const UnitsTable table = read_units(test::suites_dir() + "/feynman/units.csv");
    return table;
}

DimensionlessForm form_of(const std::vector<std::string>& inputs, const std::string& target,
                          const UnitsTable& units = feynman_units()) {
    const auto analysis = analyze_dimensions(units, inputs, target);
    REQUIRE_MESSAGE(analysis.form, analysis.warning);
    return *analysis.form;
}

std::vector<std::string> group_texts(const DimensionlessForm& form) {
    std::vector<std::string> texts;
    for (const auto& group : form.groups) texts.push_back(group.text);
    return texts;
}

// A table over the single base unit m, for the cases that need odd powers of length.
UnitsTable lengths() {
    return parse("Variable,m\nx,1\nA,2\nV,3\nk,-1\n");
}

}  // namespace

TEST_CASE("rationals stay in lowest terms and read integers and fractions") {
    CHECK(Rational(2, 4) == Rational(1, 2));
    CHECK(Rational(3, -6) == Rational(-1, 2));
    CHECK(Rational(1, 2) + Rational(1, 3) == Rational(5, 6));
    CHECK(Rational(1, 2) * 4 == 2);
    CHECK((Rational(1, 2) * 4).is_integer());
    CHECK(Rational(-1, 3) < Rational(-1, 4));
    CHECK(to_string(Rational(-3, 2)) == "-3/2");
    CHECK(to_string(Rational(7)) == "7");
    CHECK(parse_rational("-2") == Rational(-2));
    CHECK(parse_rational("+1") == Rational(1));
    CHECK(parse_rational("2/4") == Rational(1, 2));
    CHECK(parse_rational(" -3 / 2 ") == Rational(-3, 2));
    for (const char* bad : {"", "1.5", "a", "1/0", "1/-2", "+-3", "2/", "1e3"})
        CHECK_MESSAGE(!parse_rational(bad), bad);
    CHECK_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
    CHECK_THROWS_AS(Rational(1LL << 62) * Rational(4), std::overflow_error);
}

TEST_CASE("the Feynman units table reads with its five base units and describes dimensions") {
    const UnitsTable& units = feynman_units();
    CHECK(units.base_units() == std::vector<std::string>{"m", "s", "kg", "T", "V"});
    CHECK(units.size() == 120);
    CHECK(units.require("F") == Dimension{1, -2, 1, 0, 0});
    CHECK(units.entries().at("F").quantity == "Force");
    CHECK(units.text(units.require("F")) == "m s^-2 kg");
    CHECK(units.text(units.require("T")) == "T");  // a temperature; t is a time
    CHECK(units.text(units.require("t")) == "s");
    CHECK(units.text(units.require("theta")) == "dimensionless");
    CHECK(is_dimensionless(units.require("theta")));
    CHECK_THROWS_WITH_AS(units.require("nonesuch"),
                         (test::suites_dir() + "/feynman/units.csv: no units for variable \"nonesuch\"").c_str(),
                         input_error);
}

TEST_CASE("units tables accept fractions, other separators, a byte-order mark, CRLF and quotes") {
    const UnitsTable table = parse("\xEF\xBB\xBFvariable;Description;m;kg\r\n\r\nr;\"radius; of a ball\";1;0\r\nq;;1/2;-3/2\r\n");
    CHECK(table.base_units() == std::vector<std::string>{"m", "kg"});
    CHECK(table.entries().at("r").quantity == "radius; of a ball");
    CHECK(table.require("q") == Dimension{Rational(1, 2), Rational(-3, 2)});
    CHECK(table.text(table.require("q")) == "m^1/2 kg^-3/2");
    // the shared tokenizer's rules: "" is a quote inside quotes; the separator is the header's most
    // frequent of comma, tab and semicolon, counted outside quotes
    const UnitsTable quoted = parse("Variable\tUnits\tm\ns\t\"the \"\"speed\"\", in m, s\"\t1\n");
    CHECK(quoted.entries().at("s").quantity == "the \"speed\", in m, s");
}

TEST_CASE("units table errors name file:line:column") {
    const auto error_of = [](std::string_view text) -> std::string {
        try {
            parse(text);
        } catch (const input_error& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(error_of("Variable,Units,m,s\nx,Length,1,abc\n") ==
          "units.csv:2:12: cannot read \"abc\" as an exponent such as 2, -1 or 1/2 (column \"s\")");
    CHECK(error_of("Variable,Units,m,s\nx,Length,1,0.5\n") ==
          "units.csv:2:12: cannot read \"0.5\" as an exponent such as 2, -1 or 1/2 (column \"s\")");
    CHECK(error_of("Variable,Units,m,s\nx,Length,1,0\n\nv,Velocity,1,-1\n x,Length,1,0\n") ==
          "units.csv:5:2: duplicate variable \"x\" (first on line 2)");
    CHECK(error_of("Variable,Units,m,s\nx,Length,1\n") ==
          "units.csv:2:11: missing the \"s\" column (expected 4 fields, found 3)");
    CHECK(error_of("Variable,Units,m,s\nx,Length,1,0,7\n") ==
          "units.csv:2:14: unexpected field (the header has 4 columns)");
    CHECK(error_of("Variable,Units,m,s\n,Length,1,0\n") == "units.csv:2:1: empty variable name");
    CHECK(error_of("Variable,Units,m,s\nx,\"Length,1,0\n") == "units.csv:2:3: unterminated quoted field");
    CHECK(error_of("Variable,Units,m,s\nx,\"Length\" m,1,0\n") == "units.csv:2:12: unexpected text after closing quote");
    CHECK(error_of("Name,Units,m,s\nx,Length,1,0\n") ==
          "units.csv:1: no \"Variable\" column (the header names Variable, then one column per base unit)");
    CHECK(error_of("Variable,Units\nx,Length\n") ==
          "units.csv:1: no base-unit columns (such as m, s, kg) after \"Variable\"");
    CHECK(error_of("Variable,m,s,m\n") == "units.csv:1:14: duplicate column \"m\"");
    CHECK(error_of("\n\n") == "units.csv: empty file (expected a header row)");
}

TEST_CASE("read_units names the file it reads") {
    test::TempDir dir;
    dir.write("units.csv", "Variable,m\nx,1\ny,two\n");
    CHECK_THROWS_WITH_AS(read_units(dir.file("units.csv")),
                         (dir.file("units.csv") + ":3:3: cannot read \"two\" as an exponent such as 2, -1 or 1/2 (column \"m\")").c_str(),
                         input_error);
    CHECK_THROWS_WITH_AS(read_units(dir.file("none.csv")), (dir.file("none.csv") + ": cannot open the units table").c_str(),
                         input_error);
}

TEST_CASE("I.10.7: m = m_0/sqrt(1 - v^2/c^2) has prefactor m_0 and the group v/c") {
    const auto form = form_of({"m_0", "v", "c"}, "m");
    CHECK(form.prefactor == std::vector<Rational>{1, 0, 0});
    CHECK(form.prefactor_text == "m_0");
    REQUIRE(form.groups.size() == 1);
    CHECK(form.groups[0].name == "pi1");
    CHECK(form.groups[0].exponents == std::vector<long long>{0, 1, -1});
    CHECK(form.groups[0].text == "v/c");
    CHECK(form.variables_removed() == 2);
    CHECK(form.description() == "m/m_0 = g(pi1) with pi1 = v/c");
}

TEST_CASE("I.12.11: F = q(Ef + B v sin(theta)) keeps theta as a group by itself") {
    const auto form = form_of({"q", "Ef", "B", "v", "theta"}, "F");
    CHECK(form.prefactor_text == "q*Ef");
    CHECK(group_texts(form) == std::vector<std::string>{"Ef/(B*v)", "theta"});
    CHECK(form.groups[1].exponents == std::vector<long long>{0, 0, 0, 0, 1});
    CHECK(form.variables_removed() == 3);
    CHECK(form.description() == "F/(q*Ef) = g(pi1, pi2) with pi1 = Ef/(B*v), pi2 = theta");
}

TEST_CASE("I.12.2: Coulomb's law leaves the ratio of the charges") {
    const auto form = form_of({"q1", "q2", "epsilon", "r"}, "F");
    CHECK(form.prefactor == std::vector<Rational>{0, 2, -1, -2});
    CHECK(form.prefactor_text == "q2^2/(epsilon*r^2)");
    CHECK(group_texts(form) == std::vector<std::string>{"q1/q2"});
    CHECK(form.target_text == "F*epsilon*r^2/q2^2");
    CHECK(form.description() == "F*epsilon*r^2/q2^2 = g(pi1) with pi1 = q1/q2");
}

TEST_CASE("three velocities give u/c and v/c, not u/v") {
    const auto form = form_of({"u", "v", "c"}, "w");
    CHECK(form.prefactor_text == "c");
    CHECK(group_texts(form) == std::vector<std::string>{"u/c", "v/c"});
}

TEST_CASE("a dimensionless target over dimensionless inputs keeps every input and has no prefactor") {
    const auto form = form_of({"sigma", "theta", "theta1"}, "f");  // I.6.2b
    CHECK_FALSE(form.has_prefactor());
    CHECK(form.prefactor_text == "1");
    CHECK(form.target_text == "f");
    CHECK(group_texts(form) == std::vector<std::string>{"sigma", "theta", "theta1"});
    CHECK(form.variables_removed() == 0);
    CHECK(form.description() == "f = g(pi1, pi2, pi3) with pi1 = sigma, pi2 = theta, pi3 = theta1");
}

TEST_CASE("I.14.3: U = m g z has no dimensionless group: U is a constant times m g z") {
    const auto form = form_of({"m", "g", "z"}, "U");
    CHECK(form.groups.empty());
    CHECK(form.prefactor_text == "m*g*z");
    CHECK(form.variables_removed() == 3);
    CHECK(form.description() == "U/(m*g*z) is a constant");
}

TEST_CASE("a target whose units the inputs cannot build skips the analysis with a warning") {
    const auto analysis = analyze_dimensions(feynman_units(), std::vector<std::string>{"m", "v"}, "T");
    CHECK_FALSE(analysis.form);
    CHECK(analysis.warning ==
          "dimensional analysis skipped: the units of T [T] cannot be built from those of the inputs "
          "(m [kg], v [m s^-1])");
}

TEST_CASE("a variable missing from the table is an error that names it") {
    CHECK_THROWS_WITH_AS(analyze_dimensions(lengths(), std::vector<std::string>{"x", "speed"}, "A"),
                         "units.csv: no units for variable \"speed\"", input_error);
    CHECK_THROWS_WITH_AS(analyze_dimensions(lengths(), std::vector<std::string>{"x"}, "y"),
                         "units.csv: no units for variable \"y\"", input_error);
}

TEST_CASE("integer exponents are found beyond the basic solutions: a length is V/A, not sqrt(A)") {
    const auto form = form_of({"A", "V"}, "x", lengths());
    CHECK(form.prefactor == std::vector<Rational>{-1, 1});
    CHECK(form.prefactor_text == "V/A");
    CHECK(group_texts(form) == std::vector<std::string>{"A^3/V^2"});
}

TEST_CASE("fractional exponents when no integer ones exist: a length from an area is sqrt(A)") {
    const auto form = form_of({"A"}, "x", lengths());
    CHECK(form.prefactor == std::vector<Rational>{Rational(1, 2)});
    CHECK(form.prefactor_text == "sqrt(A)");
    CHECK(form.description() == "x/sqrt(A) is a constant");
    const auto volume = form_of({"A"}, "V", lengths());
    CHECK(volume.prefactor == std::vector<Rational>{Rational(3, 2)});
    CHECK(volume.prefactor_text == "A^1.5");
    CHECK(form.groups.empty());
    const auto cube_root = form_of({"V", "k"}, "A", lengths());
    CHECK(cube_root.prefactor_text == "1/k^2");  // integer beats V^(2/3)
    CHECK(group_texts(cube_root) == std::vector<std::string>{"V*k^3"});
}

TEST_CASE("no group or prefactor divides by an input whose values reach zero, where the units allow") {
    // III.9.52 after omega - omega_0 became one input (here omega): it crosses zero in the data
    const std::vector<std::string> inputs{"p_d", "Ef", "t", "h", "omega"};
    CHECK(group_texts(form_of(inputs, "prob")) == std::vector<std::string>{"p_d*Ef/(h*omega)", "t*omega"});
    const auto analysis = analyze_dimensions(feynman_units(), inputs, "prob", {false, false, false, false, true});
    REQUIRE(analysis.form);
    CHECK(group_texts(*analysis.form) == std::vector<std::string>{"p_d*Ef*t/h", "t*omega"});
    // an area from a length and a wave number reaching zero: x^2, not 1/k^2, in either input order
    for (const auto& [inputs_in_order, k_first] :
         {std::pair{std::vector<std::string>{"x", "k"}, false}, std::pair{std::vector<std::string>{"k", "x"}, true}}) {
        const auto area = analyze_dimensions(lengths(), inputs_in_order, "A", {k_first, !k_first});
        REQUIRE(area.form);
        CHECK(area.form->prefactor_text == "x^2");
    }
}
