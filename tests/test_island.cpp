// Island details that the end-to-end search tests cannot see: short islands keep to their cap,
// and a fit from both signs of the starting constants reaches what one start misses.
#include <doctest/doctest.h>

#include <cmath>

#include "occam/constant_fitter.hpp"
#include "island.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"

using namespace occam;

TEST_CASE("odd islands breed formulas no longer than the short length, even islands use the full length") {
    const std::vector<std::string> names{"x", "y"};
    const Dataset data = sample_formula(parse_formula("x*y + sin(x)/y", names), {{"x", 1, 3}, {"y", 1, 3}},
                                        {.rows = 300, .seed = 1, .target = "z"});
    const Problem problem(data, "z", {}, {.validation_fraction = 0.25, .seed = 1});
    SearchOptions options;
    options.population.population_size = 50;
    options.population.max_length = 30;
    options.population.short_island_length = 7;
    Island full(problem, options, 0), capped(problem, options, 1);
    for (Island* island : {&full, &capped}) {
        island->initialize();
        for (int g = 0; g < 15; ++g) island->run_generation();
    }
    std::size_t longest_full = 0, longest_capped = 0;
    for (const auto& member : full.population()) longest_full = std::max(longest_full, member.tree.length());
    for (const auto& member : capped.population()) longest_capped = std::max(longest_capped, member.tree.length());
    CHECK(longest_capped <= 7);
    CHECK(longest_full > 7);
    // long migrants join neither the capped island's population nor its archive, so no parent
    // of a later generation exceeds the cap
    auto migrants = full.emigrants(50);
    std::erase_if(migrants, [](const Individual& m) { return m.tree.length() <= 7; });
    REQUIRE_FALSE(migrants.empty());
    capped.receive(migrants);
    for (int g = 0; g < 5; ++g) capped.run_generation();
    for (const auto& member : capped.population()) CHECK(member.tree.length() <= 7);
    for (const auto& [complexity, member] : capped.archive().entries()) CHECK(member.tree.length() <= 7);
}

TEST_CASE("fitting from both signs finds the Gaussian's negative exponent that one start from c > 0 misses") {
    const std::vector<std::string> names{"x"};
    const Dataset data = sample_formula(parse_formula("exp(-x^2/2)", names), {{"x", 1, 3}},
                                        {.rows = 200, .seed = 2, .target = "y"});
    const auto x = data.values().leftCols(1);
    const auto y = data.values().col(1);
    Tree one_start({Node::variable(0), Node::function(Op::Square), Node::constant(1.0), Node::function(Op::Mul),
                    Node::function(Op::Exp)});
    Tree both_signs = one_start;
    ConstantFitter fitter(8);
    const FitResult single = fitter.fit(one_start, x, y);
    const FitResult two = fitter.fit_from_both_signs(both_signs, x, y, Eigen::ArrayXd());
    CHECK(single.mse > 1e-6);  // stuck on the positive side
    CHECK(two.mse < 1e-20);
    CHECK(both_signs.constants().at(0) == doctest::Approx(-0.5).epsilon(1e-9));
}
