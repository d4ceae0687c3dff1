// The arithmetic that hands a run's budget down its stages and rounds.
#include <doctest/doctest.h>

#include "occam/budget.hpp"

using namespace occam;

namespace {

Budget limits(double seconds, long long evaluations, long long generations) {
    return {.time_limit = std::chrono::duration<double>(seconds), .max_evaluations = evaluations,
            .max_generations = generations};
}

}  // namespace

TEST_CASE("budget: shares, what is left, and when it is used up") {
    const Budget whole = limits(60, 1000, 40);
    const Budget quarter = share_of(whole, 0.25);
    CHECK(quarter.time_limit->count() == doctest::Approx(15));
    CHECK(*quarter.max_evaluations == 250);
    CHECK(*quarter.max_generations == 10);
    CHECK(*share_of(whole, 1e-6).max_generations == 1);  // never below one generation or evaluation

    const Budget rest = less(whole, {.seconds = 50, .evaluations = 400, .generations = 45});
    CHECK(rest.time_limit->count() == doctest::Approx(10));
    CHECK(*rest.max_evaluations == 600);
    CHECK(*rest.max_generations == -5);
    CHECK(exhausted(rest));
    CHECK_FALSE(exhausted(less(whole, {.seconds = 59})));

    // a search after overrunning work still gets a hundredth, never a non-positive limit
    const Budget floor = left_after(whole, {.seconds = 70, .evaluations = 2000, .generations = 50});
    CHECK(floor.time_limit->count() == doctest::Approx(0.6));
    CHECK(*floor.max_evaluations == 10);
    CHECK(*floor.max_generations == 1);
}

TEST_CASE("budget: the smaller of two, a floor, and a fair share of what is left") {
    Budget time_only;  // 60 s by default, nothing else
    const Budget a = smaller(limits(10, 500, 20), time_only);
    CHECK(a.time_limit->count() == doctest::Approx(10));  // both have a time limit: the smaller
    CHECK(*a.max_evaluations == 500);                      // only the first has one: kept
    CHECK(at_least(limits(1, 5, 2), limits(3, 4, 8)).time_limit->count() == doctest::Approx(3));

    // three parts: the first gets a third; a part that used less leaves its rest to those after it
    const Budget whole = limits(90, 900, 30);
    CHECK(fair_share(whole, {}, 3).time_limit->count() == doctest::Approx(30));
    const Budget second = fair_share(whole, {.seconds = 10, .evaluations = 300, .generations = 10}, 2);
    CHECK(second.time_limit->count() == doctest::Approx(40));
    CHECK(*second.max_evaluations == 300);
    CHECK(*second.max_generations == 10);
    // nothing left: a hundredth all the same, so the part still runs
    const Budget late = fair_share(whole, {.seconds = 95}, 2);
    CHECK_FALSE(exhausted(late));
    CHECK(late.time_limit->count() == doctest::Approx(0.9));
}
