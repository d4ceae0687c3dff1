#pragma once
// When to stop, and the arithmetic that hands one budget down a run: a user's budget is the whole
// run's (surrogates, pre-checks, every stage and round), so each part gets a share of what is left.
#include <chrono>
#include <optional>

namespace occam {

// The first limit reached ends the work. Only evaluation and generation budgets give reproducible
// results: a time limit stops at whatever point the clock says.
struct Budget {
    std::optional<std::chrono::duration<double>> time_limit = std::chrono::seconds(60);
    std::optional<long long> max_evaluations;
    std::optional<long long> max_generations;
    double target_loss = 1e-24;  // stop once a formula's training NMSE is at most this
    // Stop once the formula selection would choose has not improved for this many generations:
    // noisy data never reach the target loss, and past that point the search only fits the noise
    // (the rule for tables with and without rows held out: selection_stall.hpp). 0: never. Not
    // with --checkpoint or --resume, whose searches must continue bit for bit.
    long long stall_generations = 200;
};

// The front is built after a search (every formula refitted on all training rows, written
// canonically, snapped): this share of a time limit is kept for it, and a formula reached after the
// deadline is scored as the search fitted it (build_front), so the run ends within its limit.
inline constexpr double front_building_share = 0.05;

// When a piece of work must end; none without a time limit.
using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// start plus the budget's time limit, if it has one.
Deadline deadline_of(const Budget& budget, std::chrono::steady_clock::time_point start);

// Whether the deadline has passed.
bool past(const Deadline& deadline);

// What some work used of a budget.
struct Spent {
    double seconds = 0;
    long long evaluations = 0;
    long long generations = 0;

    Spent& operator+=(const Spent& more) {
        seconds += more.seconds;
        evaluations += more.evaluations;
        generations += more.generations;
        return *this;
    }
};

// Each limit times share (at least one evaluation or generation).
Budget share_of(const Budget& budget, double share);

// Each limit less what was spent; a limit may come out zero or negative (see exhausted).
Budget less(const Budget& budget, const Spent& spent);

// Whether some limit is used up.
bool exhausted(const Budget& budget);

// Each limit the smaller of the two; a limit only one of them has is kept.
Budget smaller(Budget a, const Budget& b);

// Each limit at least the floor's (a run that must still do something gets the floor).
Budget at_least(Budget budget, const Budget& floor);

// What is left after spent, never less than a hundredth of the budget (at least one evaluation or
// generation): for a search that must run even when the work before it overran its share.
Budget left_after(const Budget& budget, const Spent& spent);

// What is left divided evenly among the parts still to run, the one about to start among them:
// parts run one after another, and a part that finishes early leaves its rest to those after it.
// Never less than a hundredth of the budget (as left_after), so no part is dropped when one
// before it overran.
Budget fair_share(const Budget& budget, const Spent& spent, std::size_t parts_left);

}  // namespace occam
