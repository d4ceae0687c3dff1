#include "occam/budget.hpp"

#include <algorithm>
#include <utility>

namespace occam {
namespace {

template <typename T, typename F>
void combine(std::optional<T>& limit, const std::optional<T>& other, F pick) {
    if (limit && other) limit = pick(*limit, *other);
}

// Each limit both budgets have, picked from the two; a limit only a has is kept.
template <typename F>
Budget each_limit(Budget a, const Budget& b, F pick) {
    combine(a.time_limit, b.time_limit, pick);
    combine(a.max_evaluations, b.max_evaluations, pick);
    combine(a.max_generations, b.max_generations, pick);
    return a;
}

long long at_least_one(double count) { return std::max(1LL, static_cast<long long>(count)); }

}  // namespace

Budget share_of(const Budget& budget, double share) {
    Budget part = budget;
    if (budget.time_limit) part.time_limit = *budget.time_limit * share;
    if (budget.max_evaluations) part.max_evaluations = at_least_one(static_cast<double>(*budget.max_evaluations) * share);
    if (budget.max_generations) part.max_generations = at_least_one(static_cast<double>(*budget.max_generations) * share);
    return part;
}

Budget less(const Budget& budget, const Spent& spent) {
    Budget rest = budget;
    if (budget.time_limit) rest.time_limit = *budget.time_limit - std::chrono::duration<double>(spent.seconds);
    if (budget.max_evaluations) rest.max_evaluations = *budget.max_evaluations - spent.evaluations;
    if (budget.max_generations) rest.max_generations = *budget.max_generations - spent.generations;
    return rest;
}

bool exhausted(const Budget& budget) {
    return (budget.time_limit && budget.time_limit->count() <= 0) ||
           (budget.max_evaluations && *budget.max_evaluations <= 0) ||
           (budget.max_generations && *budget.max_generations <= 0);
}

Budget smaller(Budget a, const Budget& b) {
    return each_limit(std::move(a), b, [](auto x, auto y) { return std::min(x, y); });
}

Budget at_least(Budget budget, const Budget& floor) {
    return each_limit(std::move(budget), floor, [](auto x, auto y) { return std::max(x, y); });
}

Budget left_after(const Budget& budget, const Spent& spent) {
    return at_least(less(budget, spent), share_of(budget, 0.01));
}

Budget fair_share(const Budget& budget, const Spent& spent, std::size_t parts_left) {
    const Budget rest = less(budget, spent);
    const Budget share = exhausted(rest) || parts_left <= 1 ? rest : share_of(rest, 1.0 / static_cast<double>(parts_left));
    return at_least(share, share_of(budget, 0.01));
}

Deadline deadline_of(const Budget& budget, std::chrono::steady_clock::time_point start) {
    if (!budget.time_limit) return std::nullopt;
    return start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(*budget.time_limit);
}

bool past(const Deadline& deadline) { return deadline && std::chrono::steady_clock::now() >= *deadline; }

}  // namespace occam
