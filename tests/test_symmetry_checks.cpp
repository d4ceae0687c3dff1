// Symmetry and separability tests asked of known formulas (exact oracles) on Feynman data: the
// structures AI Feynman exploits are found, and formulas without them are not split.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "formula_tables.hpp"
#include "occam/interpreter.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/symmetry_checks.hpp"

using namespace occam;

namespace {

Oracle oracle_of(const Tree& formula) {
    return [formula](const Eigen::ArrayXXd& points) {
        Eigen::ArrayXd values(points.rows());
        Interpreter interpreter;
        if (!interpreter.evaluate(formula, points, values)) values.setConstant(NAN);
        return values;
    };
}

struct Case {
    std::vector<std::string> names;
    Eigen::ArrayXXd inputs;
    Oracle f;
};

Case feynman_case(const std::string& id) {
    for (const SuiteProblem& p : test::feynman_formulas()) {
        if (p.id != id) continue;
        const Tree truth = parse_formula(p.formula, test::names_of(p));
        const Dataset data = sample_formula(truth, p.variables, {.rows = 500, .seed = 2, .target = "target_of_" + id});
        return {test::names_of(p), data.values().leftCols(static_cast<Eigen::Index>(p.variables.size())), oracle_of(truth)};
    }
    FAIL("no such Feynman equation: " << id);
    return {};
}

std::size_t column(const Case& c, const std::string& name) {
    return static_cast<std::size_t>(std::find(c.names.begin(), c.names.end(), name) - c.names.begin());
}

// The verdict on the pair, whichever order check_pair_symmetries holds it in.
PairSymmetryVerdict pair_verdict(const Case& c, PairSymmetry kind, const std::string& a, const std::string& b) {
    const auto i = std::min(column(c, a), column(c, b)), j = std::max(column(c, a), column(c, b));
    for (const auto& v : check_pair_symmetries(c.f, c.inputs, {}))
        if (v.kind == kind && std::min(v.first, v.second) == i && std::max(v.first, v.second) == j) return v;
    FAIL("the pair was not tested");
    return {};
}

bool pair_holds(const Case& c, PairSymmetry kind, const std::string& a, const std::string& b) {
    return pair_verdict(c, kind, a, b).evidence.accepted();
}

bool separates(const Case& c, Separation kind, std::vector<std::string> group_names) {
    std::vector<std::size_t> group;
    for (const auto& name : group_names) group.push_back(column(c, name));
    std::sort(group.begin(), group.end());
    for (const auto& v : check_separability(c.f, c.inputs, {})) {
        if (!v.evidence.accepted()) continue;
        std::vector<std::size_t> complement;
        for (std::size_t k = 0; k < c.names.size(); ++k)
            if (std::find(v.group.begin(), v.group.end(), k) == v.group.end()) complement.push_back(k);
        if (v.kind == kind && (v.group == group || complement == group)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("translational symmetry: distances depend on coordinate differences only (I.8.14, I.9.18)") {
    const Case distance = feynman_case("I.8.14");
    CHECK(pair_holds(distance, PairSymmetry::difference, "x1", "x2"));
    CHECK(pair_holds(distance, PairSymmetry::difference, "y1", "y2"));
    CHECK_FALSE(pair_holds(distance, PairSymmetry::difference, "x1", "y1"));
    CHECK_FALSE(pair_holds(distance, PairSymmetry::sum, "x1", "x2"));
    const Case gravity = feynman_case("I.9.18");
    for (const char* axis : {"x", "y", "z"})
        CHECK(pair_holds(gravity, PairSymmetry::difference, std::string(axis) + "1", std::string(axis) + "2"));
    CHECK_FALSE(pair_holds(gravity, PairSymmetry::difference, "m1", "m2"));
    CHECK(pair_holds(gravity, PairSymmetry::product, "m1", "m2"));  // G m1 m2 / r^2
}

TEST_CASE("homogeneous pairs: f(s x, s y) = s^k f(x, y) holds with its degree (I.6.2, I.12.2)") {
    const Case gaussian = feynman_case("I.6.2");  // exp(-(theta/sigma)^2/2)/(sqrt(2 pi) sigma)
    const auto spread = pair_verdict(gaussian, PairSymmetry::ratio, "theta", "sigma");
    CHECK(spread.evidence.accepted());
    CHECK(spread.degree == -1);
    const Case coulomb = feynman_case("I.12.2");  // q1 q2 / (4 pi epsilon r^2)
    const auto charge_and_distance = pair_verdict(coulomb, PairSymmetry::ratio, "q1", "r");
    CHECK(charge_and_distance.evidence.accepted());
    CHECK(charge_and_distance.degree == -1);
    const auto charges = pair_verdict(coulomb, PairSymmetry::ratio, "q1", "q2");
    CHECK(charges.evidence.accepted());
    CHECK(charges.degree == 2);
    const Case mass = feynman_case("I.10.7");  // m_0/sqrt(1 - v^2/c^2): degree 0 in (v, c), none in (m_0, v)
    CHECK(pair_verdict(mass, PairSymmetry::ratio, "v", "c").degree == 0);
    CHECK(describe(pair_verdict(coulomb, PairSymmetry::ratio, "q1", "r"), "q1", "r") == "q1/r (times r^-1)");
}

TEST_CASE("product and scaling symmetry: B*v in I.12.11, v/c in I.10.7") {
    const Case lorentz = feynman_case("I.12.11");
    CHECK(pair_holds(lorentz, PairSymmetry::product, "B", "v"));
    CHECK_FALSE(pair_holds(lorentz, PairSymmetry::product, "Ef", "B"));
    CHECK(separates(lorentz, Separation::multiplicative, {"q"}));
    const Case mass = feynman_case("I.10.7");
    CHECK(pair_holds(mass, PairSymmetry::ratio, "v", "c"));
    CHECK_FALSE(pair_holds(mass, PairSymmetry::ratio, "m_0", "v"));
}

TEST_CASE("multiplicative separability in II.6.15a and I.32.17, additive after a transform") {
    const Case dipole = feynman_case("II.6.15a");
    CHECK(separates(dipole, Separation::multiplicative, {"p_d"}));
    CHECK(separates(dipole, Separation::multiplicative, {"epsilon"}));
    const Case radiation = feynman_case("I.32.17");
    CHECK(separates(radiation, Separation::multiplicative, {"Ef"}));
    CHECK(separates(radiation, Separation::multiplicative, {"omega", "omega_0"}));
    CHECK_FALSE(separates(radiation, Separation::multiplicative, {"omega"}));
    // f = sqrt(x^2 + y^2): f^2 is additive, f is not
    const std::vector<std::string> names{"x", "y"};
    const Tree hypot = parse_formula("sqrt(x^2 + y^2)", names);
    const Dataset data = sample_formula(hypot, {{"x", 1, 3}, {"y", 1, 3}}, {.rows = 300, .seed = 1, .target = "f"});
    const auto verdicts = check_separability(oracle_of(hypot), data.values().leftCols(2), {});
    REQUIRE_FALSE(verdicts.empty());
    CHECK(verdicts.front().evidence.accepted());
    CHECK(verdicts.front().transform == OutputTransform::square);
    for (const auto& v : verdicts)
        if (v.transform == OutputTransform::identity) CHECK_FALSE(v.evidence.accepted());
}

TEST_CASE("no separability is reported for formulas that couple every input") {
    const std::vector<std::string> names{"x", "y", "z"};
    const std::vector<VariableRange> ranges{{"x", 1, 3}, {"y", 1, 3}, {"z", 1, 3}};
    for (const char* text : {"exp(x*y) + z*sin(x + z)", "sqrt(x^2 + y*z)*cos(x)", "log(1 + x*y*z + x^2)",
                             "x/(y + z*x + y*z)", "sin(x*y*z) + x", "exp(-x*y)/(1 + z^2*x)", "cos(x + y*z)*(x - z)",
                             "x*y + y*z + z*x", "(x + y*z)/(1 + x*y)", "tanh(x - y*z) + x*z"}) {
        INFO(std::string(text));
        const Tree formula = parse_formula(text, names);
        const Dataset data = sample_formula(formula, ranges, {.rows = 300, .seed = 1, .target = "f"});
        const auto verdicts = check_separability(oracle_of(formula), data.values().leftCols(3), {});
        REQUIRE_FALSE(verdicts.empty());
        CHECK_FALSE(verdicts.front().evidence.accepted());
        CHECK(verdicts.front().evidence.error > 100 * verdicts.front().evidence.threshold);  // far from it
    }
}

TEST_CASE("with log_magnitude the tests compare logs: degrees add, products and sums are told apart") {
    const std::vector<std::string> names{"a", "b", "c"};
    const std::vector<VariableRange> ranges{{"a", 0.3, 3}, {"b", 0.3, 3}, {"c", 0.3, 3}};
    const auto log_oracle = [&](const char* text) {
        const Oracle f = oracle_of(parse_formula(text, names));
        return Oracle([f](const Eigen::ArrayXXd& points) { return f(points).abs().log().eval(); });
    };
    const Dataset data = sample_formula(parse_formula("a", names), ranges, {.rows = 500, .seed = 3, .target = "f"});
    const Eigen::ArrayXXd inputs = data.values().leftCols(3);
    const CheckSettings settings{.log_magnitude = true};

    const Oracle dipole = log_oracle("a^-5*sqrt(b^2 + c^2)");  // degree 1 in (b, c), a product of {a} and {b, c}
    bool ratio_found = false;
    for (const auto& v : check_pair_symmetries(dipole, inputs, settings))
        if (v.kind == PairSymmetry::ratio && v.first + v.second == 3 && v.evidence.accepted()) {
            ratio_found = true;
            CHECK(v.degree == 1);
        }
    CHECK(ratio_found);
    const auto product = check_separability(dipole, inputs, settings);
    REQUIRE(product.size() >= 2);
    CHECK(product.front().evidence.accepted());
    CHECK(product.front().kind == Separation::multiplicative);
    CHECK(product.front().group == std::vector<std::size_t>{0});
    CHECK_FALSE(product[1].evidence.accepted());

    const auto sum = check_separability(log_oracle("a^-3 + b*c"), inputs, settings);  // spans decades, a sum
    REQUIRE(sum.size() >= 2);
    CHECK(sum.front().evidence.accepted());
    CHECK(sum.front().kind == Separation::additive);
    CHECK(sum.front().group == std::vector<std::size_t>{0});
    CHECK_FALSE(sum[1].evidence.accepted());
}
