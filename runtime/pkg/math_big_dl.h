// The GMP and MPFR functions math/big's natives call, reached through pointers that
// big_dl_load fills with dlsym: libgmp and libmpfr are loaded when the compiler first binds
// a math/big native, so programs that do not import math/big never map them (hello's RSS).
// After math_big.h includes gmp.h and mpfr.h, each name below is a macro for its pointer,
// so the natives read as if linked. A function added to a native goes in these lists.
#ifndef GOL_PKG_MATH_BIG_DL_H
#define GOL_PKG_MATH_BIG_DL_H

#include <gmp.h>
#include <mpfr.h>

#define BIG_GMP_FNS(X) \
    X(__gmp_set_memory_functions) \
    X(__gmpq_init) \
    X(__gmpq_set_d) \
    X(__gmpz_abs) \
    X(__gmpz_add) \
    X(__gmpz_add_ui) \
    X(__gmpz_and) \
    X(__gmpz_clrbit) \
    X(__gmpz_cmp) \
    X(__gmpz_cmp_ui) \
    X(__gmpz_cmpabs) \
    X(__gmpz_cmpabs_ui) \
    X(__gmpz_com) \
    X(__gmpz_divexact) \
    X(__gmpz_export) \
    X(__gmpz_fdiv_q_2exp) \
    X(__gmpz_fits_slong_p) \
    X(__gmpz_gcd) \
    X(__gmpz_gcdext) \
    X(__gmpz_get_si) \
    X(__gmpz_get_str) \
    X(__gmpz_import) \
    X(__gmpz_init) \
    X(__gmpz_init_set) \
    X(__gmpz_init_set_ui) \
    X(__gmpz_inits) \
    X(__gmpz_invert) \
    X(__gmpz_ior) \
    X(__gmpz_jacobi) \
    X(__gmpz_mul) \
    X(__gmpz_mul_2exp) \
    X(__gmpz_mul_ui) \
    X(__gmpz_neg) \
    X(__gmpz_pow_ui) \
    X(__gmpz_powm) \
    X(__gmpz_probab_prime_p) \
    X(__gmpz_scan1) \
    X(__gmpz_set) \
    X(__gmpz_set_si) \
    X(__gmpz_set_str) \
    X(__gmpz_set_ui) \
    X(__gmpz_setbit) \
    X(__gmpz_sizeinbase) \
    X(__gmpz_sqrt) \
    X(__gmpz_sub) \
    X(__gmpz_sub_ui) \
    X(__gmpz_tdiv_q) \
    X(__gmpz_tdiv_qr) \
    X(__gmpz_tdiv_r) \
    X(__gmpz_tstbit) \
    X(__gmpz_ui_pow_ui) \
    X(__gmpz_xor) \

#define BIG_MPFR_FNS(X) \
    X(mpfr_add) \
    X(mpfr_cmp3) \
    X(mpfr_cmp_d) \
    X(mpfr_cmp_z) \
    X(mpfr_div) \
    X(mpfr_div_2ui) \
    X(mpfr_get_d) \
    X(mpfr_get_emax) \
    X(mpfr_get_emin) \
    X(mpfr_get_flt) \
    X(mpfr_get_z) \
    X(mpfr_get_z_2exp) \
    X(mpfr_init2) \
    X(mpfr_inits2) \
    X(mpfr_integer_p) \
    X(mpfr_min_prec) \
    X(mpfr_mul) \
    X(mpfr_mul_2si) \
    X(mpfr_neg) \
    X(mpfr_prec_round) \
    X(mpfr_round_nearest_away_begin) \
    X(mpfr_round_nearest_away_end) \
    X(mpfr_set4) \
    X(mpfr_set_d) \
    X(mpfr_set_emax) \
    X(mpfr_set_emin) \
    X(mpfr_set_erangeflag) \
    X(mpfr_set_exp) \
    X(mpfr_set_inf) \
    X(mpfr_set_prec) \
    X(mpfr_set_q) \
    X(mpfr_set_si_2exp) \
    X(mpfr_set_ui_2exp) \
    X(mpfr_set_z) \
    X(mpfr_set_z_2exp) \
    X(mpfr_set_zero) \
    X(mpfr_sub) \
    X(mpfr_subnormalize) \
    X(mpfr_ui_sub) \

typedef struct BigFns {
#define BIG_FN_FIELD(name) __typeof__(name) *name;
    BIG_GMP_FNS(BIG_FN_FIELD)
    BIG_MPFR_FNS(BIG_FN_FIELD)
} BigFns;

// The loaded functions (written once by big_dl_load, read after).
extern BigFns big_fns;

// Load libgmp and libmpfr and fill big_fns (once; later calls return at once). A library
// that cannot be loaded is a fatal error: the program imports math/big.
void big_dl_load(void);

#ifndef BIG_DL_LOADER
#define __gmp_set_memory_functions (*big_fns.__gmp_set_memory_functions)
#define __gmpq_init (*big_fns.__gmpq_init)
#define __gmpq_set_d (*big_fns.__gmpq_set_d)
#define __gmpz_abs (*big_fns.__gmpz_abs)
#define __gmpz_add (*big_fns.__gmpz_add)
#define __gmpz_add_ui (*big_fns.__gmpz_add_ui)
#define __gmpz_and (*big_fns.__gmpz_and)
#define __gmpz_clrbit (*big_fns.__gmpz_clrbit)
#define __gmpz_cmp (*big_fns.__gmpz_cmp)
#define __gmpz_cmp_ui (*big_fns.__gmpz_cmp_ui)
#define __gmpz_cmpabs (*big_fns.__gmpz_cmpabs)
#define __gmpz_cmpabs_ui (*big_fns.__gmpz_cmpabs_ui)
#define __gmpz_com (*big_fns.__gmpz_com)
#define __gmpz_divexact (*big_fns.__gmpz_divexact)
#define __gmpz_export (*big_fns.__gmpz_export)
#define __gmpz_fdiv_q_2exp (*big_fns.__gmpz_fdiv_q_2exp)
#define __gmpz_fits_slong_p (*big_fns.__gmpz_fits_slong_p)
#define __gmpz_gcd (*big_fns.__gmpz_gcd)
#define __gmpz_gcdext (*big_fns.__gmpz_gcdext)
#define __gmpz_get_si (*big_fns.__gmpz_get_si)
#define __gmpz_get_str (*big_fns.__gmpz_get_str)
#define __gmpz_import (*big_fns.__gmpz_import)
#define __gmpz_init (*big_fns.__gmpz_init)
#define __gmpz_init_set (*big_fns.__gmpz_init_set)
#define __gmpz_init_set_ui (*big_fns.__gmpz_init_set_ui)
#define __gmpz_inits (*big_fns.__gmpz_inits)
#define __gmpz_invert (*big_fns.__gmpz_invert)
#define __gmpz_ior (*big_fns.__gmpz_ior)
#define __gmpz_jacobi (*big_fns.__gmpz_jacobi)
#define __gmpz_mul (*big_fns.__gmpz_mul)
#define __gmpz_mul_2exp (*big_fns.__gmpz_mul_2exp)
#define __gmpz_mul_ui (*big_fns.__gmpz_mul_ui)
#define __gmpz_neg (*big_fns.__gmpz_neg)
#define __gmpz_pow_ui (*big_fns.__gmpz_pow_ui)
#define __gmpz_powm (*big_fns.__gmpz_powm)
#define __gmpz_probab_prime_p (*big_fns.__gmpz_probab_prime_p)
#define __gmpz_scan1 (*big_fns.__gmpz_scan1)
#define __gmpz_set (*big_fns.__gmpz_set)
#define __gmpz_set_si (*big_fns.__gmpz_set_si)
#define __gmpz_set_str (*big_fns.__gmpz_set_str)
#define __gmpz_set_ui (*big_fns.__gmpz_set_ui)
#define __gmpz_setbit (*big_fns.__gmpz_setbit)
#define __gmpz_sizeinbase (*big_fns.__gmpz_sizeinbase)
#define __gmpz_sqrt (*big_fns.__gmpz_sqrt)
#define __gmpz_sub (*big_fns.__gmpz_sub)
#define __gmpz_sub_ui (*big_fns.__gmpz_sub_ui)
#define __gmpz_tdiv_q (*big_fns.__gmpz_tdiv_q)
#define __gmpz_tdiv_qr (*big_fns.__gmpz_tdiv_qr)
#define __gmpz_tdiv_r (*big_fns.__gmpz_tdiv_r)
#define __gmpz_tstbit (*big_fns.__gmpz_tstbit)
#define __gmpz_ui_pow_ui (*big_fns.__gmpz_ui_pow_ui)
#define __gmpz_xor (*big_fns.__gmpz_xor)
#define mpfr_add (*big_fns.mpfr_add)
#define mpfr_cmp3 (*big_fns.mpfr_cmp3)
#define mpfr_cmp_d (*big_fns.mpfr_cmp_d)
#define mpfr_cmp_z (*big_fns.mpfr_cmp_z)
#define mpfr_div (*big_fns.mpfr_div)
#define mpfr_div_2ui (*big_fns.mpfr_div_2ui)
#define mpfr_get_d (*big_fns.mpfr_get_d)
#define mpfr_get_emax (*big_fns.mpfr_get_emax)
#define mpfr_get_emin (*big_fns.mpfr_get_emin)
#define mpfr_get_flt (*big_fns.mpfr_get_flt)
#define mpfr_get_z (*big_fns.mpfr_get_z)
#define mpfr_get_z_2exp (*big_fns.mpfr_get_z_2exp)
#define mpfr_init2 (*big_fns.mpfr_init2)
#define mpfr_inits2 (*big_fns.mpfr_inits2)
#define mpfr_integer_p (*big_fns.mpfr_integer_p)
#define mpfr_min_prec (*big_fns.mpfr_min_prec)
#define mpfr_mul (*big_fns.mpfr_mul)
#define mpfr_mul_2si (*big_fns.mpfr_mul_2si)
#define mpfr_neg (*big_fns.mpfr_neg)
#define mpfr_prec_round (*big_fns.mpfr_prec_round)
#define mpfr_round_nearest_away_begin (*big_fns.mpfr_round_nearest_away_begin)
#define mpfr_round_nearest_away_end (*big_fns.mpfr_round_nearest_away_end)
#define mpfr_set4 (*big_fns.mpfr_set4)
#define mpfr_set_d (*big_fns.mpfr_set_d)
#define mpfr_set_emax (*big_fns.mpfr_set_emax)
#define mpfr_set_emin (*big_fns.mpfr_set_emin)
#define mpfr_set_erangeflag (*big_fns.mpfr_set_erangeflag)
#define mpfr_set_exp (*big_fns.mpfr_set_exp)
#define mpfr_set_inf (*big_fns.mpfr_set_inf)
#define mpfr_set_prec (*big_fns.mpfr_set_prec)
#define mpfr_set_q (*big_fns.mpfr_set_q)
#define mpfr_set_si_2exp (*big_fns.mpfr_set_si_2exp)
#define mpfr_set_ui_2exp (*big_fns.mpfr_set_ui_2exp)
#define mpfr_set_z (*big_fns.mpfr_set_z)
#define mpfr_set_z_2exp (*big_fns.mpfr_set_z_2exp)
#define mpfr_set_zero (*big_fns.mpfr_set_zero)
#define mpfr_sub (*big_fns.mpfr_sub)
#define mpfr_subnormalize (*big_fns.mpfr_subnormalize)
#define mpfr_ui_sub (*big_fns.mpfr_ui_sub)
#endif

#endif
