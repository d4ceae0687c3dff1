#pragma once
// AI Feynman's symmetry and separability tests, asked of any function that can be evaluated at new
// points: the neural surrogate of the data, or a known formula. Each hypothesis is tested where the
// data live (points built from data rows, kept inside the data's ranges) and comes back with its
// evidence: the RMS of what the hypothesis leaves unexplained, relative to the spread of f, against
// a threshold. With a surrogate the threshold is a multiple of its own relative validation error:
// a hypothesis cannot be judged more finely than the function it is asked of.
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace occam {

// f at the rows of points (rows x inputs).
using Oracle = std::function<Eigen::ArrayXd(const Eigen::ArrayXXd& points)>;

struct CheckSettings {
    // relative error up to which a hypothesis holds: for a surrogate, a multiple of its relative
    // validation RMSE (see surrogate_threshold); for an exact formula, rounding noise
    double threshold = 1e-6;
    std::size_t points = 400;  // test points per hypothesis
    std::uint64_t seed = 1;
    // f returns log|f| of a function of one sign: the tests compare logs (a homogeneous ratio adds
    // k log s, a product f = g*h is a sum of logs) and the threshold is relative to their spread
    bool log_magnitude = false;
};

// The threshold for a surrogate whose validation RMSE is relative_rmse of the target's spread. A
// test compares two or four surrogate values, each off by about relative_rmse, so a true
// hypothesis shows up to ~2-3x that; 5x leaves room, and 1e-4 keeps a near-perfect fit from
// rejecting laws over its own rounding.
double surrogate_threshold(double relative_rmse);

struct Evidence {
    double error = 0;      // RMS violation / spread of f (of the transformed f for separability)
    double threshold = 0;
    bool accepted() const { return error <= threshold; }
};

// f depends on a pair only through x_i - x_j, x_i / x_j, x_i * x_j or x_i + x_j.
enum class PairSymmetry { difference, ratio, product, sum };

struct PairSymmetryVerdict {
    PairSymmetry kind;
    // input columns, first < second; for a ratio, first is the numerator and second the divisor
    // (of one sign), whichever column comes first
    std::size_t first = 0, second = 0;
    Evidence evidence;
    // ratio only: f(s x_i, s x_j) = s^degree f, so f = x_j^degree g(x_i/x_j); a multiple of 1/2
    // estimated from the data (a Gaussian 1/sigma exp(-(x/sigma)^2/2) has degree -1 in x, sigma)
    double degree = 0;
};

// "x_i - x_j" with the inputs' names
std::string describe(PairSymmetry kind, const std::string& first, const std::string& second);
// the same, with the factor of a homogeneous ratio: "x_i/x_j (times x_j^-1)"
std::string describe(const PairSymmetryVerdict& verdict, const std::string& first, const std::string& second);

// Every pair and kind. A ratio needs a divisor of one sign, a product two inputs of one sign; a
// pair whose shift would leave the data's ranges at every row is skipped.
std::vector<PairSymmetryVerdict> check_pair_symmetries(const Oracle& f, const Eigen::ArrayXXd& data_inputs,
                                                       const CheckSettings& settings);

// An invertible output transform applied before testing, as AI Feynman does: f = T^-1(g(A) + h(B)).
enum class OutputTransform { identity, square, sqrt, log, exp, inverse };
std::string_view transform_name(OutputTransform transform);
// T(f) where T is defined at every value (sqrt needs f >= 0, log f > 0, exp f <= 700, 1/f f != 0).
std::optional<Eigen::ArrayXd> transformed(OutputTransform transform, const Eigen::ArrayXd& f);

enum class Separation { additive, multiplicative };

struct SeparabilityVerdict {
    Separation kind;
    OutputTransform transform = OutputTransform::identity;
    std::vector<std::size_t> group;  // A, ascending; B is every other input
    Evidence evidence;
};

// f(a,b) + f(a',b') - f(a,b') - f(a',b) = 0 for additive, f(a,b) f(a',b') - f(a,b') f(a',b) = 0 for
// multiplicative, with a, a' and b, b' taken from two data rows. Every split of the inputs for up
// to six inputs (A holding input 0), else A of one or two inputs; additive also after each
// transform defined at every test point. With log_magnitude, multiplicative is additive in the
// logs and additive is additive in exp(log|f|), without other transforms. Sorted: accepted first,
// then by error / threshold.
std::vector<SeparabilityVerdict> check_separability(const Oracle& f, const Eigen::ArrayXXd& data_inputs,
                                                    const CheckSettings& settings);

}  // namespace occam
