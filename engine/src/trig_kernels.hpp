#pragma once
// Vectorisable sine, cosine and tangent for double precision. Eigen 3.4 vectorises exp and log for
// double but falls back to scalar std::sin, which made sin-heavy trees 15x slower than arithmetic.
// These loops have no branches, so the compiler turns them into SIMD code.
//
// Method: Cody-Waite reduction x = k*pi/2 + r with pi/2 split in three parts (k*C1 is exact for
// |k| < 2^20), then Taylor series of sin and cos on |r| <= pi/4, long enough (to r^15 and r^16) that
// the truncation error is below 1e-16 relative. Blocks holding |x| > 1e5 use std:: functions, where
// this reduction would lose accuracy.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace occam::kernels {

enum class Trig { Sin, Cos, Tan };

inline constexpr double trig_fast_limit = 1e5;

// n values are computed; the fast path is chosen from the first `real` of them only, so padding
// rows of a short block can never change the results of real rows.
template <Trig kind>
inline void trig(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real) {
    bool small = true;
    for (std::ptrdiff_t i = 0; i < real; ++i) small &= std::abs(in[i]) <= trig_fast_limit;
    if (!small) {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            out[i] = kind == Trig::Sin ? std::sin(in[i]) : kind == Trig::Cos ? std::cos(in[i]) : std::tan(in[i]);
        }
        return;
    }
    constexpr double two_over_pi = 0.6366197723675814;
    constexpr double c1 = 0x1.921fb54400000p+0, c2 = 0x1.0b4611a600000p-34, c3 = 0x1.3198a2e037073p-69;
    constexpr double round_magic = 0x1.8p52;  // adding it rounds to an integer held in the low bits
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const double x = in[i];
        const double shifted = x * two_over_pi + round_magic;
        const double k = shifted - round_magic;
        std::uint64_t bits;
        std::memcpy(&bits, &shifted, sizeof bits);
        const std::uint64_t quadrant = bits & 3U;
        const double r = ((x - k * c1) - k * c2) - k * c3;
        const double r2 = r * r;
        // 1/n! coefficients, Horner form
        const double s = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 +
                         r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800 + r2 * (-1.0 / 1307674368000.0)))))));
        const double c = 1.0 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 +
                         r2 * (-1.0 / 3628800 + r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200.0 +
                         r2 * (1.0 / 20922789888000.0))))))));
        const double sin_x = (quadrant & 1U) ? c : s;
        const double cos_x = (quadrant & 1U) ? s : c;
        const double sin_signed = (quadrant & 2U) ? -sin_x : sin_x;
        const double cos_signed = ((quadrant + 1U) & 2U) ? -cos_x : cos_x;
        if constexpr (kind == Trig::Sin) out[i] = sin_signed;
        if constexpr (kind == Trig::Cos) out[i] = cos_signed;
        if constexpr (kind == Trig::Tan) out[i] = sin_signed / cos_signed;
    }
}

}  // namespace occam::kernels
