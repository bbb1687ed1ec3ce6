// What the processor offers the kernels, checked at run time.
#ifndef PACTUM_CPU_H
#define PACTUM_CPU_H

#if defined(__x86_64__)
// AVX-512 with its 64-bit popcount (VPOPCNTQ), the conversions and the 256-bit forms.
#define PACTUM_AVX512 "avx512f,avx512dq,avx512vl,avx512vpopcntdq"

static inline int pactum_has_avx512_popcount(void) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vpopcntdq");
}
#endif

#endif
