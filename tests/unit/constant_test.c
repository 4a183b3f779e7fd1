// Unit tests for exact constant arithmetic (src/constant*.c, src/bigint.c): spec examples,
// literal parsing, representability boundaries, float rounding (checked against strtod),
// message formatting (checked against go1.19/go1.22 output) and randomized bigint identities.
// By hand (gc.c must not see -Iruntime, whose gc.h would shadow libgc's; str_new is only
// referenced by buf_to_gostr, so a stub is enough until runtime/str.c links):
//   gcc -std=c11 -O1 -g -D_GNU_SOURCE -pthread -Isrc -Iruntime tests/unit/constant_test.c
//     src/constant*.c src/bigint.c src/util.c runtime/{quote,buf,isprint,utf8,numfmt,ryu}.c
//     gc.o str_stub.o -lgc -lm
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bigint.h"
#include "constant.h"
#include "harness.h"
#include "types.h"

// ---- helpers ----

static ConstVal *lit(ExprKind k, const char *s) {
    const char *err = NULL;
    ConstVal *v = cv_from_literal(k, s, &err);
    if (!v) {
        fprintf(stderr, "literal %s failed: %s\n", s, err ? err : "?");
        return cv_int(0);
    }
    return v;
}

static ConstVal *I(const char *s) {
    return lit(E_INTLIT, s);
}

// A float literal, with an optional leading '-' applied as unary minus.
static ConstVal *F(const char *s) {
    if (s[0] == '-')
        return cv_unary(OP_SUB, lit(E_FLOATLIT, s + 1), 0);
    return lit(E_FLOATLIT, s);
}

static ConstVal *bin(Op op, ConstVal *a, ConstVal *b) {
    return cv_binary(op, a, b, false);
}

static ConstVal *idiv(Op op, ConstVal *a, ConstVal *b) {
    return cv_binary(op, a, b, true);
}

static const char *repr(ConstVal *a) {
    return a ? cv_string_repr(a) : "(null)";
}

static bool eq(ConstVal *a, ConstVal *b) {
    return a && b && cv_compare(OP_EQL, a, b);
}

static bool rep(ConstVal *a, Kind k) {
    return cv_representable(a, k, NULL);
}

// ---- spec examples and arithmetic ----

static void test_spec_examples(void) {
    ConstVal *huge = cv_shift(OP_SHL, cv_int(1), 100);
    CHECK_STR(repr(huge), "1267650600228229401496703205376");
    ConstVal *four = cv_shift(OP_SHR, huge, 98);
    CHECK(four->small && four->i == 4);
    // 1.0/3*3 == 1 exactly
    ConstVal *third = bin(OP_QUO, F("1.0"), I("3"));
    CHECK(third->kind == CV_FLOAT);
    CHECK_STR(repr(third), "0.333333");
    ConstVal *one = bin(OP_MUL, third, I("3"));
    CHECK(eq(one, cv_int(1)));
    CHECK(cv_is_integral(one));
    CHECK_STR(repr(one), "1");
    // 'a' + 1
    ConstVal *b = bin(OP_ADD, lit(E_RUNELIT, "'a'"), I("1"));
    CHECK(b->small && b->i == 98);
    // const Huge = 1 << 100; const Four int8 = Huge >> 98
    CHECK(rep(four, K_INT8));
    // 3.14 / 0.5 and 10 / 4 vs 10 / 4.0
    CHECK_STR(repr(idiv(OP_QUO, I("10"), I("4"))), "2");
    CHECK_STR(repr(bin(OP_QUO, I("10"), F("4.0"))), "2.5");
    CHECK_STR(repr(bin(OP_QUO, F("3.14"), F("0.5"))), "6.28");
    // Big / (1 << 97) == 8
    ConstVal *c = idiv(OP_QUO, huge, cv_shift(OP_SHL, cv_int(1), 97));
    CHECK(c->small && c->i == 8);
    // math.MaxUint64 and friends
    ConstVal *maxu = bin(OP_SUB, cv_shift(OP_SHL, cv_int(1), 64), cv_int(1));
    CHECK_STR(repr(maxu), "18446744073709551615");
    CHECK(rep(maxu, K_UINT64) && rep(maxu, K_UINT) && !rep(maxu, K_INT64));
    CHECK(cv_uint64(maxu) == UINT64_MAX);
}

static void test_int_arith(void) {
    CHECK(idiv(OP_QUO, cv_int(7), cv_int(2))->i == 3);
    CHECK(idiv(OP_QUO, cv_int(-7), cv_int(2))->i == -3);
    CHECK(idiv(OP_QUO, cv_int(7), cv_int(-2))->i == -3);
    CHECK(idiv(OP_REM, cv_int(-7), cv_int(2))->i == -1);
    CHECK(idiv(OP_REM, cv_int(7), cv_int(-2))->i == 1);
    CHECK(idiv(OP_REM, cv_int(INT64_MIN), cv_int(-1))->i == 0);
    CHECK_STR(repr(idiv(OP_QUO, cv_int(INT64_MIN), cv_int(-1))), "9223372036854775808");
    CHECK(idiv(OP_QUO, cv_int(1), cv_int(0)) == NULL);
    CHECK(idiv(OP_REM, cv_int(1), cv_int(0)) == NULL);
    CHECK(bin(OP_QUO, F("1.0"), cv_int(0)) == NULL);
    CHECK(bin(OP_QUO, cv_int(1), F("0.0")) == NULL);
    CHECK_STR(repr(bin(OP_QUO, cv_int(7), cv_int(2))), "3.5"); // untyped 7 / 2.0-like
    CHECK_STR(repr(bin(OP_ADD, cv_int(INT64_MAX), cv_int(1))), "9223372036854775808");
    CHECK_STR(repr(bin(OP_SUB, cv_int(INT64_MIN), cv_int(1))), "-9223372036854775809");
    CHECK_STR(repr(bin(OP_MUL, cv_int(INT64_MAX), cv_int(INT64_MAX))),
              "85070591730234615847396907784232501249");
    ConstVal *t = bin(OP_SUB, bin(OP_ADD, cv_int(INT64_MAX), cv_int(10)), cv_int(10));
    CHECK(t->small && t->i == INT64_MAX); // back in the fast path
    // Bitwise with Go's two's-complement semantics.
    CHECK(bin(OP_AND, cv_int(-5), cv_int(3))->i == 3);
    CHECK(bin(OP_OR, cv_int(-5), cv_int(3))->i == -5);
    CHECK(bin(OP_XOR, cv_int(-5), cv_int(3))->i == -8);
    CHECK(bin(OP_AND_NOT, cv_int(5), cv_int(3))->i == 4);
    ConstVal *h = cv_shift(OP_SHL, cv_int(1), 100);
    ConstVal *mh = cv_unary(OP_SUB, h, 0);
    CHECK_STR(repr(bin(OP_AND, mh, bin(OP_SUB, h, cv_int(1)))), "0");
    CHECK_STR(repr(bin(OP_AND, cv_unary(OP_SUB, cv_int(1), 0), h)),
              "1267650600228229401496703205376");
    CHECK_STR(repr(bin(OP_OR, mh, cv_int(5))), "-1267650600228229401496703205371");
    CHECK_STR(repr(bin(OP_XOR, mh, cv_int(-1))), "1267650600228229401496703205375");
    CHECK_STR(repr(bin(OP_AND_NOT, bin(OP_SUB, h, cv_int(1)), cv_int(0xFF))),
              "1267650600228229401496703205120");
    // Mixed int/float gives float.
    ConstVal *m = bin(OP_ADD, cv_int(1), F("0.5"));
    CHECK(m->kind == CV_FLOAT);
    CHECK_STR(repr(m), "1.5");
    CHECK(bin(OP_ADD, cv_int(1), F("1.0"))->kind == CV_FLOAT);
    // Integer division of integral floats (typed int constants stored as floats).
    ConstVal *q = idiv(OP_QUO, F("7.0"), F("2.0"));
    CHECK(q && q->kind == CV_INT && q->i == 3);
    CHECK(idiv(OP_REM, F("7.5"), cv_int(2)) == NULL);
    // Strings and bools.
    ConstVal *s = bin(OP_ADD, cv_string("ab", 2), cv_string("c\0d", 3));
    CHECK(s->slen == 5 && memcmp(cv_str(s), "abc\0d", 5) == 0);
    CHECK(bin(OP_LAND, cv_bool(true), cv_bool(false))->b == false);
    CHECK(bin(OP_LOR, cv_bool(true), cv_bool(false))->b == true);
}

static void test_unary_shift(void) {
    CHECK(cv_unary(OP_XOR, cv_int(5), 0)->i == -6);
    CHECK(cv_unary(OP_XOR, cv_int(-1), 0)->i == 0);
    CHECK(cv_unary(OP_XOR, cv_int(5), 8)->i == 250);
    CHECK(cv_unary(OP_XOR, cv_int(0), 32)->i == 4294967295);
    CHECK_STR(repr(cv_unary(OP_XOR, cv_int(0), 64)), "18446744073709551615");
    CHECK_STR(repr(cv_unary(OP_XOR, cv_uint(UINT64_MAX), 64)), "0");
    CHECK_STR(repr(cv_unary(OP_XOR, cv_shift(OP_SHL, cv_int(1), 100), 0)),
              "-1267650600228229401496703205377");
    CHECK_STR(repr(cv_unary(OP_SUB, cv_int(INT64_MIN), 0)), "9223372036854775808");
    CHECK_STR(repr(cv_unary(OP_SUB, F("2.5"), 0)), "-2.5");
    CHECK(cv_unary(OP_NOT, cv_bool(false), 0)->b);
    CHECK(cv_unary(OP_ADD, cv_int(3), 0)->i == 3);
    // Shifts: arithmetic right shift floors.
    CHECK(cv_shift(OP_SHR, cv_int(-1), 1)->i == -1);
    CHECK(cv_shift(OP_SHR, cv_int(-5), 1)->i == -3);
    CHECK(cv_shift(OP_SHR, cv_int(-5), 100)->i == -1);
    CHECK(cv_shift(OP_SHR, cv_int(5), 100)->i == 0);
    CHECK(cv_shift(OP_SHL, cv_int(-3), 2)->i == -12);
    ConstVal *h = cv_shift(OP_SHL, cv_int(1), 100);
    CHECK(cv_shift(OP_SHR, cv_unary(OP_SUB, h, 0), 99)->i == -2);
    CHECK(cv_shift(OP_SHR, bin(OP_SUB, cv_unary(OP_SUB, h, 0), cv_int(1)), 99)->i == -3);
    CHECK(cv_shift(OP_SHR, bin(OP_SUB, cv_unary(OP_SUB, h, 0), cv_int(1)), 1000)->i == -1);
    CHECK(cv_shift(OP_SHR, h, 100)->i == 1);
    CHECK(cv_shift(OP_SHR, h, 101)->i == 0);
    CHECK(cv_shift(OP_SHL, cv_int(1), 62)->i == (int64_t)1 << 62);
    CHECK_STR(repr(cv_shift(OP_SHL, cv_int(1), 63)), "9223372036854775808");
    CHECK_STR(repr(cv_shift(OP_SHL, cv_int(-1), 63)), "-9223372036854775808");
    CHECK(cv_shift(OP_SHL, cv_int(-1), 63)->small);
    CHECK(cv_shift(OP_SHL, cv_int(1), 10001) == NULL);
    CHECK(cv_shift(OP_SHL, cv_int(1), 10000) != NULL);
    CHECK(cv_shift(OP_SHL, F("1.0"), 3)->i == 8); // untyped float 1.0 << 3
    CHECK(cv_shift(OP_SHL, F("1.5"), 3) == NULL); // not an integer
}

static void test_compare(void) {
    CHECK(cv_compare(OP_LSS, cv_string("abc", 3), cv_string("abd", 3)));
    CHECK(cv_compare(OP_LSS, cv_string("ab", 2), cv_string("abc", 3)));
    CHECK(cv_compare(OP_GTR, cv_string("\xff", 1), cv_string("a", 1))); // bytewise, unsigned
    CHECK(cv_compare(OP_EQL, cv_string("a\0b", 3), cv_string("a\0b", 3)));
    CHECK(!cv_compare(OP_EQL, cv_string("a\0b", 3), cv_string("a\0c", 3)));
    CHECK(cv_compare(OP_NEQ, cv_bool(true), cv_bool(false)));
    CHECK(cv_compare(OP_EQL, cv_bool(true), cv_bool(true)));
    CHECK(cv_compare(OP_GTR, F("1.5"), cv_int(1)));
    CHECK(cv_compare(OP_LSS, F("-1.5"), cv_int(-1)));
    CHECK(cv_compare(OP_LEQ, F("2.0"), cv_int(2)) && cv_compare(OP_GEQ, F("2.0"), cv_int(2)));
    ConstVal *h = cv_shift(OP_SHL, cv_int(1), 100);
    CHECK(cv_compare(OP_LSS, cv_unary(OP_SUB, h, 0), cv_int(INT64_MIN)));
    CHECK(cv_compare(OP_GTR, h, F("1e30")));
    CHECK(cv_compare(OP_LSS, h, F("1.3e30")));
    CHECK(cv_compare(OP_LSS, F("0.1"), F("0.10000000000000001")));
    CHECK(cv_compare(OP_EQL, F("0.1"), bin(OP_QUO, cv_int(1), cv_int(10))));
    CHECK(cv_sign(F("-0.0")) == 0 && cv_sign(F("-1e-400")) == -1);
}

// ---- literals ----

static void test_int_literals(void) {
    CHECK(I("0")->i == 0);
    CHECK(I("42")->i == 42);
    CHECK(I("0x_1F")->i == 31);
    CHECK(I("0XfF")->i == 255);
    CHECK(I("0o17")->i == 15);
    CHECK(I("0O17")->i == 15);
    CHECK(I("0b1010")->i == 10);
    CHECK(I("0777")->i == 511);
    CHECK(I("0_777")->i == 511);
    CHECK(I("00")->i == 0);
    CHECK(I("1_000_000")->i == 1000000);
    CHECK(I("9223372036854775807")->i == INT64_MAX);
    CHECK_STR(repr(I("9223372036854775808")), "9223372036854775808");
    CHECK(!I("9223372036854775808")->small);
    CHECK_STR(repr(I("18446744073709551616")), "18446744073709551616");
    CHECK_STR(repr(I("0x1_0000_0000_0000_0000_0000_0000")), "79228162514264337593543950336");
    CHECK_STR(repr(I("170141183460469231731687303715884105727")),
              "170141183460469231731687303715884105727");
    const char *err = NULL;
    CHECK(cv_from_literal(E_INTLIT, "08", &err) == NULL);
    CHECK_STR(err, "invalid digit '8' in octal literal");
    CHECK(cv_from_literal(E_INTLIT, "0b102", &err) == NULL);
    CHECK_STR(err, "invalid digit '2' in binary literal");
    CHECK(cv_from_literal(E_INTLIT, "0x", &err) == NULL);
    CHECK_STR(err, "hexadecimal literal has no digits");
    ConstVal *im = cv_from_literal(E_IMAGLIT, "2.5i", &err);
    CHECK(im && im->kind == CV_COMPLEX && cv_sign(im->re) == 0);
    CHECK(im && cv_compare(OP_EQL, im->im, F("2.5")));
    CHECK(cv_from_literal(E_IMAGLIT, "0x1p-2i", &err) != NULL);
}

static void test_float_literals(void) {
    CHECK(F("1.5")->kind == CV_FLOAT);
    CHECK(F("2.0")->kind == CV_FLOAT && cv_is_integral(F("2.0")));
    CHECK(eq(F(".5"), bin(OP_QUO, cv_int(1), cv_int(2))));
    CHECK(eq(F("1."), cv_int(1)));
    CHECK(eq(F("1e-2"), bin(OP_QUO, cv_int(1), cv_int(100))));
    CHECK(eq(F("1E6"), cv_int(1000000)));
    CHECK(eq(F("1e+6"), cv_int(1000000)));
    CHECK(eq(F("0x1p-2"), F("0.25")));
    CHECK(eq(F("0x1.8p1"), cv_int(3)));
    CHECK(eq(F("0x.8p1"), cv_int(1)));
    CHECK(eq(F("0X_1FFFP-16"), F("0.1249847412109375")));
    CHECK(eq(F("0x1P+2"), cv_int(4)));
    CHECK(eq(F("0xe.8p0"), F("14.5"))); // 'e' is a hex digit here, not an exponent
    CHECK(eq(F("1_000.000_1"), F("1000.0001")));
    CHECK(eq(F("09.5"), F("9.5")));
    CHECK(eq(F("0e100"), cv_int(0)));
    CHECK(eq(F("0.0e-99999999999"), cv_int(0)));
    CHECK(eq(F("123.456e2"), F("12345.6")));
    CHECK(eq(F("1e100"), cv_shift(OP_SHL, cv_int(0), 0)) == false);
    ConstVal *googol = bin(OP_MUL, cv_int(1), F("1e100"));
    CHECK(cv_is_integral(googol));
    ConstVal *g = cv_to_int(googol);
    CHECK(g && g->kind == CV_INT);
    CHECK_STR(repr(g), "10000000000000000000000000000000000000000000000000000000000000000000000000"
                       "000000000000000000000000000");
    CHECK(cv_float64(F("1e100")) == 1e100);
    CHECK(cv_float64(F("1e-400")) == 0);
    CHECK(eq(bin(OP_QUO, F("1e1000"), F("1e999")), cv_int(10)));
    CHECK(eq(bin(OP_MUL, F("1e-5000"), F("1e5000")), cv_int(1)));
    CHECK(cv_float64(F("1e100000")) == INFINITY);
    const char *err = NULL;
    CHECK(cv_from_literal(E_FLOATLIT, "1e99999999999", &err) == NULL);
    CHECK_STR(err, "malformed constant: 1e99999999999");
    CHECK(cv_from_literal(E_FLOATLIT, "0x1p99999999999", &err) == NULL);
    CHECK(cv_from_literal(E_FLOATLIT, "1e", &err) == NULL);
    CHECK_STR(err, "exponent has no digits");
    CHECK(cv_from_literal(E_FLOATLIT, "0x1.8", &err) == NULL);
    CHECK_STR(err, "hexadecimal mantissa requires a 'p' exponent");
}

static void test_rune_literals(void) {
    static const struct {
        const char *lit;
        int64_t val;
    } cases[] = {
        {"'a'", 97},
        {"'\\n'", 10},
        {"'\\a'", 7},
        {"'\\b'", 8},
        {"'\\f'", 12},
        {"'\\r'", 13},
        {"'\\t'", 9},
        {"'\\v'", 11},
        {"'\\\\'", 92},
        {"'\\''", 39},
        {"'\"'", 34},
        {"'\\x41'", 65},
        {"'\\xff'", 255},
        {"'\\101'", 65},
        {"'\\377'", 255},
        {"'\\000'", 0},
        {"'\\u00e9'", 233},
        {"'\\u12E4'", 4836},
        {"'\\U0001F600'", 0x1F600},
        {"'\xc3\xa9'", 233},
        {"'\xe4\xb8\x96'", 0x4E16},
        {"'\xf0\x9f\x98\x80'", 0x1F600},
        {"'\\U0010FFFF'", 0x10FFFF},
        {"'\xff'", 0xFFFD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ConstVal *v = lit(E_RUNELIT, cases[i].lit);
        if (!(v->kind == CV_INT && v->i == cases[i].val))
            fprintf(stderr, "rune %s -> %lld\n", cases[i].lit, (long long)v->i);
        CHECK(v->kind == CV_INT && v->i == cases[i].val);
    }
    const char *err = NULL;
    CHECK(cv_from_literal(E_RUNELIT, "'ab'", &err) == NULL);
    CHECK_STR(err, "more than one character in rune literal");
    CHECK(cv_from_literal(E_RUNELIT, "''", &err) == NULL);
    CHECK(cv_from_literal(E_RUNELIT, "'\\q'", &err) == NULL);
    CHECK_STR(err, "unknown escape");
    CHECK(cv_from_literal(E_RUNELIT, "'\\\"'", &err) == NULL); // \" is not a rune escape
    CHECK(cv_from_literal(E_RUNELIT, "'\\400'", &err) == NULL);
    CHECK_STR(err, "octal escape value 256 > 255");
    CHECK(cv_from_literal(E_RUNELIT, "'\\uD800'", &err) == NULL);
    CHECK_STR(err, "escape is invalid Unicode code point U+D800");
    CHECK(cv_from_literal(E_RUNELIT, "'\\x4'", &err) == NULL);
}

static bool str_is(ConstVal *v, const char *bytes, int64_t n) {
    return v->kind == CV_STRING && v->slen == n && memcmp(cv_str(v), bytes, (size_t)n) == 0;
}

static void test_string_literals(void) {
    CHECK(str_is(lit(E_STRINGLIT, "\"\""), "", 0));
    CHECK(str_is(lit(E_STRINGLIT, "\"a\\tb\""), "a\tb", 3));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\""), "\a\b\f\n\r\t\v\\\"", 9));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\xff\\x00\""), "\xff\0", 2));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\377\\000x\""), "\xff\0x", 3));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\u00e9\""), "\xc3\xa9", 2));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\U0001F600\""), "\xf0\x9f\x98\x80", 4));
    CHECK(str_is(lit(E_STRINGLIT, "\"\\u65e5\\u672c\""), "\xe6\x97\xa5\xe6\x9c\xac", 6));
    CHECK(str_is(lit(E_STRINGLIT, "\"\xe6\x97\xa5\xe6\x9c\xac\""), "\xe6\x97\xa5\xe6\x9c\xac", 6));
    CHECK(str_is(lit(E_STRINGLIT, "\"bad\xff\xfe\""), "bad\xff\xfe", 5)); // bytes kept
    CHECK(str_is(lit(E_STRINGLIT, "`raw\\n\"x\"`"), "raw\\n\"x\"", 8));
    CHECK(str_is(lit(E_STRINGLIT, "`a\r\nb\r`"), "a\nb", 3));
    CHECK(str_is(lit(E_STRINGLIT, "`\xe4\xb8\x96`"), "\xe4\xb8\x96", 3));
    const char *err = NULL;
    CHECK(cv_from_literal(E_STRINGLIT, "\"\\'\"", &err) == NULL); // \' is not a string escape
    CHECK_STR(err, "unknown escape");
}

// ---- representability and rounding ----

static void test_representable_ints(void) {
    CHECK(rep(cv_int(127), K_INT8) && !rep(cv_int(128), K_INT8));
    CHECK(rep(cv_int(-128), K_INT8) && !rep(cv_int(-129), K_INT8));
    CHECK(rep(cv_int(255), K_UINT8) && !rep(cv_int(256), K_UINT8) && !rep(cv_int(-1), K_UINT8));
    CHECK(rep(cv_int(32767), K_INT16) && !rep(cv_int(32768), K_INT16));
    CHECK(rep(cv_int(65535), K_UINT16) && !rep(cv_int(65536), K_UINT16));
    CHECK(rep(cv_int(INT32_MIN), K_INT32) && !rep(cv_int((int64_t)INT32_MIN - 1), K_INT32));
    CHECK(rep(cv_int(UINT32_MAX), K_UINT32) && !rep(cv_int((int64_t)UINT32_MAX + 1), K_UINT32));
    CHECK(!rep(cv_int(-1), K_UINT) && !rep(cv_int(-1), K_UINTPTR) && !rep(cv_int(-1), K_UINT64));
    ConstVal *two63 = cv_shift(OP_SHL, cv_int(1), 63);
    CHECK(!rep(two63, K_INT) && !rep(two63, K_INT64));
    CHECK(rep(two63, K_UINT) && rep(two63, K_UINT64) && rep(two63, K_UINTPTR));
    CHECK(rep(cv_unary(OP_SUB, two63, 0), K_INT64));
    CHECK(!rep(bin(OP_SUB, cv_unary(OP_SUB, two63, 0), cv_int(1)), K_INT64));
    CHECK(!rep(cv_shift(OP_SHL, cv_int(1), 64), K_UINT64));
    CHECK(rep(cv_shift(OP_SHL, cv_int(1), 64), K_UNTYPED_INT));
    CHECK(rep(cv_int('x'), K_UNTYPED_RUNE));
    // Floats with integer values convert; fractions do not ("truncated").
    ConstVal *r = NULL;
    CHECK(cv_representable(F("3.0"), K_INT8, &r) && r && r->kind == CV_INT && r->i == 3);
    CHECK(!cv_representable(F("1.5"), K_INT, NULL));
    CHECK(!rep(F("1e100"), K_INT64));
    CHECK(rep(F("1e18"), K_INT64) && !rep(F("1e19"), K_INT64) && rep(F("1e19"), K_UINT64));
    CHECK(!rep(cv_string("a", 1), K_INT) && !rep(cv_bool(true), K_INT));
    CHECK(rep(cv_string("a", 1), K_STRING) && rep(cv_bool(true), K_BOOL));
    CHECK(!rep(cv_int(1), K_STRING) && !rep(cv_int(1), K_BOOL) && rep(cv_int(1), K_COMPLEX128));
    CHECK(rep(cv_bool(false), K_UNTYPED_BOOL) && rep(cv_string("", 0), K_UNTYPED_STRING));
}

static void test_representable_floats(void) {
    ConstVal *r = NULL;
    CHECK(!rep(F("1e39"), K_FLOAT32) && rep(F("1e39"), K_FLOAT64));
    CHECK(rep(F("3.4028234663852886e38"), K_FLOAT32));  // MaxFloat32
    CHECK(rep(F("0x1.fffffefffffffp127"), K_FLOAT32));  // rounds down
    CHECK(!rep(F("0x1.ffffffp127"), K_FLOAT32));        // ties up: overflow
    CHECK(rep(F("1.7976931348623157e308"), K_FLOAT64)); // MaxFloat64
    CHECK(rep(F("0x1.fffffffffffff7ffp1023"), K_FLOAT64));
    CHECK(!rep(F("0x1.fffffffffffff8p1023"), K_FLOAT64));
    CHECK(!rep(F("1e309"), K_FLOAT64) && !rep(F("-1e309"), K_FLOAT64));
    CHECK(rep(F("1e309"), K_UNTYPED_FLOAT));
    CHECK(cv_representable(F("0x1p-1074"), K_FLOAT64, &r) && eq(r, F("0x1p-1074")));
    CHECK(cv_representable(F("0x1p-1075"), K_FLOAT64, &r) && cv_sign(r) == 0); // tie to even: 0
    CHECK_STR(repr(r), "0");
    CHECK(cv_representable(F("0x1.8p-1075"), K_FLOAT64, &r) && eq(r, F("0x1p-1074")));
    CHECK(cv_representable(F("0x1.0000000000001p-1075"), K_FLOAT64, &r) && eq(r, F("0x1p-1074")));
    CHECK(cv_representable(F("-1e-400"), K_FLOAT64, &r) && cv_sign(r) == 0);
    CHECK(cv_representable(F("0x1p-149"), K_FLOAT32, &r) && eq(r, F("0x1p-149")));
    CHECK(cv_representable(F("0x1p-150"), K_FLOAT32, &r) && cv_sign(r) == 0);
    CHECK(cv_representable(F("0x1.8p-150"), K_FLOAT32, &r) && eq(r, F("0x1p-149")));
    CHECK(cv_representable(F("0.1"), K_FLOAT64, &r) && eq(r, cv_float(0.1)));
    CHECK(!eq(r, F("0.1")));
    CHECK(cv_representable(F("0.1"), K_FLOAT32, &r) && eq(r, cv_float((double)0.1f)));
    CHECK(cv_representable(cv_int(16777217), K_FLOAT32, &r) && eq(r, cv_int(16777216)));
    CHECK(r->kind == CV_FLOAT);
    CHECK(cv_representable(cv_int(3), K_FLOAT64, &r) && r->kind == CV_FLOAT);
    CHECK_STR(repr(r), "3");
    CHECK(cv_representable(cv_shift(OP_SHL, cv_int(1), 1023), K_FLOAT64, NULL));
    CHECK(!cv_representable(cv_shift(OP_SHL, cv_int(1), 1024), K_FLOAT64, NULL));
    CHECK(!cv_representable(cv_string("x", 1), K_FLOAT64, NULL));
    // 1.0/3 rounded to float64 prints the same but is no longer 1/3.
    ConstVal *third = bin(OP_QUO, F("1.0"), cv_int(3));
    CHECK(cv_representable(third, K_FLOAT64, &r) && !eq(r, third));
    CHECK(cv_float64(r) == 1.0 / 3);
}

static void test_extract(void) {
    CHECK(cv_int64(cv_int(-5)) == -5);
    CHECK(cv_uint64(cv_int(-1)) == UINT64_MAX);
    CHECK(cv_uint64(cv_unary(OP_SUB, cv_int(2), 0)) == UINT64_MAX - 1);
    CHECK(cv_uint64(cv_uint(UINT64_MAX)) == UINT64_MAX);
    CHECK(cv_int64(F("3.0")) == 3 && cv_int64(F("-2.5")) == -2);
    CHECK(cv_float64(cv_int(INT64_MAX)) == 9223372036854775808.0);
    CHECK(cv_float64(F("0.1")) == 0.1);
    CHECK(cv_float64(F("-2.5")) == -2.5);
    CHECK(cv_float32(F("0.1")) == 0.1f);
    CHECK(cv_float32(bin(OP_QUO, cv_int(1), cv_int(3))) == 1.0f / 3.0f);
    CHECK(cv_float64(bin(OP_QUO, cv_int(1), cv_int(3))) == 1.0 / 3.0);
    CHECK(cv_float32(bin(OP_QUO, cv_int(16777217), cv_int(3))) == (float)(16777217.0 / 3));
    CHECK(cv_float32(F("1e39")) == INFINITY);
    CHECK(cv_float64(cv_shift(OP_SHL, cv_int(1), 200)) == ldexp(1, 200));
    CHECK(cv_float64(cv_float(5e-324)) == 5e-324);
    CHECK(cv_float64(cv_float(-DBL_MAX)) == -DBL_MAX);
    CHECK(cv_float(NAN) == NULL && cv_float(INFINITY) == NULL);
    CHECK(cv_to_int(F("2.5")) == NULL);
    CHECK(cv_to_float(cv_int(2))->kind == CV_FLOAT);
    // 2^53 + 1 rounds to even (2^53), 2^53 + 3 to 2^53 + 4.
    ConstVal *p53 = cv_shift(OP_SHL, cv_int(1), 53);
    CHECK(cv_float64(bin(OP_ADD, cv_to_float(p53), cv_int(1))) == 9007199254740992.0);
    CHECK(cv_float64(bin(OP_ADD, cv_to_float(p53), cv_int(3))) == 9007199254740996.0);
}

// Random decimal literals: cv_float64/cv_float32 must agree with glibc's correctly rounded
// strtod/strtof.
static void test_rounding_random(void) {
    srand(12345);
    int bad = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char buf[80];
        int n = 0, ndig = 1 + rand() % 25;
        for (int i = 0; i < ndig; i++) {
            if (i == ndig / 2 && rand() % 2)
                buf[n++] = '.';
            buf[n++] = (char)('0' + rand() % 10);
        }
        int e = rand() % 700 - 350;
        if (iter % 7 == 0)
            e = -300 - rand() % 60; // subnormal range
        n += snprintf(buf + n, sizeof buf - (size_t)n, "e%d", e);
        ConstVal *v = F(buf);
        double want = strtod(buf, NULL);
        float want32 = strtof(buf, NULL);
        if (cv_float64(v) != want || cv_float32(v) != want32) {
            if (bad++ < 5)
                fprintf(stderr, "rounding %s: got %.17g / %.9g want %.17g / %.9g\n", buf,
                        cv_float64(v), (double)cv_float32(v), want, (double)want32);
        }
    }
    CHECK(bad == 0);
    // Exact halfway cases between doubles: 1 + 2^-53 (ties to 1), 1 + 3*2^-53 (ties up).
    CHECK(cv_float64(F("0x1.00000000000008p0")) == 1.0);
    CHECK(cv_float64(F("0x1.00000000000018p0")) == 1.0 + 0x1p-51);
    CHECK(cv_float64(F("0x1.000000000000080000001p0")) == 1.0 + 0x1p-52);
}

// ---- formatting (expected strings from go1.19 and go/constant) ----

static void test_format(void) {
    CHECK_STR(repr(cv_int(0)), "0");
    CHECK_STR(repr(cv_int(-42)), "-42");
    CHECK_STR(repr(cv_int(INT64_MIN)), "-9223372036854775808");
    CHECK_STR(repr(cv_bool(true)), "true");
    CHECK_STR(repr(F("2.0")), "2");
    CHECK_STR(repr(bin(OP_MUL, F("2.0"), cv_int(100))), "200");
    CHECK_STR(repr(F("2.5")), "2.5");
    CHECK_STR(repr(F("0.1")), "0.1");
    CHECK_STR(repr(F("1e100")), "1e+100");
    CHECK_STR(repr(F("1e39")), "1e+39");
    CHECK_STR(repr(F("1e-400")), "1e-400");
    CHECK_STR(repr(F("-1e-400")), "-1e-400");
    CHECK_STR(repr(F("1e1000")), "1e+1000");
    CHECK_STR(repr(F("1e100000")), "1e+100000");
    CHECK_STR(repr(F("1e-100000")), "1e-100000");
    CHECK_STR(repr(F("1e309")), "1e+309");
    CHECK_STR(repr(F("-1e309")), "-1e+309");
    CHECK_STR(repr(bin(OP_ADD, F("1234567.0"), F("0.5"))), "1.23457e+06");
    CHECK_STR(repr(F("1234567.0")), "1.23457e+06");
    CHECK_STR(repr(F("123456789.5")), "1.23457e+08");
    CHECK_STR(repr(F("100000.5")), "100000.5"); // Go 1.20+ (go1.19 printed 100000)
    CHECK_STR(repr(F("1000000.5")), "1.0000005e+06");
    CHECK_STR(repr(bin(OP_ADD, F("1e20"), F("0.5"))), "1e+20");
    CHECK_STR(repr(bin(OP_ADD, bin(OP_MUL, F("1e300"), F("1e300")), F("0.5"))), "1e+600");
    CHECK_STR(repr(F("-0.000012345")), "-1.2345e-05");
    CHECK_STR(repr(F("0.5e-4")), "5e-05");
    ConstVal *t = bin(OP_QUO, cv_int(1), F("3.0"));
    t = bin(OP_MUL, bin(OP_MUL, t, F("1e-300")), F("1e-300"));
    CHECK_STR(repr(t), "3.33333e-601");
    CHECK_STR(repr(bin(OP_ADD, lit(E_RUNELIT, "'\\u00e9'"), F("0.5"))), "233.5");
    CHECK_STR(repr(F("0.000123")), "0.000123");
    CHECK_STR(repr(F("123456")), "123456");
    CHECK_STR(repr(F("1e6")), "1e+06");
    CHECK_STR(repr(F("0x1p-1074")), "4.94066e-324");
    static const struct {
        const char *lit, *want; // want: go/constant's String (go1.19, plus the go1.20 fix)
    } floats[] = {
        {"1e100000", "1e+100000"},
        {"1e-100000", "1e-100000"},
        {"0.000123", "0.000123"},
        {"3.4028234663852886e38", "3.40282e+38"},
        {"1e21", "1e+21"},
        {"123456789012345678901234567890.5", "1.23457e+29"},
        {"0.00001", "1e-05"},
        {"0.0001", "0.0001"},
        {"9.9999996e5", "999999.96"},
        {"999999.5", "999999.5"},
        {"0.5", "0.5"},
        {"7e-10", "7e-10"},
        {"1.5e300", "1.5e+300"},
        {"2.5e-310", "2.5e-310"},
        {"1e6", "1e+06"},
        {"123456", "123456"},
        {"1234567.0", "1.23457e+06"},
    };
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
        CHECK_STR(repr(F(floats[i].lit)), floats[i].want);
    // Strings: strconv.Quote, shortened past 72 runes.
    CHECK_STR(
        repr(lit(E_STRINGLIT, "\"\\U000e0001\\u00a0\\u0085\\x7f\\xed\\xa0\\x80\\ufffd\\u2028\"")),
        "\"\\U000e0001\\u00a0\\u0085\\x7f\\xed\\xa0\\x80\xef\xbf\xbd\\u2028\"");
    CHECK_STR(repr(cv_string("abc", 3)), "\"abc\"");
    CHECK_STR(repr(cv_string("a\"b\\c\n\t\a\x7f", 9)), "\"a\\\"b\\\\c\\n\\t\\a\\x7f\"");
    CHECK_STR(repr(cv_string("\xc2\x85\xc2\xa0\xc2\xad", 6)), "\"\\u0085\\u00a0\\u00ad\"");
    CHECK_STR(repr(cv_string("\xed\xa0\x80", 3)), "\"\\xed\\xa0\\x80\""); // encoded surrogate
    CHECK_STR(repr(cv_string("\xf3\xa0\x80\x81", 4)), "\"\\U000e0001\""); // language tag
    ConstVal *s = lit(E_STRINGLIT, "\"hello\\x00\\u00e9\\u200b\\U0001F600\\xff world this is a "
                                   "long string that goes on and on and on and on and on\"");
    CHECK_STR(repr(s), "\"hello\\x00\xc3\xa9\\u200b\xf0\x9f\x98\x80\\xff world this is a long "
                       "string that goes on and o...");
    char xs[72], want[80];
    memset(xs, 'x', sizeof xs);
    CHECK(strlen(repr(cv_string(xs, 70))) == 72);  // exactly 72 runes: not shortened
    snprintf(want, sizeof want, "\"%.68s...", xs); // 73 runes: the first 69, then "..."
    CHECK_STR(repr(cv_string(xs, 71)), want);
}

// ---- bigint identities on random values ----

static BigInt *rand_big(int maxlimbs) {
    BigInt *b = bi_from_i64(0);
    int n = rand() % maxlimbs;
    for (int i = 0; i < n; i++) {
        uint32_t limb = (uint32_t)rand() ^ ((uint32_t)rand() << 16);
        if (rand() % 8 == 0)
            limb = rand() % 2 ? 0 : UINT32_MAX; // edge patterns for algorithm D
        b = bi_add(bi_shl(b, 32), bi_from_u64(limb));
    }
    return rand() % 2 ? bi_neg(b) : b;
}

static void test_bigint_random(void) {
    srand(777);
    int bad = 0;
    for (int iter = 0; iter < 3000; iter++) {
        BigInt *a = rand_big(12), *b = rand_big(8);
        if (bi_is_zero(b))
            continue;
        BigInt *q, *r;
        bi_divmod(a, b, &q, &r);
        bool ok = bi_cmp(bi_add(bi_mul(q, b), r), a) == 0 && bi_cmp_abs(r, b) < 0 &&
                  (bi_is_zero(r) || bi_sign(r) == bi_sign(a));
        ok = ok && bi_cmp(bi_sub(bi_add(a, b), b), a) == 0;
        // Shifts: (a << k) >> k == a, and >> floors.
        uint64_t k = (uint64_t)(rand() % 100);
        ok = ok && bi_cmp(bi_shr(bi_shl(a, k), k), a) == 0;
        BigInt *p = bi_shl(bi_from_i64(1), k), *fq;
        bi_divmod(a, p, &fq, &r);
        if (bi_sign(r) < 0)
            fq = bi_sub(fq, bi_from_i64(1));
        ok = ok && bi_cmp(bi_shr(a, k), fq) == 0;
        // De Morgan and xor identities in two's complement.
        ok = ok && bi_cmp(bi_not(bi_and(a, b)), bi_or(bi_not(a), bi_not(b))) == 0;
        ok = ok && bi_cmp(bi_xor(a, b), bi_and_not(bi_or(a, b), bi_and(a, b))) == 0;
        ok = ok && bi_cmp(bi_add(bi_and(a, b), bi_or(a, b)), bi_add(a, b)) == 0;
        // gcd divides both.
        BigInt *g = bi_gcd(a, b), *r1, *r2;
        bi_divmod(a, g, NULL, &r1);
        bi_divmod(b, g, NULL, &r2);
        ok = ok && bi_is_zero(r1) && bi_is_zero(r2);
        if (!ok && bad++ < 5)
            fprintf(stderr, "bigint identity failed: a=%s b=%s\n", bi_to_decimal(a),
                    bi_to_decimal(b));
    }
    CHECK(bad == 0);
    // Cross-check small values against native arithmetic.
    for (int iter = 0; iter < 3000; iter++) {
        int64_t x = (int64_t)rand() * rand() * (rand() % 2 ? 1 : -1);
        int64_t y = (int64_t)rand() - RAND_MAX / 2;
        if (y == 0)
            y = 7;
        BigInt *bx = bi_from_i64(x), *by = bi_from_i64(y), *q, *r;
        bi_divmod(bx, by, &q, &r);
        int64_t prod;
        bool ovf = __builtin_mul_overflow(x, y, &prod);
        if (bi_to_i64(q) != x / y || bi_to_i64(r) != x % y || bi_fits_i64(bi_mul(bx, by)) == ovf ||
            (!ovf && bi_to_i64(bi_mul(bx, by)) != prod) || bi_to_i64(bi_and(bx, by)) != (x & y) ||
            bi_to_i64(bi_or(bx, by)) != (x | y) || bi_to_i64(bi_xor(bx, by)) != (x ^ y))
            bad++;
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)x);
        if (strcmp(bi_to_decimal(bx), want) != 0)
            bad++;
    }
    CHECK(bad == 0);
    CHECK_STR(bi_to_decimal(bi_pow(10, 30)), "1000000000000000000000000000000");
    CHECK_STR(bi_to_decimal(bi_pow(3, 100)), "515377520732011331036461129765621272702107522001");
    CHECK_STR(bi_to_decimal(bi_from_digits("123456789012345678901234567890", 30, 10)),
              "123456789012345678901234567890");
    CHECK_STR(bi_to_decimal(bi_from_digits("ffffffffffffffffffffffff", 24, 16)),
              "79228162514264337593543950335");
    CHECK(bi_bitlen(bi_pow(2, 100)) == 101 && bi_trailing_zeros(bi_pow(2, 100)) == 100);
}

int main(void) {
    gc_init();
    test_spec_examples();
    test_int_arith();
    test_unary_shift();
    test_compare();
    test_int_literals();
    test_float_literals();
    test_rune_literals();
    test_string_literals();
    test_representable_ints();
    test_representable_floats();
    test_extract();
    test_rounding_random();
    test_format();
    test_bigint_random();
    return unit_summary("constant");
}
