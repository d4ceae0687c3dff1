#pragma once
// An exact fraction of two 64-bit integers, always in lowest terms with a positive denominator.
// Unit exponents and the linear algebra of dimensional analysis use it so that "is this exponent
// an integer?" and "is this column dependent?" get exact answers. Arithmetic that would overflow
// throws std::overflow_error (unit tables never come near it).
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace occam {

class Rational {
public:
    constexpr Rational(long long integer = 0) : numerator_(integer) {}  // NOLINT: an integer is a fraction
    Rational(long long numerator, long long denominator);                // std::domain_error on a zero denominator

    long long numerator() const { return numerator_; }
    long long denominator() const { return denominator_; }
    bool is_integer() const { return denominator_ == 1; }
    bool is_zero() const { return numerator_ == 0; }
    double to_double() const { return static_cast<double>(numerator_) / static_cast<double>(denominator_); }

    Rational operator-() const;
    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a, const Rational& b);  // std::domain_error on zero
    Rational& operator+=(const Rational& b) { return *this = *this + b; }
    Rational& operator-=(const Rational& b) { return *this = *this - b; }
    Rational& operator*=(const Rational& b) { return *this = *this * b; }

    friend bool operator==(const Rational&, const Rational&) = default;
    friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

private:
    long long numerator_ = 0;
    long long denominator_ = 1;
};

Rational abs(const Rational& r);
// "3", "-1/2"
std::string to_string(const Rational& r);
// Reads "3", "-2", "+1", "1/2" or "-3/2" (blanks around the slash allowed); nullopt for anything else.
std::optional<Rational> parse_rational(std::string_view text);

}  // namespace occam
