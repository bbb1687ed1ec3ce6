#ifndef PACTUM_KERNELS_H
#define PACTUM_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Dot products of one 8-bit query with `n` 8-bit codes of `d` values each (d a multiple of
/// 32), into `out`. Uses AVX2 where the processor has it, plain C otherwise.
void pactum_dot_i8(const int8_t *query, const int8_t *codes, size_t d, size_t n, int32_t *out);

/// Two prints as the MCC matcher compares them: MCC8b cylinders of 12 words each (6 of value
/// bits, 6 of validity bits), sorted by their minutiae's directions in [0, turn).
typedef struct {
    const uint64_t *a;
    const float *angle_a;
    int32_t count_a;
    const uint64_t *b;
    const float *angle_b;
    int32_t count_b;
    /// Cells two cylinders must both have valid to be compared.
    int32_t min_common;
    /// The direction window, and the full turn as the caller's floats have it.
    float max_angle;
    float turn;
} pactum_mcc_prints;

/// For each cylinder i of A, its best two cylinders of B within the direction window, by the
/// similarity 1 − √popcount(a⊕b) / (√popcount(a) + √popcount(b)) over their common valid cells:
/// scores[2i], indices[2i] the best, scores[2i+1], indices[2i+1] the second (index -1 and score
/// 0 where there is none). Uses AVX-512 where the processor has it.
void pactum_mcc_best_two(const pactum_mcc_prints *prints, float *scores, int32_t *indices);

/// The same in plain C on every processor, for the tests that hold the two paths equal.
void pactum_mcc_best_two_portable(const pactum_mcc_prints *prints, float *scores, int32_t *indices);

/// The probe as the fingerprint filter reads it: its cylinders' value bits (6 words each) in
/// order of direction, copied across 0 and 2π, √ of each one's bit count, and for each of
/// `bins` direction bins the run [ranges[2b], ranges[2b+1]) of cylinders near that direction.
typedef struct {
    const uint64_t *bits;
    const float *root;
    int32_t count;
    const int32_t *ranges;
    int32_t bins;
    float bins_per_radian;
} pactum_filter_probe;

/// The enrolled fingers' summaries: `per_finger` cylinders each, value bits (6 words), direction
/// (outside [0, 2π) for padding) and √ of the bit count.
typedef struct {
    const uint64_t *bits;
    const float *angle;
    const float *root;
    int64_t per_finger;
} pactum_filter_gallery;

/// The filter score of fingers [from, to) into totals[0 ..< to − from]: for each summary
/// cylinder the best similarity 1 − √popcount(a⊕b) / (√popcount(a) + √popcount(b)) with a
/// probe cylinder of its direction bin, summed. Uses AVX-512 where the processor has it.
void pactum_filter_scan(const pactum_filter_probe *probe, const pactum_filter_gallery *gallery, int64_t from,
                        int64_t to, float *totals);

/// The same in plain C on every processor, for the tests that hold the two paths equal.
void pactum_filter_scan_portable(const pactum_filter_probe *probe, const pactum_filter_gallery *gallery, int64_t from,
                                 int64_t to, float *totals);

#endif
