// The face gallery's inner loop: 8-bit dot products. Swift cannot reach the AVX2 instructions
// that multiply and add bytes (vpmaddubsw, vpmaddwd); a small C kernel with a run-time check
// gives them to processors that have them and plain C to the others.
#include "PactumKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2"))) static void dot_avx2(const int8_t *q, const int8_t *codes, size_t d, size_t n,
                                                      int32_t *out) {
    const __m256i ones = _mm256_set1_epi16(1);
    for (size_t i = 0; i < n; i++) {
        const int8_t *c = codes + i * d;
        __m256i acc = _mm256_setzero_si256();
        for (size_t k = 0; k < d; k += 32) {
            __m256i a = _mm256_loadu_si256((const __m256i *)(q + k));
            __m256i b = _mm256_loadu_si256((const __m256i *)(c + k));
            // |a| · (b with a's sign): u8 × s8 products summed in pairs; 2 · 127 · 127 < 2^15.
            __m256i p = _mm256_maddubs_epi16(_mm256_abs_epi8(a), _mm256_sign_epi8(b, a));
            acc = _mm256_add_epi32(acc, _mm256_madd_epi16(p, ones));
        }
        __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
        s = _mm_hadd_epi32(s, s);
        s = _mm_hadd_epi32(s, s);
        out[i] = _mm_cvtsi128_si32(s);
    }
}
#endif

static void dot_plain(const int8_t *q, const int8_t *codes, size_t d, size_t n, int32_t *out) {
    for (size_t i = 0; i < n; i++) {
        const int8_t *c = codes + i * d;
        int32_t sum = 0;
        for (size_t k = 0; k < d; k++) sum += (int32_t)q[k] * (int32_t)c[k];
        out[i] = sum;
    }
}

void pactum_dot_i8(const int8_t *query, const int8_t *codes, size_t d, size_t n, int32_t *out) {
#if defined(__x86_64__)
    if (d % 32 == 0 && __builtin_cpu_supports("avx2")) {
        dot_avx2(query, codes, d, n, out);
        return;
    }
#endif
    dot_plain(query, codes, d, n, out);
}
