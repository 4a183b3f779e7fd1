// Arbitrary-precision integers (see bigint.h): schoolbook multiplication and Knuth's
// algorithm D for division, which is plenty for constant folding where operands rarely pass
// a few hundred bits. Magnitude helpers (mag_*) work on raw limb arrays; the bi_* functions
// wrap them with signs, allocation and normalisation.
#include "bigint.h"

#include "common.h"

#define LIMB_BITS 32

static BigInt *bi_alloc(int64_t n) {
    if (n > INT32_MAX / 4)
        gol_fatal_internal("constant too large (%lld limbs)", (long long)n);
    BigInt *b = gc_alloc_atomic(sizeof(BigInt) + (size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    b->n = (int32_t)n;
    return b;
}

// Drop leading zero limbs; zero is never negative.
static BigInt *bi_norm(BigInt *b) {
    while (b->n > 0 && b->d[b->n - 1] == 0)
        b->n--;
    if (b->n == 0)
        b->neg = 0;
    return b;
}

static BigInt *bi_copy(const BigInt *a, int neg) {
    BigInt *b = bi_alloc(a->n);
    memcpy(b->d, a->d, (size_t)a->n * sizeof(uint32_t));
    b->neg = a->n ? neg : 0;
    return b;
}

BigInt *bi_from_u64(uint64_t v) {
    BigInt *b = bi_alloc(2);
    b->d[0] = (uint32_t)v;
    b->d[1] = (uint32_t)(v >> 32);
    return bi_norm(b);
}

BigInt *bi_from_i64(int64_t v) {
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    BigInt *b = bi_from_u64(m);
    b->neg = v < 0;
    return b;
}

// ---- magnitude helpers ----

static int mag_cmp(const uint32_t *a, int an, const uint32_t *b, int bn) {
    if (an != bn)
        return an < bn ? -1 : 1;
    for (int i = an - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

// r = a + b, r has room for max(an, bn) + 1 limbs.
static void mag_add(uint32_t *r, const uint32_t *a, int an, const uint32_t *b, int bn) {
    if (an < bn) {
        const uint32_t *t = a;
        a = b, b = t;
        int tn = an;
        an = bn, bn = tn;
    }
    uint64_t carry = 0;
    for (int i = 0; i < an; i++) {
        uint64_t s = (uint64_t)a[i] + (i < bn ? b[i] : 0) + carry;
        r[i] = (uint32_t)s;
        carry = s >> 32;
    }
    r[an] = (uint32_t)carry;
}

// r = a - b where |a| >= |b|; r has room for an limbs.
static void mag_sub(uint32_t *r, const uint32_t *a, int an, const uint32_t *b, int bn) {
    uint64_t borrow = 0;
    for (int i = 0; i < an; i++) {
        uint64_t bi = (i < bn ? b[i] : 0) + borrow;
        borrow = a[i] < bi;
        r[i] = (uint32_t)((uint64_t)a[i] - bi);
    }
}

// r (an + bn limbs, zeroed) = a * b.
static void mag_mul(uint32_t *r, const uint32_t *a, int an, const uint32_t *b, int bn) {
    for (int i = 0; i < an; i++) {
        uint64_t carry = 0, ai = a[i];
        if (ai == 0)
            continue;
        for (int j = 0; j < bn; j++) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        r[i + bn] = (uint32_t)carry;
    }
}

// q = a / d (q may alias a), returns the remainder.
static uint32_t mag_divmod_small(uint32_t *q, const uint32_t *a, int an, uint32_t d) {
    uint64_t rem = 0;
    for (int i = an - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a[i];
        q[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

// Knuth's algorithm D (as in Hacker's Delight divmnu): q (un-vn+1 limbs) = u / v and
// r (vn limbs) = u % v, for vn >= 2, un >= vn, v[vn-1] != 0.
static void mag_divmod(uint32_t *q, uint32_t *r, const uint32_t *u, int un, const uint32_t *v,
                       int vn) {
    const uint64_t B = 1ull << 32;
    int s = __builtin_clz(v[vn - 1]);
    uint32_t *vs = gc_alloc_atomic((size_t)vn * sizeof(uint32_t));
    uint32_t *us = gc_alloc_atomic((size_t)(un + 1) * sizeof(uint32_t));
    for (int i = vn - 1; i > 0; i--)
        vs[i] = (v[i] << s) | (s ? (uint32_t)((uint64_t)v[i - 1] >> (32 - s)) : 0);
    vs[0] = v[0] << s;
    us[un] = s ? (uint32_t)((uint64_t)u[un - 1] >> (32 - s)) : 0;
    for (int i = un - 1; i > 0; i--)
        us[i] = (u[i] << s) | (s ? (uint32_t)((uint64_t)u[i - 1] >> (32 - s)) : 0);
    us[0] = u[0] << s;

    for (int j = un - vn; j >= 0; j--) {
        uint64_t num = ((uint64_t)us[j + vn] << 32) | us[j + vn - 1];
        uint64_t qhat = num / vs[vn - 1], rhat = num % vs[vn - 1];
        while (qhat >= B || qhat * vs[vn - 2] > ((rhat << 32) | us[j + vn - 2])) {
            qhat--;
            rhat += vs[vn - 1];
            if (rhat >= B)
                break;
        }
        int64_t k = 0, t;
        for (int i = 0; i < vn; i++) {
            uint64_t p = qhat * vs[i];
            t = (int64_t)us[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            us[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)us[j + vn] - k;
        us[j + vn] = (uint32_t)t;
        if (t < 0) { // qhat was one too large: add v back
            qhat--;
            uint64_t c = 0;
            for (int i = 0; i < vn; i++) {
                uint64_t sum = (uint64_t)us[i + j] + vs[i] + c;
                us[i + j] = (uint32_t)sum;
                c = sum >> 32;
            }
            us[j + vn] += (uint32_t)c;
        }
        q[j] = (uint32_t)qhat;
    }
    for (int i = 0; i < vn; i++)
        r[i] = (us[i] >> s) | (s ? (uint32_t)((uint64_t)us[i + 1] << (32 - s)) : 0);
}

// ---- queries ----

int bi_sign(const BigInt *a) {
    return a->n == 0 ? 0 : a->neg ? -1 : 1;
}

bool bi_is_zero(const BigInt *a) {
    return a->n == 0;
}

bool bi_is_one(const BigInt *a) {
    return a->n == 1 && a->d[0] == 1 && !a->neg;
}

static uint64_t mag_low64(const BigInt *a) {
    uint64_t m = a->n > 0 ? a->d[0] : 0;
    if (a->n > 1)
        m |= (uint64_t)a->d[1] << 32;
    return m;
}

bool bi_fits_u64(const BigInt *a) {
    return !a->neg && a->n <= 2;
}

bool bi_fits_i64(const BigInt *a) {
    if (a->n > 2)
        return false;
    uint64_t m = mag_low64(a);
    return a->neg ? m <= (uint64_t)1 << 63 : m < (uint64_t)1 << 63;
}

uint64_t bi_to_u64(const BigInt *a) {
    uint64_t m = mag_low64(a);
    return a->neg ? 0 - m : m;
}

int64_t bi_to_i64(const BigInt *a) {
    uint64_t u = bi_to_u64(a);
    int64_t v;
    memcpy(&v, &u, sizeof v);
    return v;
}

int64_t bi_bitlen(const BigInt *a) {
    if (a->n == 0)
        return 0;
    return (int64_t)(a->n - 1) * LIMB_BITS + (LIMB_BITS - __builtin_clz(a->d[a->n - 1]));
}

int64_t bi_trailing_zeros(const BigInt *a) {
    for (int i = 0; i < a->n; i++)
        if (a->d[i])
            return (int64_t)i * LIMB_BITS + __builtin_ctz(a->d[i]);
    return 0;
}

int bi_cmp_abs(const BigInt *a, const BigInt *b) {
    return mag_cmp(a->d, a->n, b->d, b->n);
}

int bi_cmp(const BigInt *a, const BigInt *b) {
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = bi_cmp_abs(a, b);
    return a->neg ? -c : c;
}

// ---- arithmetic ----

BigInt *bi_neg(const BigInt *a) {
    return bi_copy(a, !a->neg);
}

BigInt *bi_abs(const BigInt *a) {
    return a->neg ? bi_copy(a, 0) : (BigInt *)a;
}

// |a| + |b| or |a| - |b| with the result's sign decided by [neg_a] (the sign to give a).
static BigInt *add_signed(const BigInt *a, int neg_a, const BigInt *b, int neg_b) {
    int n = a->n > b->n ? a->n : b->n;
    BigInt *r = bi_alloc(n + 1);
    if (neg_a == neg_b) {
        mag_add(r->d, a->d, a->n, b->d, b->n);
        r->neg = neg_a;
    } else if (bi_cmp_abs(a, b) >= 0) {
        mag_sub(r->d, a->d, a->n, b->d, b->n);
        r->neg = neg_a;
    } else {
        mag_sub(r->d, b->d, b->n, a->d, a->n);
        r->neg = neg_b;
    }
    return bi_norm(r);
}

BigInt *bi_add(const BigInt *a, const BigInt *b) {
    if (b->n == 0)
        return (BigInt *)a;
    if (a->n == 0)
        return (BigInt *)b;
    return add_signed(a, a->neg, b, b->neg);
}

BigInt *bi_sub(const BigInt *a, const BigInt *b) {
    if (b->n == 0)
        return (BigInt *)a;
    return add_signed(a, a->neg, b, !b->neg);
}

BigInt *bi_mul(const BigInt *a, const BigInt *b) {
    if (a->n == 0 || b->n == 0)
        return bi_alloc(0);
    BigInt *r = bi_alloc((int64_t)a->n + b->n);
    mag_mul(r->d, a->d, a->n, b->d, b->n);
    r->neg = a->neg != b->neg;
    return bi_norm(r);
}

void bi_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r) {
    if (b->n == 0)
        gol_fatal_internal("bi_divmod: division by zero");
    BigInt *qq, *rr;
    if (bi_cmp_abs(a, b) < 0) {
        qq = bi_alloc(0);
        rr = (BigInt *)a;
    } else if (b->n == 1) {
        qq = bi_alloc(a->n);
        rr = bi_alloc(1);
        rr->d[0] = mag_divmod_small(qq->d, a->d, a->n, b->d[0]);
    } else {
        qq = bi_alloc(a->n - b->n + 1);
        rr = bi_alloc(b->n);
        mag_divmod(qq->d, rr->d, a->d, a->n, b->d, b->n);
    }
    if (q) {
        qq->neg = a->neg != b->neg;
        *q = bi_norm(qq);
    }
    if (r) {
        if (rr != a) {
            rr->neg = a->neg;
            bi_norm(rr);
        }
        *r = rr;
    }
}

// |a| << n into a fresh value with sign [neg].
static BigInt *mag_shl(const BigInt *a, uint64_t n, int neg) {
    int64_t limbs = (int64_t)(n / LIMB_BITS);
    int bits = (int)(n % LIMB_BITS);
    BigInt *r = bi_alloc(a->n + limbs + 1);
    for (int i = 0; i < a->n; i++) {
        uint64_t v = (uint64_t)a->d[i] << bits;
        r->d[i + limbs] |= (uint32_t)v;
        r->d[i + limbs + 1] = (uint32_t)(v >> 32);
    }
    r->neg = neg;
    return bi_norm(r);
}

BigInt *bi_shl(const BigInt *a, uint64_t n) {
    if (a->n == 0 || n == 0)
        return (BigInt *)a;
    return mag_shl(a, n, a->neg);
}

BigInt *bi_shr(const BigInt *a, uint64_t n) {
    if (a->n == 0 || n == 0)
        return (BigInt *)a;
    uint64_t limbs = n / LIMB_BITS;
    int bits = (int)(n % LIMB_BITS);
    bool lost = false; // any 1 bit shifted out (for flooring negatives)
    for (uint64_t i = 0; i < limbs && i < (uint64_t)a->n; i++)
        lost |= a->d[i] != 0;
    if (limbs >= (uint64_t)a->n)
        return bi_from_i64(a->neg ? -1 : 0);
    int rn = a->n - (int)limbs;
    BigInt *r = bi_alloc(rn + 1);
    if (bits)
        lost |= (a->d[limbs] & ((1u << bits) - 1)) != 0;
    for (int i = 0; i < rn; i++) {
        uint64_t lo = a->d[i + limbs], hi = i + 1 < rn ? a->d[i + limbs + 1] : 0;
        r->d[i] = (uint32_t)(((hi << 32) | lo) >> bits);
    }
    r->neg = a->neg;
    bi_norm(r);
    // Flooring: a negative value that lost 1 bits is one further from zero.
    return a->neg && lost ? bi_sub(r, bi_from_i64(1)) : r;
}

// ---- bitwise (two's complement over [n] limbs) ----

static uint32_t *to_twos(const BigInt *a, int n) {
    uint32_t *t = gc_alloc_atomic((size_t)n * sizeof(uint32_t));
    memcpy(t, a->d, (size_t)a->n * sizeof(uint32_t));
    if (a->neg) {
        uint64_t carry = 1;
        for (int i = 0; i < n; i++) {
            uint64_t v = (uint64_t)(uint32_t)~t[i] + carry;
            t[i] = (uint32_t)v;
            carry = v >> 32;
        }
    }
    return t;
}

static BigInt *from_twos(const uint32_t *t, int n) {
    BigInt *r = bi_alloc(n);
    bool neg = n > 0 && (t[n - 1] >> 31);
    uint64_t carry = 1;
    for (int i = 0; i < n; i++) {
        if (neg) {
            uint64_t v = (uint64_t)(uint32_t)~t[i] + carry;
            r->d[i] = (uint32_t)v;
            carry = v >> 32;
        } else {
            r->d[i] = t[i];
        }
    }
    r->neg = neg;
    return bi_norm(r);
}

typedef enum { BW_AND, BW_OR, BW_XOR, BW_AND_NOT } BitOp;

static BigInt *bitwise(const BigInt *a, const BigInt *b, BitOp op) {
    int n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *x = to_twos(a, n), *y = to_twos(b, n);
    for (int i = 0; i < n; i++) {
        switch (op) {
        case BW_AND:
            x[i] &= y[i];
            break;
        case BW_OR:
            x[i] |= y[i];
            break;
        case BW_XOR:
            x[i] ^= y[i];
            break;
        case BW_AND_NOT:
            x[i] &= ~y[i];
            break;
        }
    }
    return from_twos(x, n);
}

BigInt *bi_and(const BigInt *a, const BigInt *b) {
    return bitwise(a, b, BW_AND);
}

BigInt *bi_or(const BigInt *a, const BigInt *b) {
    return bitwise(a, b, BW_OR);
}

BigInt *bi_xor(const BigInt *a, const BigInt *b) {
    return bitwise(a, b, BW_XOR);
}

BigInt *bi_and_not(const BigInt *a, const BigInt *b) {
    return bitwise(a, b, BW_AND_NOT);
}

BigInt *bi_not(const BigInt *a) {
    return bi_sub(bi_neg(a), bi_from_i64(1));
}

// ---- gcd, powers, text ----

static uint64_t gcd64(uint64_t a, uint64_t b) {
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

BigInt *bi_gcd(const BigInt *a, const BigInt *b) {
    BigInt *x = bi_abs(a), *y = bi_abs(b);
    while (y->n != 0) {
        if (x->n <= 2 && y->n <= 2)
            return bi_from_u64(gcd64(mag_low64(x), mag_low64(y)));
        BigInt *r;
        bi_divmod(x, y, NULL, &r);
        x = y;
        y = r;
    }
    return x;
}

BigInt *bi_pow(uint32_t base, uint64_t e) {
    BigInt *r = bi_from_u64(1), *b = bi_from_u64(base);
    while (e) {
        if (e & 1)
            r = bi_mul(r, b);
        e >>= 1;
        if (e)
            b = bi_mul(b, b);
    }
    return r;
}

static int digit_val(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

BigInt *bi_from_digits(const char *s, int64_t len, int base) {
    // Upper bound on limbs: each digit adds at most 4 bits.
    BigInt *r = bi_alloc(len * 4 / LIMB_BITS + 2);
    int n = 0;
    int64_t i = 0;
    while (i < len) {
        // Fold up to 7 digits into one multiply-add (16^7 < 2^32).
        uint32_t mul = 1, add = 0;
        for (int k = 0; k < 7 && i < len; k++, i++) {
            mul *= (uint32_t)base;
            add = add * (uint32_t)base + (uint32_t)digit_val(s[i]);
        }
        uint64_t carry = add;
        for (int j = 0; j < n; j++) {
            uint64_t t = (uint64_t)r->d[j] * mul + carry;
            r->d[j] = (uint32_t)t;
            carry = t >> 32;
        }
        if (carry)
            r->d[n++] = (uint32_t)carry;
    }
    r->n = n;
    return bi_norm(r);
}

char *bi_to_decimal(const BigInt *a) {
    if (a->n == 0)
        return gc_strdup("0");
    // Peel off base-10^9 chunks, least significant first.
    uint32_t *t = gc_alloc_atomic((size_t)a->n * sizeof(uint32_t));
    memcpy(t, a->d, (size_t)a->n * sizeof(uint32_t));
    int n = a->n;
    size_t cap = (size_t)a->n * 10 + 3, pos = cap - 1;
    char *buf = gc_alloc_atomic(cap);
    while (n > 0) {
        uint32_t chunk = mag_divmod_small(t, t, n, 1000000000u);
        while (n > 0 && t[n - 1] == 0)
            n--;
        for (int k = 0; k < 9 && (n > 0 || chunk); k++) {
            buf[--pos] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    if (a->neg)
        buf[--pos] = '-';
    memmove(buf, buf + pos, cap - pos);
    return buf;
}
