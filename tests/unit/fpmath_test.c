// gol links no libm: the few things it needed from it are in runtime/pkg/math_port.c
// (Go's Floor, Ceil, Trunc, Round, RoundToEven, FMA, Frexp, Ldexp). This test, linked with libm, checks them
// against the C library on edge cases and a few million random operands: fma is correctly
// rounded in both, and the software FMA is the one gol runs on CPUs without the instruction.
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "pkg/math_port.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void) { // xorshift64*
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

// A random double: any bit pattern, or one with an exponent near the middle (so products
// and sums stay in range and cancel), or a subnormal.
static double any_double(void) {
    uint64_t b = next();
    switch (b & 3) {
    case 0:
        return gm_frombits(next());
    case 1:
        return gm_frombits((next() & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)(1023 - 40 + (b >> 8) % 80) << 52));
    case 2:
        return gm_frombits(next() & 0x800FFFFFFFFFFFFFULL); // subnormal
    default:
        return gm_frombits((next() & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)((b >> 8) % 2047) << 52));
    }
}

static int same(double a, double b) {
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return gm_bits(a) == gm_bits(b);
}

// Go's software FMA (fma.go), which gm_fma_soft follows, returns x*y+z when an operand is
// zero or x or y is not finite (x*y rounding to -0 plus +0 then gives +0 where the exact
// answer is -0): so does Go on a CPU without FMA. Otherwise it is exact, like C's fma.
static void check_fma(double x, double y, double z) {
    bool plain = x == 0 || y == 0 || z == 0 || !isfinite(x) || !isfinite(y);
    double want = plain ? x * y + z : fma(x, y, z), got = gm_fma_soft(x, y, z);
    CHECKF(same(got, want), "fma(%a, %a, %a) = %a, want %a\n", x, y, z, got, want);
}

static void test_fma(void) {
    static const double edge[] = {0.0, -0.0, 1.0, -1.0, 0x1p-1074, -0x1p-1074, 0x1p-1022,
                                  0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023, 0x1p-537,
                                  INFINITY, -INFINITY, NAN, 3.0, 0x1.0000000000001p0, 0.1};
    int n = sizeof edge / sizeof edge[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            for (int k = 0; k < n; k++)
                check_fma(edge[i], edge[j], edge[k]);
    for (int i = 0; i < 2000000 && !unit_failed; i++) {
        double x = any_double(), y = any_double(), z = any_double();
        if (next() & 1) // z near -x*y: cancellation
            z = -(x * y) * (next() & 2 ? 1 : 1 + 0x1p-52 * (double)(next() % 8));
        check_fma(x, y, z);
    }
    // the same through gm_fma, whichever way it goes on this CPU
    CHECK(same(gm_fma(0x1.0000000000001p0, 0x1.0000000000001p0, -1), fma(0x1.0000000000001p0, 0x1.0000000000001p0, -1)));
}

static void test_round(void) {
    static const double edge[] = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994,
                                  0x1p52, 0x1p52 + 1, 0x1p53 - 1, 0x1.fffffffffffffp51,
                                  4503599627370495.5, 0x1p-1074, INFINITY, -INFINITY, NAN, 1e300};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        double x = edge[i];
        CHECKF(same(gm_round(x), round(x)), "round(%a) = %a\n", x, gm_round(x));
        CHECKF(same(gm_round_even(x), nearbyint(x)), "round_even(%a) = %a\n", x, gm_round_even(x));
        CHECKF(same(gm_floor(x), floor(x)) && same(gm_ceil(x), ceil(x)) &&
                   same(gm_trunc(x), trunc(x)), "floor/ceil/trunc(%a)\n", x);
    }
    for (int i = 0; i < 1000000 && !unit_failed; i++) {
        double x = any_double();
        if (next() & 1)
            x = (double)(int64_t)(next() % 4000000) / 4 - 500000; // halves and quarters
        CHECKF(same(gm_round(x), round(x)), "round(%a) = %a\n", x, gm_round(x));
        CHECKF(same(gm_round_even(x), nearbyint(x)), "round_even(%a) = %a\n", x,
               gm_round_even(x));
        CHECKF(same(gm_floor(x), floor(x)), "floor(%a) = %a\n", x, gm_floor(x));
        CHECKF(same(gm_ceil(x), ceil(x)), "ceil(%a) = %a\n", x, gm_ceil(x));
        CHECKF(same(gm_trunc(x), trunc(x)), "trunc(%a) = %a\n", x, gm_trunc(x));
    }
}

static void test_frexp_ldexp(void) {
    for (int i = 0; i < 1000000 && !unit_failed; i++) {
        double x = any_double();
        int e;
        int64_t ge;
        double f = frexp(x, &e), gf = gm_frexp(x, &ge);
        CHECKF(same(f, gf) && (isnan(x) || isinf(x) || e == ge), "frexp(%a)\n", x);
        int64_t k = (int64_t)(next() % 4400) - 2200;
        CHECKF(same(gm_ldexp(x, k), ldexp(x, (int)k)), "ldexp(%a, %lld) = %a, want %a\n", x,
               (long long)k, gm_ldexp(x, k), ldexp(x, (int)k));
    }
}

int main(void) {
    test_fma();
    test_round();
    test_frexp_ldexp();
    return unit_summary("fpmath");
}
