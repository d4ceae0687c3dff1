#include "trig_kernels.hpp"

#include "occam/operators.hpp"

namespace occam::kernels {

void sin_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real) { trig<Trig::Sin>(in, out, n, real); }
void cos_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real) { trig<Trig::Cos>(in, out, n, real); }
void tan_block(const double* in, double* out, std::ptrdiff_t n, std::ptrdiff_t real) { trig<Trig::Tan>(in, out, n, real); }

}  // namespace occam::kernels
