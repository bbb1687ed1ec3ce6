// The 1:N fingerprint filter's scan: for every enrolled finger, each of its summary cylinders
// finds its most similar probe cylinder of a near direction, and the finger's score is the sum.
// With AVX-512 eight probe cylinders are compared at once (their words transposed); other
// processors get the same arithmetic one pair at a time, with the same result.
#include "PactumKernels.h"
#include "cpu.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 6

// Two cylinders without a set bit say nothing of each other: similarity 0, not 0/0.
static inline float similarity(int differing, float root_a, float root_b) {
    float sum = root_a + root_b;
    return sum > 0 ? 1.0f - sqrtf((float)differing) / sum : 0.0f;
}

static inline int32_t bin_of(float angle, float bins_per_radian, int32_t bins) {
    float b = angle * bins_per_radian;
    return b >= 0 && b < (float)bins ? (int32_t)b : -1;
}

static inline void scan_plain(const pactum_filter_probe *p, const pactum_filter_gallery *g, int64_t from, int64_t to,
                              float *totals) {
    for (int64_t i = from; i < to; i++) {
        float total = 0;
        for (int64_t c = i * g->per_finger; c < (i + 1) * g->per_finger; c++) {
            int32_t bin = bin_of(g->angle[c], p->bins_per_radian, p->bins);
            if (bin < 0) continue;
            const uint64_t *a = g->bits + c * WORDS;
            float top = 0;
            for (int32_t j = p->ranges[2 * bin]; j < p->ranges[2 * bin + 1]; j++) {
                const uint64_t *b = p->bits + (int64_t)j * WORDS;
                int d = 0;
                for (int w = 0; w < WORDS; w++) d += __builtin_popcountll(a[w] ^ b[w]);
                float s = similarity(d, g->root[c], p->root[j]);
                if (s > top) top = s;
            }
            total += top;
        }
        totals[i - from] = total;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("popcnt"))) static void scan_popcnt(const pactum_filter_probe *p, const pactum_filter_gallery *g,
                                                          int64_t from, int64_t to, float *totals) {
    scan_plain(p, g, from, to, totals);
}

__attribute__((target(PACTUM_AVX512))) static void scan_avx512(const pactum_filter_probe *p, const pactum_filter_gallery *g,
                                                        int64_t from, int64_t to, float *totals) {
    // The probe in blocks of eight cylinders, word w of each side by side, and their roots.
    int32_t blocks = (p->count + 7) / 8;
    uint64_t *t = calloc((size_t)blocks * 8 * WORDS, sizeof(uint64_t));
    float *roots = calloc((size_t)blocks * 8, sizeof(float));
    for (int32_t j = 0; j < p->count; j++) {
        for (int w = 0; w < WORDS; w++) t[(j / 8) * 8 * WORDS + w * 8 + j % 8] = p->bits[(int64_t)j * WORDS + w];
        roots[j] = p->root[j];
    }
    for (int64_t i = from; i < to; i++) {
        float total = 0;
        for (int64_t c = i * g->per_finger; c < (i + 1) * g->per_finger; c++) {
            int32_t bin = bin_of(g->angle[c], p->bins_per_radian, p->bins);
            if (bin < 0) continue;
            int32_t lo = p->ranges[2 * bin], hi = p->ranges[2 * bin + 1];
            const uint64_t *a = g->bits + c * WORDS;
            __m256 ra = _mm256_set1_ps(g->root[c]), top = _mm256_setzero_ps();
            for (int32_t k = lo / 8; k * 8 < hi; k++) {
                const uint64_t *block = t + (int64_t)k * 8 * WORDS;
                __m512i d = _mm512_setzero_si512();
                for (int w = 0; w < WORDS; w++) {
                    __m512i x = _mm512_xor_si512(_mm512_set1_epi64((long long)a[w]), _mm512_loadu_si512(block + w * 8));
                    d = _mm512_add_epi64(d, _mm512_popcnt_epi64(x));
                }
                __m256 sum = _mm256_add_ps(ra, _mm256_loadu_ps(roots + k * 8));
                __m256 s = _mm256_sub_ps(_mm256_set1_ps(1.0f), _mm256_div_ps(_mm256_sqrt_ps(_mm512_cvtepi64_ps(d)), sum));
                // Lanes outside the run, and pairs without a set bit, count as 0.
                int32_t first = lo > k * 8 ? lo - k * 8 : 0, last = hi < k * 8 + 8 ? hi - k * 8 : 8;
                __mmask8 in = (__mmask8)(((1u << last) - 1) & ~((1u << first) - 1));
                in &= _mm256_cmp_ps_mask(sum, _mm256_setzero_ps(), _CMP_GT_OQ);
                top = _mm256_mask_max_ps(top, in, top, s);
            }
            __m128 m = _mm_max_ps(_mm256_castps256_ps128(top), _mm256_extractf128_ps(top, 1));
            m = _mm_max_ps(m, _mm_movehl_ps(m, m));
            m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
            total += _mm_cvtss_f32(m);
        }
        totals[i - from] = total;
    }
    free(t);
    free(roots);
}
#endif

void pactum_filter_scan(const pactum_filter_probe *probe, const pactum_filter_gallery *gallery, int64_t from,
                        int64_t to, float *totals) {
#if defined(__x86_64__)
    if (pactum_has_avx512_popcount()) {
        scan_avx512(probe, gallery, from, to, totals);
        return;
    }
    if (__builtin_cpu_supports("popcnt")) {
        scan_popcnt(probe, gallery, from, to, totals);
        return;
    }
#endif
    scan_plain(probe, gallery, from, to, totals);
}

void pactum_filter_scan_portable(const pactum_filter_probe *probe, const pactum_filter_gallery *gallery, int64_t from,
                                 int64_t to, float *totals) {
    scan_plain(probe, gallery, from, to, totals);
}
