// The fingerprint matcher's inner loop: every cylinder of one print against the cylinders of
// the other within its direction window, keeping the best two. With AVX-512 and its popcount
// (VPOPCNTQ) eight cylinders of the other print are compared at once, their words transposed
// so that no horizontal sum is needed; other processors get the same arithmetic one pair at a
// time. Both give bit-identical similarities to the reference formula (IEEE square roots and
// division, no contraction).
#include "PactumKernels.h"
#include "cpu.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 6
#define CYLINDER (2 * WORDS)
#define BLOCK (8 * CYLINDER)

typedef struct {
    float s;
    int32_t j;
} pick;

// The best two, in the order the pairs are met: a later equal score does not displace.
static inline void offer(pick *best, pick *second, float s, int32_t j) {
    if (s > best->s) {
        *second = *best;
        best->s = s;
        best->j = j;
    } else if (s > second->s) {
        second->s = s;
        second->j = j;
    }
}

static inline int32_t lower_bound(const float *sorted, int32_t n, float value) {
    int32_t lo = 0, hi = n;
    while (lo < hi) {
        int32_t mid = (lo + hi) / 2;
        if (sorted[mid] < value) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

// The direction windows of `angle` on [0, turn): one run, or two where it wraps around 0.
static inline int windows(float angle, float max_angle, float turn, float from[2], float to[2]) {
    float lo = angle - max_angle, hi = angle + max_angle;
    if (lo < 0) {
        from[0] = 0, to[0] = hi, from[1] = lo + turn, to[1] = turn;
        return 2;
    }
    if (hi >= turn) {
        from[0] = lo, to[0] = turn, from[1] = 0, to[1] = hi - turn;
        return 2;
    }
    from[0] = lo, to[0] = hi;
    return 1;
}

static inline float similarity(const uint64_t *a, const uint64_t *b, int32_t min_common) {
    int common = 0, na = 0, nb = 0, nx = 0;
    for (int w = 0; w < WORDS; w++) {
        uint64_t c = a[WORDS + w] & b[WORDS + w], x = a[w] & c, y = b[w] & c;
        common += __builtin_popcountll(c);
        na += __builtin_popcountll(x);
        nb += __builtin_popcountll(y);
        nx += __builtin_popcountll(x ^ y);
    }
    if (common < min_common || na + nb == 0) return -1;
    return 1.0f - sqrtf((float)nx) / (sqrtf((float)na) + sqrtf((float)nb));
}

static inline void best_two_plain(const pactum_mcc_prints *p, float *out_s, int32_t *out_j) {
    for (int32_t i = 0; i < p->count_a; i++) {
        pick best = {0, -1}, second = {0, -1};
        float from[2], to[2];
        int runs = windows(p->angle_a[i], p->max_angle, p->turn, from, to);
        for (int r = 0; r < runs; r++) {
            for (int32_t j = lower_bound(p->angle_b, p->count_b, from[r]); j < p->count_b && p->angle_b[j] <= to[r];
                 j++) {
                offer(&best, &second, similarity(p->a + i * CYLINDER, p->b + j * CYLINDER, p->min_common), j);
            }
        }
        out_s[2 * i] = best.s, out_j[2 * i] = best.j;
        out_s[2 * i + 1] = second.s, out_j[2 * i + 1] = second.j;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("popcnt"))) static void best_two_popcnt(const pactum_mcc_prints *p, float *s, int32_t *j) {
    best_two_plain(p, s, j);
}

// Eight cylinders of B against cylinder `a`: their similarities, -1 where not comparable.
__attribute__((target(PACTUM_AVX512))) static inline __m256 block8(const uint64_t *a, const uint64_t *t, int32_t min_common) {
    __m512i pc = _mm512_setzero_si512(), px = pc, py = pc, pd = pc;
    for (int w = 0; w < WORDS; w++) {
        __m512i vb = _mm512_loadu_si512(t + w * 8), mb = _mm512_loadu_si512(t + (WORDS + w) * 8);
        __m512i c = _mm512_and_si512(_mm512_set1_epi64((long long)a[WORDS + w]), mb);
        __m512i x = _mm512_and_si512(_mm512_set1_epi64((long long)a[w]), c), y = _mm512_and_si512(vb, c);
        pc = _mm512_add_epi64(pc, _mm512_popcnt_epi64(c));
        px = _mm512_add_epi64(px, _mm512_popcnt_epi64(x));
        py = _mm512_add_epi64(py, _mm512_popcnt_epi64(y));
        pd = _mm512_add_epi64(pd, _mm512_popcnt_epi64(_mm512_xor_si512(x, y)));
    }
    __mmask8 ok = _mm512_cmpge_epi64_mask(pc, _mm512_set1_epi64(min_common)) &
                  _mm512_cmpgt_epi64_mask(_mm512_add_epi64(px, py), _mm512_setzero_si512());
    __m256 s = _mm256_sub_ps(_mm256_set1_ps(1.0f),
                             _mm256_div_ps(_mm256_sqrt_ps(_mm512_cvtepi64_ps(pd)),
                                           _mm256_add_ps(_mm256_sqrt_ps(_mm512_cvtepi64_ps(px)),
                                                         _mm256_sqrt_ps(_mm512_cvtepi64_ps(py)))));
    return _mm256_mask_blend_ps(ok, _mm256_set1_ps(-1.0f), s);
}

__attribute__((target(PACTUM_AVX512))) static void best_two_avx512(const pactum_mcc_prints *p, float *out_s, int32_t *out_j) {
    // B transposed in blocks of eight cylinders: word w of the block's cylinders side by side.
    int32_t blocks = (p->count_b + 7) / 8;
    uint64_t stack[32 * BLOCK];
    uint64_t *t = blocks <= 32 ? stack : malloc(sizeof(uint64_t) * BLOCK * (size_t)blocks);
    memset(t, 0, sizeof(uint64_t) * BLOCK * (size_t)blocks);
    for (int32_t j = 0; j < p->count_b; j++)
        for (int w = 0; w < CYLINDER; w++) t[(j / 8) * BLOCK + w * 8 + j % 8] = p->b[j * CYLINDER + w];
    float s[8];
    for (int32_t i = 0; i < p->count_a; i++) {
        pick best = {0, -1}, second = {0, -1};
        float from[2], to[2];
        int runs = windows(p->angle_a[i], p->max_angle, p->turn, from, to);
        for (int r = 0; r < runs; r++) {
            int32_t first = lower_bound(p->angle_b, p->count_b, from[r]), end = first;
            while (end < p->count_b && p->angle_b[end] <= to[r]) end++;
            for (int32_t k = first / 8; k * 8 < end; k++) {
                _mm256_storeu_ps(s, block8(p->a + i * CYLINDER, t + k * BLOCK, p->min_common));
                int32_t lo = k * 8 > first ? k * 8 : first, hi = k * 8 + 8 < end ? k * 8 + 8 : end;
                for (int32_t j = lo; j < hi; j++) offer(&best, &second, s[j - k * 8], j);
            }
        }
        out_s[2 * i] = best.s, out_j[2 * i] = best.j;
        out_s[2 * i + 1] = second.s, out_j[2 * i + 1] = second.j;
    }
    if (t != stack) free(t);
}
#endif

void pactum_mcc_best_two(const pactum_mcc_prints *prints, float *scores, int32_t *indices) {
#if defined(__x86_64__)
    if (pactum_has_avx512_popcount()) {
        best_two_avx512(prints, scores, indices);
        return;
    }
    if (__builtin_cpu_supports("popcnt")) {
        best_two_popcnt(prints, scores, indices);
        return;
    }
#endif
    best_two_plain(prints, scores, indices);
}

void pactum_mcc_best_two_portable(const pactum_mcc_prints *prints, float *scores, int32_t *indices) {
    best_two_plain(prints, scores, indices);
}
