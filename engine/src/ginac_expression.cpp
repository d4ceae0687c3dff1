#include "ginac_expression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <tuple>

#include "significant_digits.hpp"

namespace occam::algebra {
namespace {

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    return z ^ (z >> 31);
}

// A hash of the expression's value-bearing structure: the same for the same expression in every
// call, whatever order GiNaC keeps its parts in.
std::uint64_t stable_key(const gi::ex& e) {
    if (gi::is_a<gi::numeric>(e)) {
        const gi::numeric n = gi::ex_to<gi::numeric>(e);
        // to 10 digits: a folded number's last bits follow the order GiNaC added in
        const double v = n.is_real() ? n.to_double() : 0.0;
        const double rounded = v == 0 || !std::isfinite(v) ? v : round_to_significant(v, 10);
        return mix(1, std::hash<double>{}(std::isfinite(rounded) ? rounded : v));
    }
    if (gi::is_a<gi::symbol>(e)) return mix(2, std::hash<std::string>{}(gi::ex_to<gi::symbol>(e).get_name()));
    if (gi::is_a<gi::constant>(e)) return mix(3, std::hash<double>{}(gi::ex_to<gi::numeric>(e.evalf()).to_double()));
    if (gi::is_a<gi::power>(e)) return mix(mix(4, stable_key(e.op(0))), stable_key(e.op(1)));
    if (gi::is_a<gi::function>(e)) {
        std::uint64_t key = mix(5, std::hash<std::string>{}(gi::ex_to<gi::function>(e).get_name()));
        for (std::size_t k = 0; k < e.nops(); ++k) key = mix(key, stable_key(e.op(k)));
        return key;
    }
    // a sum or a product: the same whatever the order of its parts
    std::uint64_t parts = 0;
    for (std::size_t k = 0; k < e.nops(); ++k) parts += mix(7, stable_key(e.op(k)));
    return mix(gi::is_a<gi::add>(e) ? 8 : 9, parts);
}

// The lowest input column an expression uses (inputs are named x0, x1, ...), or a large number.
long lowest_input(const gi::ex& e) {
    if (gi::is_a<gi::symbol>(e)) return std::stol(gi::ex_to<gi::symbol>(e).get_name().substr(1));
    long lowest = 1L << 30;
    for (std::size_t k = 0; k < e.nops(); ++k) lowest = std::min(lowest, lowest_input(e.op(k)));
    return lowest;
}

}  // namespace

bool is_float(const gi::ex& e) {
    return gi::is_a<gi::numeric>(e) && !gi::ex_to<gi::numeric>(e).is_rational();
}

bool has_symbol(const gi::ex& e) {
    if (gi::is_a<gi::symbol>(e)) return true;
    for (std::size_t k = 0; k < e.nops(); ++k)
        if (has_symbol(e.op(k))) return true;
    return false;
}

bool has_float(const gi::ex& e) {
    if (is_float(e)) return true;
    for (std::size_t k = 0; k < e.nops(); ++k)
        if (has_float(e.op(k))) return true;
    return false;
}

int printed_size(const gi::ex& e) {
    if (gi::is_a<gi::numeric>(e) || gi::is_a<gi::symbol>(e) || gi::is_a<gi::constant>(e)) return 1;
    if (gi::is_a<gi::power>(e)) {
        const gi::ex exponent = e.op(1);
        const bool unary = exponent.is_equal(gi::numeric(1, 2)) || exponent.is_equal(2) || exponent.is_equal(3) ||
                           exponent.is_equal(-1);
        return printed_size(e.op(0)) + (unary ? 1 : 1 + printed_size(exponent));
    }
    int size = gi::is_a<gi::function>(e) ? 1 : static_cast<int>(e.nops()) - 1;
    for (std::size_t k = 0; k < e.nops(); ++k) size += printed_size(e.op(k));
    return size;
}

// (S, p) for a factor S^p with S a sum and p a number, or (0, 0)
std::pair<gi::ex, gi::ex> power_of_sum(const gi::ex& factor) {
    if (gi::is_a<gi::add>(factor)) return {factor, 1};
    if (gi::is_a<gi::power>(factor) && gi::is_a<gi::add>(factor.op(0)) && gi::is_a<gi::numeric>(factor.op(1)))
        return {factor.op(0), factor.op(1)};
    return {0, 0};
}

// Parts in occam's order: by the first input they use (numbers and pi last), then the shorter.
OrderKey order_key(const gi::ex& e) { return {lowest_input(e), printed_size(e), stable_key(e)}; }

std::vector<gi::ex> parts_in_order(const gi::ex& e) {
    std::vector<std::pair<OrderKey, gi::ex>> keyed;
    for (std::size_t k = 0; k < e.nops(); ++k) keyed.emplace_back(order_key(e.op(k)), e.op(k));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<gi::ex> parts;
    for (auto& [key, part] : keyed) parts.push_back(std::move(part));
    return parts;
}

// A term's sign and its size: -3*x is (true, 3*x).
std::pair<bool, gi::ex> signed_part(const gi::ex& term) {
    if (gi::is_a<gi::numeric>(term) && gi::ex_to<gi::numeric>(term).is_negative()) return {true, -term};
    if (gi::is_a<gi::mul>(term)) {
        const gi::ex last = term.op(term.nops() - 1);  // GiNaC keeps a product's number last
        if (gi::is_a<gi::numeric>(last) && gi::ex_to<gi::numeric>(last).is_negative()) return {true, -term};
    }
    return {false, term};
}

// -S, term by term (GiNaC may keep -1 * S as a product, and (-1 * S)^-1 as -1 * S^-1)
gi::ex negated(const gi::ex& sum) {
    gi::exvector terms;
    for (std::size_t k = 0; k < sum.nops(); ++k) terms.push_back(-sum.op(k));
    return gi::add(terms);
}

// Whether a sum should be written turned (-S, its sign moved out): its first term in occam's
// order is negative.
bool turned(const gi::ex& sum) {
    std::pair<OrderKey, bool> first{};  // the key of the first term, and whether it is negative
    for (std::size_t k = 0; k < sum.nops(); ++k) {
        const auto [negative, size] = signed_part(sum.op(k));
        const OrderKey key = order_key(size);
        if (k == 0 || key < first.first) first = {key, negative};
    }
    return first.second;
}

}  // namespace occam::algebra
