#ifndef PACTUM_KERNELS_H
#define PACTUM_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Dot products of one 8-bit query with `n` 8-bit codes of `d` values each (d a multiple of
/// 32), into `out`. Uses AVX2 where the processor has it, plain C otherwise.
void pactum_dot_i8(const int8_t *query, const int8_t *codes, size_t d, size_t n, int32_t *out);

#endif
