// The surrogate as the pre-checks' oracle: a target of one sign spanning decades is learnt in logs,
// where II.6.15a's dimensionless form shows its ratio and its product; a squared sine whose zeros
// lie among the data is learnt as it is.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "occam/dataset.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/surrogate_oracle.hpp"

using namespace occam;

namespace {

// II.6.15a after dimensional analysis: pi0 = 3/(4 pi) pi1^-5 sqrt(pi2^2 + pi3^2) with pi1 = r/z,
// pi2 = x/z, pi3 = y/z, each of r, x, y, z from 1 to 3. The groups share z, so they are correlated,
// and pi0 spans four decades.
Dataset dipole_groups() {
    const std::vector<std::string> names{"r", "x", "y", "z"};
    const Tree law = parse_formula("3/(4*pi)*(r/z)^(-5)*sqrt((x/z)^2 + (y/z)^2)", names);
    const Dataset sampled = sample_formula(law, {{"r", 1, 3}, {"x", 1, 3}, {"y", 1, 3}, {"z", 1, 3}},
                                           {.rows = 3000, .seed = 4, .target = "pi0"});
    const Eigen::ArrayXXd& v = sampled.values();
    Eigen::ArrayXXd groups(v.rows(), 4);
    groups << v.col(0) / v.col(3), v.col(1) / v.col(3), v.col(2) / v.col(3), v.col(4);
    return Dataset({"pi1", "pi2", "pi3", "pi0"}, std::move(groups));
}

}  // namespace

TEST_CASE("surrogate oracle: a power law spanning decades is learnt in logs, and its ratio and product show") {
    const Dataset data = dipole_groups();
    const JudgedOracle oracle = surrogate_oracle(data, {"pi1", "pi2", "pi3"}, "pi0");
    REQUIRE(oracle.log_magnitude);
    CHECK(oracle.sign == 1);
    CHECK(oracle.description.find("sd of log|target|") != std::string::npos);
    const Eigen::ArrayXXd inputs = data.values().leftCols(3);
    // the oracle's values are the target's: within a percent on the data rows
    const Eigen::ArrayXd values = oracle.values(inputs);
    CHECK(((values - data.column("pi0")).abs() / data.column("pi0")).maxCoeff() < 1e-2);

    const CheckSettings settings = oracle.settings(400, 1);
    bool ratio_found = false;
    for (const auto& v : check_pair_symmetries(oracle.f, inputs, settings)) {
        if (v.kind != PairSymmetry::ratio || v.first + v.second != 3) continue;  // pi2 and pi3
        ratio_found = v.evidence.accepted();
        CHECK(v.degree == 1);
    }
    CHECK(ratio_found);
    const auto splits = check_separability(oracle.f, inputs, settings);
    REQUIRE_FALSE(splits.empty());
    CHECK(splits.front().evidence.accepted());
    CHECK(splits.front().kind == Separation::multiplicative);
    CHECK(splits.front().group == std::vector<std::size_t>{0});
    for (std::size_t k = 1; k < splits.size(); ++k) CHECK_FALSE(splits[k].evidence.accepted());
}

TEST_CASE("surrogate oracle: a squared sine with zeros among the data is learnt as it is, and still splits") {
    const std::vector<std::string> names{"a", "w"};
    const Tree law = parse_formula("a*sin(w/2)^2/(w/2)^2", names);  // III.9.52's dimensionless form
    const Dataset data = sample_formula(law, {{"a", 1, 27}, {"w", -12, 12}}, {.rows = 3000, .seed = 4, .target = "p"});
    const Eigen::ArrayXd p = data.column("p");
    REQUIRE(p.maxCoeff() > 1e3 * p.minCoeff());  // spans decades: the zeros are what keeps it out of logs
    const JudgedOracle oracle = surrogate_oracle(data, names, "p");
    CHECK_FALSE(oracle.log_magnitude);
    const auto splits = check_separability(oracle.f, data.values().leftCols(2), oracle.settings(400, 1));
    REQUIRE_FALSE(splits.empty());
    CHECK(splits.front().evidence.accepted());
    CHECK(splits.front().kind == Separation::multiplicative);
}
