#include "occam/rational.hpp"

#include <charconv>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace occam {
namespace {

// Products of two 64-bit values fit, so overflow is checked once, at the end (__extension__ keeps
// -Wpedantic quiet about the non-standard type).
__extension__ typedef __int128 Wide;

long long narrow(Wide value) {
    if (value > std::numeric_limits<long long>::max() || value < -std::numeric_limits<long long>::max())
        throw std::overflow_error("rational arithmetic overflowed 64 bits");
    return static_cast<long long>(value);
}

Wide wide_gcd(Wide a, Wide b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        const Wide t = a % b;
        a = b;
        b = t;
    }
    return a;
}

Rational reduced(Wide numerator, Wide denominator) {
    if (denominator == 0) throw std::domain_error("division by zero in rational arithmetic");
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const Wide g = wide_gcd(numerator, denominator);
    if (g > 1) {
        numerator /= g;
        denominator /= g;
    }
    return Rational(narrow(numerator), narrow(denominator));
}

std::optional<long long> parse_integer(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.size() > 1 && text.front() == '+' && text[1] != '-') text.remove_prefix(1);
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

Rational::Rational(long long numerator, long long denominator) {
    if (denominator == 0) throw std::domain_error("rational with a zero denominator");
    Wide n = numerator;
    Wide d = denominator;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const Wide g = wide_gcd(n, d);
    numerator_ = narrow(g > 1 ? n / g : n);
    denominator_ = narrow(g > 1 ? d / g : d);
}

Rational Rational::operator-() const { return Rational(narrow(-Wide{numerator_}), denominator_); }

Rational operator+(const Rational& a, const Rational& b) {
    return reduced(Wide{a.numerator_} * b.denominator_ + Wide{b.numerator_} * a.denominator_,
                   Wide{a.denominator_} * b.denominator_);
}

Rational operator-(const Rational& a, const Rational& b) { return a + (-b); }

Rational operator*(const Rational& a, const Rational& b) {
    return reduced(Wide{a.numerator_} * b.numerator_, Wide{a.denominator_} * b.denominator_);
}

Rational operator/(const Rational& a, const Rational& b) {
    return reduced(Wide{a.numerator_} * b.denominator_, Wide{a.denominator_} * b.numerator_);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    // denominators are positive, so cross-multiplying keeps the order
    const Wide left = Wide{a.numerator_} * b.denominator_;
    const Wide right = Wide{b.numerator_} * a.denominator_;
    return left < right ? std::strong_ordering::less
                        : (left > right ? std::strong_ordering::greater : std::strong_ordering::equal);
}

Rational abs(const Rational& r) { return r.numerator() < 0 ? -r : r; }

std::string to_string(const Rational& r) {
    if (r.is_integer()) return std::to_string(r.numerator());
    return std::to_string(r.numerator()) + "/" + std::to_string(r.denominator());
}

std::optional<Rational> parse_rational(std::string_view text) {
    const auto slash = text.find('/');
    const auto numerator = parse_integer(text.substr(0, slash));
    if (!numerator) return std::nullopt;
    if (slash == std::string_view::npos) return Rational(*numerator);
    const auto denominator = parse_integer(text.substr(slash + 1));
    if (!denominator || *denominator <= 0) return std::nullopt;
    return Rational(*numerator, *denominator);
}

}  // namespace occam
