#pragma once
// Exact linear algebra on small rational matrices (units matrices are at most a few rows by a few
// dozen columns): rank, coordinates in a basis of columns, and integer solutions. Private to distill.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "occam/rational.hpp"

namespace occam::detail {

using RationalVector = std::vector<Rational>;

class RationalMatrix {
public:
    RationalMatrix(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), data_(rows * cols) {}

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    Rational& operator()(std::size_t r, std::size_t c) { return data_[r * cols_ + c]; }
    const Rational& operator()(std::size_t r, std::size_t c) const { return data_[r * cols_ + c]; }
    RationalVector column(std::size_t c) const;
    RationalVector times(std::span<const Rational> x) const;  // this * x

private:
    std::size_t rows_, cols_;
    RationalVector data_;  // row-major
};

std::size_t rank(RationalMatrix matrix);

// Coefficients that write each column of targets as a combination of the columns basis of a:
// result(k, t) multiplies column basis[k] for target t. nullopt when those columns are dependent or
// a target lies outside their span.
std::optional<RationalMatrix> coordinates(const RationalMatrix& a, std::span<const std::size_t> basis,
                                          const RationalMatrix& targets);

struct IntegerSolutions {
    RationalVector particular;                // an integer x with a x = b
    std::vector<RationalVector> null_lattice;  // integer vectors whose integer combinations are all integer x with a x = 0
};
// Every integer solution of a x = b, from the column Hermite form of a (which needs integer
// entries; scale rows first); nullopt when there is none.
std::optional<IntegerSolutions> integer_solutions(const RationalMatrix& a, std::span<const Rational> b);

// The vector times the least common multiple of its denominators, divided by the greatest common
// divisor of the result: the smallest integer vector with the same direction and sign.
RationalVector smallest_integer_multiple(RationalVector v);

}  // namespace occam::detail
