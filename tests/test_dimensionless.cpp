// The dimensionless problem: data through the groups and back, substitution of subtrees, and the
// analysis of all 100 Feynman equations checked against their formulas by a change of units.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "formula_tables.hpp"
#include "occam/dimensionless_problem.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/sampling.hpp"
#include "occam/substitute.hpp"
#include "occam/units.hpp"

using namespace occam;

namespace {

const UnitsTable& feynman_units() {
    static const UnitsTable table = read_units(test::suites_dir() + "/feynman/units.csv");
    return table;
}

const SuiteProblem& feynman_problem(const std::string& id) {
    static const std::vector<SuiteProblem> problems = test::feynman_formulas();
    for (const auto& p : problems)
        if (p.id == id) return p;
    throw std::logic_error("no Feynman problem " + id);
}

Dataset sample(const SuiteProblem& p, std::size_t rows, std::uint64_t seed) {
    SampleOptions options;
    options.rows = rows;
    options.seed = seed;
    options.target = p.target;
    return sample_formula(parse_formula(p.formula, test::names_of(p)), p.variables, options);
}

std::vector<double> row_of(const Eigen::ArrayXXd& values, Eigen::Index r, Eigen::Index columns) {
    std::vector<double> row;
    for (Eigen::Index c = 0; c < columns; ++c) row.push_back(values(r, c));
    return row;
}

double relative_error(double value, double truth) { return std::abs(value - truth) / std::abs(truth); }

DimensionlessForm relativistic_mass() {
    const auto analysis = analyze_dimensions(feynman_units(), std::vector<std::string>{"m_0", "v", "c"}, "m");
    REQUIRE(analysis.form);
    return *analysis.form;
}

}  // namespace

TEST_CASE("substitute_variables splices a subtree in for each variable") {
    const std::vector<std::string> names{"x", "y"};
    const Tree formula = parse_formula("a + b*a", std::vector<std::string>{"a", "b"});
    const std::vector<Tree> replacements{parse_formula("x^2", names), parse_formula("sin(y - x)", names)};
    const Tree result = substitute_variables(formula, replacements);
    CHECK(to_infix(result, names) == "x^2 + sin(y - x)*x^2");
    CHECK(result == parse_formula("x^2 + sin(y - x)*x^2", names));
    CHECK_THROWS_WITH_AS(substitute_variables(formula, std::span(replacements).first(1)),
                         "the formula uses variable 1 but only 1 replacements were given", input_error);
}

TEST_CASE("I.10.7 round trip: the dimensionless target is 1/sqrt(1 - pi1^2) and maps back to the law") {
    const SuiteProblem& p = feynman_problem("I.10.7");
    const Dataset data = sample(p, 500, 3);
    const DimensionlessForm form = relativistic_mass();
    REQUIRE(form.inputs == test::names_of(p));

    const Dataset reduced = to_dimensionless(data, form);
    CHECK(reduced.names() == std::vector<std::string>{"pi1", "pi0"});
    REQUIRE(reduced.rows() == data.rows());
    const Tree g = parse_formula("1/sqrt(1 - pi1^2)", form.group_names());
    double worst_reduced = 0;
    for (Eigen::Index r = 0; r < reduced.rows(); ++r) {
        CHECK(reduced.values()(r, 0) == data.column("v")[r] / data.column("c")[r]);
        worst_reduced = std::max(worst_reduced, relative_error(evaluate_scalar(g, row_of(reduced.values(), r, 1)),
                                                               reduced.values()(r, 1)));
    }
    CHECK(worst_reduced < 1e-12);

    const Tree law = from_dimensionless(g, form);
    CHECK(to_infix(law, form.inputs) == "m_0*(1/sqrt(1 - (v/c)^2))");
    double worst = 0;
    for (Eigen::Index r = 0; r < data.rows(); ++r)
        worst = std::max(worst, relative_error(evaluate_scalar(law, row_of(data.values(), r, 3)), data.values()(r, 3)));
    CHECK(worst < 1e-12);
}

TEST_CASE("the dimensionless problem holds the same rows in training and validation as the original") {
    const SuiteProblem& p = feynman_problem("I.10.7");
    const Dataset data = sample(p, 200, 5);
    const DimensionlessForm form = relativistic_mass();
    SplitOptions split;
    split.seed = 11;
    const Problem original(data, "m", form.inputs, split);
    const Problem reduced = dimensionless_problem(data, form, split);
    CHECK(reduced.input_names() == std::vector<std::string>{"pi1"});
    CHECK(reduced.target_name() == "pi0");
    REQUIRE(reduced.train_target().size() == original.train_target().size());
    CHECK((reduced.train_target() == original.train_target() / original.train_inputs().col(0)).all());
    CHECK((reduced.validation_inputs().col(0) ==
           original.validation_inputs().col(1) / original.validation_inputs().col(2)).all());
}

TEST_CASE("the transform names the data row where a group or the prefactor is not finite") {
    const DimensionlessForm form = relativistic_mass();
    Eigen::ArrayXXd values(3, 4);
    values << 1, 1, 3, 1.1,  //
        0, 1, 3, 1.1,        // m_0 = 0: the prefactor vanishes
        1, 1, 3, 1.1;
    CHECK_THROWS_WITH_AS(to_dimensionless(Dataset({"m_0", "v", "c", "m"}, values), form),
                         "data row 2: pi0 = m/m_0 is inf (dimensional analysis needs it finite)", input_error);
    values(1, 0) = 1;
    values(2, 2) = 0;  // c = 0
    CHECK_THROWS_WITH_AS(to_dimensionless(Dataset({"m_0", "v", "c", "m"}, values), form),
                         "data row 3: pi1 = v/c is inf (dimensional analysis needs it finite)", input_error);
    CHECK_THROWS_AS(to_dimensionless(Dataset({"m_0", "v", "m"}, Eigen::ArrayXXd::Ones(3, 3)), form), input_error);
}

TEST_CASE("a form without groups is no problem to search: the target is a constant times the prefactor") {
    const auto analysis = analyze_dimensions(feynman_units(), std::vector<std::string>{"m", "g", "z"}, "U");
    REQUIRE(analysis.form);
    const Dataset data = sample(feynman_problem("I.14.3"), 50, 1);
    const Dataset reduced = to_dimensionless(data, *analysis.form);
    CHECK(reduced.names() == std::vector<std::string>{"pi0"});
    CHECK((reduced.values().col(0) - 1).abs().maxCoeff() < 1e-14);  // U = m g z exactly
    CHECK_THROWS_WITH_AS(dimensionless_problem(data, *analysis.form),
                         "dimensional analysis leaves no input: U/(m*g*z) is a constant; fit that constant instead "
                         "of searching",
                         input_error);
    const Tree constant = parse_formula("1", std::vector<std::string>{});
    CHECK(to_infix(from_dimensionless(constant, *analysis.form), analysis.form->inputs) == "m*g*z*1");
}

namespace {

// A law must survive a change of units: scaling each base unit rescales every input and the target
// by their units, and must leave each group and target / prefactor unchanged. This checks the
// exponents against the formula itself, and the units table along with it. Returns the number of
// variables the analysis removed, or nothing when it found no form.
std::optional<std::size_t> check_change_of_units(const SuiteProblem& p, const UnitsTable& units,
                                                 const std::vector<double>& unit_scale) {
    const auto factor = [&](const std::string& name) {
        double f = 1;
        const Dimension& d = units.require(name);
        for (std::size_t b = 0; b < d.size(); ++b) f *= std::pow(unit_scale[b], d[b].to_double());
        return f;
    };
    const auto names = test::names_of(p);
    const auto analysis = analyze_dimensions(units, names, p.target);
    INFO(p.id << ": " << p.formula);
    if (!analysis.form) {
        INFO(analysis.warning);
        CHECK(false);
        return std::nullopt;
    }
    const DimensionlessForm& form = *analysis.form;
    INFO(form.description());

    // exact: the prefactor has the target's units, every group none
    Dimension prefactor_units(units.base_units().size());
    std::vector<Dimension> group_units(form.groups.size(), prefactor_units);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Dimension& d = units.require(names[i]);
        for (std::size_t b = 0; b < d.size(); ++b) {
            prefactor_units[b] += form.prefactor[i] * d[b];
            for (std::size_t j = 0; j < form.groups.size(); ++j) group_units[j][b] += form.groups[j].exponents[i] * d[b];
        }
    }
    CHECK(prefactor_units == units.require(p.target));
    for (const auto& g : group_units) CHECK(is_dimensionless(g));

    // numeric: the same law in other units gives the same dimensionless data
    const Dataset data = sample(p, 200, 1);
    Eigen::ArrayXXd scaled = data.values();
    for (std::size_t i = 0; i < names.size(); ++i) scaled.col(static_cast<Eigen::Index>(i)) *= factor(names[i]);
    const Tree truth = parse_formula(p.formula, names);
    const auto n = static_cast<Eigen::Index>(names.size());
    for (Eigen::Index r = 0; r < scaled.rows(); ++r) scaled(r, n) = evaluate_scalar(truth, row_of(scaled, r, n));
    const Dataset reduced = to_dimensionless(data, form);
    const Dataset rescaled = to_dimensionless(Dataset(data.names(), scaled), form);
    const double worst = ((rescaled.values() - reduced.values()).abs() / reduced.values().abs().max(1e-300)).maxCoeff();
    CHECK(worst < 1e-9);
    return form.variables_removed();
}

}  // namespace

TEST_CASE("all 100 Feynman equations get a consistent analysis that survives a change of units") {
    const std::vector<double> unit_scale{1.7, 0.6, 2.3, 1.3, 0.8};  // new m, s, kg, T, V in old ones
    std::map<std::size_t, int> removed;  // variables removed -> equations
    int equations = 0;
    int skipped = 0;
    for (const SuiteProblem& p : test::feynman_formulas()) {
        ++equations;
        const auto variables_removed = check_change_of_units(p, feynman_units(), unit_scale);
        if (!variables_removed) {
            ++skipped;
            continue;
        }
        ++removed[*variables_removed];
    }
    CHECK(equations == 100);
    CHECK(skipped == 0);
    std::ostringstream summary;
    int reduced_count = 0;
    for (const auto& [k, count] : removed) {
        summary << " " << count << " lose " << k << ";";
        if (k > 0) reduced_count += count;
    }
    MESSAGE("Feynman dimensional analysis: " << reduced_count << "/100 lose variables;" << summary.str());
    CHECK(reduced_count == 94);
}

TEST_CASE("every law of the unseen development set agrees with its units table under a change of units") {
    const UnitsTable units = read_units(test::suites_dir() + "/unseen/units.csv");
    REQUIRE(units.base_units() == std::vector<std::string>{"m", "s", "kg", "K", "A", "mol"});
    const std::vector<double> unit_scale{1.7, 0.6, 2.3, 1.3, 0.8, 1.9};
    std::size_t reduced = 0;
    const auto laws = test::unseen_formulas();
    for (const SuiteProblem& p : laws) reduced += check_change_of_units(p, units, unit_scale).value_or(0) > 0;
    MESSAGE("unseen laws: " << reduced << "/" << laws.size() << " lose variables to dimensional analysis");
    CHECK(reduced > laws.size() / 2);
}
