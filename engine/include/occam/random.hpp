#pragma once
// A small, fast, portable random generator (xoshiro256**, seeded through splitmix64) and the two
// draws occam needs. Written out here rather than using <random> distributions because those differ
// between standard libraries, and occam promises the same numbers for the same seed everywhere.
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>
#include <vector>

namespace occam {

class Random {
public:
    using result_type = std::uint64_t;
    using State = std::array<std::uint64_t, 4>;
    explicit Random(std::uint64_t seed = 1) {
        for (auto& word : state_) word = splitmix(seed);
    }
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }

    result_type operator()() {
        const auto result = rotl(state_[1] * 5, 7) * 9;
        const auto t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // The four state words, so a checkpoint can continue the exact stream (never all zero).
    const State& state() const { return state_; }
    void set_state(const State& state) { state_ = state; }

    double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }  // [0, 1)
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
    double normal() {  // Box-Muller; one of the pair is enough here
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    State state_;
};

// 0 .. n-1 in a random order (Fisher-Yates): the same permutation for the same generator state.
template <typename Index = std::size_t>
std::vector<Index> shuffled_order(std::size_t n, Random& rng) {
    std::vector<Index> order(n);
    std::iota(order.begin(), order.end(), Index{0});
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    return order;
}

}  // namespace occam
