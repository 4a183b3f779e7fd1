// Unit tests of gol's fmt engine (runtime/format*.c, fmtbase.c, fmtsort.c) and number
// formatting/parsing (numfmt.c, ryu.c, numparse.c, quote.c), with types built by hand.
// Every expected string was produced by Go 1.19 (go run) on the same values. The cases
// that need String/Error methods run only in build/unit/format_fakes (-DFORMAT_FAKES, against
// tests/unit/fakes), where methods are natives registered with fake_add_method.
#include <math.h>
#include <stdio.h>

#include "../../src/object.h"
#include "../../src/types.h"
#include "buf.h"
#include "format.h"
#include "harness.h"
#include "map.h"
#include "numfmt.h"
#include "numparse.h"
#include "quote.h"
#ifdef FORMAT_FAKES
#include "format_fakes.h"
#endif

static G test_g; // the goroutine fmt calls methods on (fake methods panic on it)
static Package pkg_main = {.path = "main", .name = "main"};

// ---- hand-built types ----
static Type *new_type(Kind k) {
    Type *t = gc_alloc(sizeof(Type));
    t->kind = k;
    t->under = t;
    t->slots = 1;
    t->has_ptrs = true;
    t->comparable = true;
    return t;
}

static Type *mk_slice(Type *elem) {
    if (!elem->slice_of) {
        elem->slice_of = new_type(K_SLICE);
        elem->slice_of->elem = elem;
        elem->slice_of->comparable = false;
    }
    return elem->slice_of;
}

static Type *mk_ptr(Type *elem) {
    if (!elem->ptr_to) {
        elem->ptr_to = new_type(K_POINTER);
        elem->ptr_to->elem = elem;
    }
    return elem->ptr_to;
}

static Type *mk_array(Type *elem, int64_t n) {
    Type *t = new_type(K_ARRAY);
    t->elem = elem;
    t->len = n;
    t->slots = (int)n * elem->slots;
    return t;
}

static Type *mk_map(Type *key, Type *elem) {
    Type *t = new_type(K_MAP);
    t->key = key;
    t->elem = elem;
    t->comparable = false;
    return t;
}

// A struct type from NULL-terminated (name, type) pairs; lower-case names are unexported.
static Type *mk_struct(int n, const char **names, Type **types) {
    Type *t = new_type(K_STRUCT);
    t->fields = gc_alloc((size_t)(n ? n : 1) * sizeof(TField));
    t->nfields = n;
    t->slots = 0;
    for (int i = 0; i < n; i++) {
        TField *f = &t->fields[i];
        f->name = names[i];
        f->type = types[i];
        f->exported = names[i][0] >= 'A' && names[i][0] <= 'Z';
        f->offset = t->slots;
        t->slots += types[i]->slots;
    }
    return t;
}

static Type *mk_named(const char *name, Type *under) {
    Type *t = gc_alloc(sizeof(Type));
    *t = *under;
    t->name = name;
    t->pkg = &pkg_main;
    t->under = under;
    t->ptr_to = t->slice_of = NULL;
    t->str_cache = NULL;
    return t;
}

// ---- values ----
static GoIface *box(Type *t, Slot v) {
    GoIface *i = gc_alloc(sizeof(GoIface));
    i->type = t;
    i->val = v;
    return i;
}

static Type *t_point, *t_rect, *t_box, *t_myint, *t_mystr, *t_any, *t_empty;

#define TI(k, x) box(types_basic[k], (Slot){.i = (x)})
#define TU(k, x) box(types_basic[k], (Slot){.u = (x)})
#define I(x) TI(K_INT, x)
#define F(x) box(types_basic[K_FLOAT64], (Slot){.f = (x)})
#define F32(x) box(types_basic[K_FLOAT32], (Slot){.f = (double)(float)(x)})
#define B(x) box(types_basic[K_BOOL], (Slot){.i = (x)})
#define S(x) box(types_basic[K_STRING], (Slot){.p = str_from_c(x)})
#define SN(x, n) box(types_basic[K_STRING], (Slot){.p = str_new(x, n)})
#define NIL NULL

static Slot *slots(int n, const Slot *v) {
    Slot *p = gc_alloc((size_t)(n ? n : 1) * sizeof(Slot));
    if (n)
        memcpy(p, v, (size_t)n * sizeof(Slot));
    return p;
}

// A slice of [n] elements of [width] slots each (structs are stored inline).
static GoSlice *mk_goslice_w(int n, int width, const Slot *v) {
    GoSlice *s = gc_alloc(sizeof(GoSlice));
    s->ptr = slots(n * width, v);
    s->len = s->cap = n;
    return s;
}

static GoSlice *mk_goslice(int n, const Slot *v) {
    return mk_goslice_w(n, 1, v);
}

static GoIface *ints(int n, int64_t a, int64_t b, int64_t c) {
    Slot v[3] = {{.i = a}, {.i = b}, {.i = c}};
    return box(mk_slice(types_basic[K_INT]), (Slot){.p = mk_goslice(n, v)});
}
#define SLI3(a, b, c) ints(3, a, b, c)
#define SLI2(a, b) ints(2, a, b, 0)
#define NILSLI box(mk_slice(types_basic[K_INT]), (Slot){.p = NULL})

static GoIface *strs2(const char *a, const char *b) {
    Slot v[2] = {{.p = str_from_c(a)}, {.p = str_from_c(b)}};
    return box(mk_slice(types_basic[K_STRING]), (Slot){.p = mk_goslice(2, v)});
}
#define STRS2 strs2

static GoIface *bytes(const char *s) {
    Slot v[16];
    int n = (int)strlen(s);
    for (int i = 0; i < n; i++)
        v[i].u = (uint8_t)s[i];
    return box(mk_slice(types_basic[K_UINT8]), (Slot){.p = mk_goslice(n, v)});
}
#define BYTES bytes

static GoIface *arr3(int64_t a, int64_t b, int64_t c) {
    Slot v[3] = {{.i = a}, {.i = b}, {.i = c}};
    return box(mk_array(types_basic[K_INT], 3), (Slot){.p = slots(3, v)});
}
#define ARR3 arr3

static GoIface *mk_mapval(Type *kt, Type *vt, int n, const Slot *kv) {
    Type *mt = mk_map(kt, vt);
    GoMap *m = map_make(mt, n);
    for (int i = 0; i < n; i++)
        map_set(NULL, m, kv[2 * i], kv[2 * i + 1]);
    return box(mt, (Slot){.p = m});
}
#define MAPSI3(k1, v1, k2, v2, k3, v3)                                                             \
    mk_mapval(types_basic[K_STRING], types_basic[K_INT], 3,                                        \
              (Slot[]){{.p = str_from_c(k1)}, {.i = v1}, {.p = str_from_c(k2)}, {.i = v2},        \
                       {.p = str_from_c(k3)}, {.i = v3}})
#define MAPIS3(k1, v1, k2, v2, k3, v3)                                                             \
    mk_mapval(types_basic[K_INT], types_basic[K_STRING], 3,                                        \
              (Slot[]){{.i = k1}, {.p = str_from_c(v1)}, {.i = k2}, {.p = str_from_c(v2)},        \
                       {.i = k3}, {.p = str_from_c(v3)}})
#define MAPFI3(k1, v1, k2, v2, k3, v3)                                                             \
    mk_mapval(types_basic[K_FLOAT64], types_basic[K_INT], 3,                                       \
              (Slot[]){{.f = k1}, {.i = v1}, {.f = k2}, {.i = v2}, {.f = k3}, {.i = v3}})
#define MAPBI2(k1, v1, k2, v2)                                                                     \
    mk_mapval(types_basic[K_BOOL], types_basic[K_INT], 2,                                          \
              (Slot[]){{.i = k1}, {.i = v1}, {.i = k2}, {.i = v2}})
#define NILMAP box(mk_map(types_basic[K_STRING], types_basic[K_INT]), (Slot){.p = NULL})

#define POINT(x, y) box(t_point, (Slot){.p = slots(2, (Slot[]){{.i = x}, {.i = y}})})
#define PPOINT(x, y) box(mk_ptr(t_point), (Slot){.p = slots(2, (Slot[]){{.i = x}, {.i = y}})})
#define POINTS2(a, b, c, d)                                                                        \
    box(mk_slice(t_point),                                                                         \
        (Slot){.p = mk_goslice_w(2, 2, (Slot[]){{.i = a}, {.i = b}, {.i = c}, {.i = d}})})
// Rect{Point{x, y}, []int{5}, name}: the Point is stored inline (flattened).
#define RECT(x, y, name)                                                                           \
    box(t_rect, (Slot){.p = slots(4, (Slot[]){{.i = x}, {.i = y}, {.p = ints(1, 5, 0, 0)->val.p},  \
                                               {.p = str_from_c(name)}})})
#define BOX(n, v) box(t_box, (Slot){.p = slots(2, (Slot[]){{.i = n}, {.p = v}})})
#define NILPTR box(mk_ptr(types_basic[K_INT]), (Slot){.p = NULL})
#define NILPTRS1                                                                                   \
    box(mk_slice(mk_ptr(types_basic[K_INT])), (Slot){.p = mk_goslice(1, (Slot[]){{.p = NULL}})})
#define ANYS4(a, b, c, d)                                                                          \
    box(mk_slice(t_any), (Slot){.p = mk_goslice(4, (Slot[]){{.p = a}, {.p = b}, {.p = c}, {.p = d}})})
#define ANYS3(a, b, c)                                                                             \
    box(mk_slice(t_any), (Slot){.p = mk_goslice(3, (Slot[]){{.p = a}, {.p = b}, {.p = c}})})
#define EMPTYSTRUCT box(t_empty, (Slot){.p = slots(0, NULL)})
#define MYINT(x) box(t_myint, (Slot){.i = x})
#define MYSTR(s) box(t_mystr, (Slot){.p = str_from_c(s)})

static void build_types(void) {
    t_any = types_empty_iface;
    Type *ii[] = {types_basic[K_INT], types_basic[K_INT]};
    t_point = mk_named("Point", mk_struct(2, (const char *[]){"X", "Y"}, ii));
    Type *rt[] = {t_point, mk_slice(types_basic[K_INT]), types_basic[K_STRING]};
    t_rect = mk_named("Rect", mk_struct(3, (const char *[]){"Min", "S", "name"}, rt));
    Type *bt[] = {types_basic[K_INT], t_any};
    t_box = mk_named("Box", mk_struct(2, (const char *[]){"N", "V"}, bt));
    t_myint = mk_named("MyInt", types_basic[K_INT]);
    t_mystr = mk_named("MyStr", types_basic[K_STRING]);
    t_empty = mk_struct(0, NULL, NULL);
}

enum { PRINTF, PRINT, PRINTLN };

static void check(int line, int kind, const char *format, GoIface **args, int n,
                  const char *want) {
    Slot a[16];
    for (int i = 0; i < n; i++)
        a[i].p = args[i];
    Buf b = {0};
    RtStatus st;
    if (kind == PRINTF)
        st = fmt_sprintf(&test_g, &b, str_from_c(format), a, n);
    else if (kind == PRINT)
        st = fmt_sprint(&test_g, &b, a, n);
    else
        st = fmt_sprintln(&test_g, &b, a, n);
    if (st == RT_OK && !test_g.panic && strcmp(buf_cstr(&b), want) == 0) {
        unit_pass();
        return;
    }
    unit_fail();
    printf("format_test.c:%d: %s\n  got:  %s\n  want: %s\n", line, format ? format : "(print)",
           buf_cstr(&b), want);
}

static void test_printf(void) {
    {
        GoIface *a[] = {I(42), I(42), I(42), I(-42), I(42), I(42)};
        check(__LINE__, PRINTF, "%d|%5d|%-5d|%05d|%+d|% d", a, 6,
              "42|   42|42   |-0042|+42| 42");
    }
    {
        GoIface *a[] = {I(255), I(255), I(8), I(8), I(5), I(255), I(8), I(5)};
        check(__LINE__, PRINTF, "%x %X %o %O %b %#x %#o %#b", a, 8,
              "ff FF 10 0o10 101 0xff 010 0b101");
    }
    {
        GoIface *a[] = {I(65), I(26085), I(128512), I(26085), I(10)};
        check(__LINE__, PRINTF, "%c %q %U %#U %q", a, 5,
              "A '\346\227\245' U+1F600 U+65E5 '\346\227\245' '\\n'");
    }
    {
        GoIface *a[] = {I(7), I(-7), I(7), I(7), I(0), I(0)};
        check(__LINE__, PRINTF, "%.3d|%8.3d|%-8.3d|%08.3d|%.0d|%5.0d|", a, 6,
              "007|    -007|007     |     007||     |");
    }
    {
        GoIface *a[] = {TI(K_INT8,-128), TU(K_UINT64,18446744073709551615ull), TU(K_UINT8,200), TU(K_UINTPTR,10)};
        check(__LINE__, PRINTF, "%v %v %v %v", a, 4,
              "-128 18446744073709551615 200 10");
    }
    {
        GoIface *a[] = {TU(K_UINT,10), I(-3), I(-255)};
        check(__LINE__, PRINTF, "%#v %#v %x", a, 3,
              "0xa -3 -ff");
    }
    {
        GoIface *a[] = {F(1.5), F(1e21), F(1e20), F(1e6), F(1e5), F(1e-5)};
        check(__LINE__, PRINTF, "%v %v %v %v %v %v", a, 6,
              "1.5 1e+21 1e+20 1e+06 100000 1e-05");
    }
    {
        GoIface *a[] = {F32(0.1), F(3.14159), F(100.0), F(0.000123)};
        check(__LINE__, PRINTF, "%v %v %v %v", a, 4,
              "0.1 3.14159 100 0.000123");
    }
    {
        GoIface *a[] = {F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678)};
        check(__LINE__, PRINTF, "%e %E %f %.2f %8.3f %-8.3f| %g %G %.3g %10.4e", a, 10,
              "1.234568e+03 1.234568E+03 1234.567800 1234.57 1234.568 1234.568| 1234.5678 1234.5678 1.23e+03 1.2346e+03");
    }
    {
        GoIface *a[] = {F(3.25), F(3.25), F(-2.0), F(-3.14159), F(3.14159), F(3.14159)};
        check(__LINE__, PRINTF, "%+.1f % .1f %+e %08.2f %-08.2f| %+08.2f", a, 6,
              "+3.2  3.2 -2.000000e+00 -0003.14 3.14    | +0003.14");
    }
    {
        GoIface *a[] = {F(1.0), F(2.0), F(1.0), F(3.0), F(1.5), F(1.0)};
        check(__LINE__, PRINTF, "%#g %#.3g %#e %#.0f %#v %#x", a, 6,
              "1.00000 2.00 1.000000e+00 3. 1.5 0x1.0000p+00");
    }
    {
        GoIface *a[] = {F(1.0), F(-255.5), F(1.0), F(3.14159)};
        check(__LINE__, PRINTF, "%x %X %b %.3x", a, 4,
              "0x1p+00 -0X1.FFP+07 4503599627370496p-52 0x1.922p+01");
    }
    {
        GoIface *a[] = {F(NAN), F(INFINITY), F(-INFINITY), F(INFINITY), F(NAN), F(-0.0)};
        check(__LINE__, PRINTF, "%v %v %v %5.1f %05v %v", a, 6,
              "NaN +Inf -Inf  +Inf   NaN -0");
    }
    {
        GoIface *a[] = {S("hello"), S("hi"), S("hi"), S("日本語"), S("a\tb\""), S("ab"), S("hi"), S("hi"), S("hi"), S("hi"), S("")};
        check(__LINE__, PRINTF, "%s|%10s|%-10s|%.2s|%q|%#q|%x|% x|%#x|% #X|%X", a, 11,
              "hello|        hi|hi        |\346\227\245\346\234\254|\"a\\tb\\\"\"|`ab`|6869|68 69|0x6869|0X68 0X69|");
    }
    {
        GoIface *a[] = {S("héllo"), SN("\x00\xff", 2), S("`x`"), S("é"), S("abc")};
        check(__LINE__, PRINTF, "%+q %q %#q %5q|%-6.2q|", a, 5,
              "\"h\\u00e9llo\" \"\\x00\\xff\" \"`x`\"   \"\303\251\"|\"ab\"  |");
    }
    {
        GoIface *a[] = {B(1), B(0), B(1), B(0)};
        check(__LINE__, PRINTF, "%t %v %5t|%-6v|", a, 4,
              "true false  true|false |");
    }
    {
        GoIface *a[] = {NIL, NIL, NIL, NIL, NIL};
        check(__LINE__, PRINTF, "%v %d %s %T %p", a, 5,
              "<nil> %!d(<nil>) %!s(<nil>) <nil> %!p(<nil>)");
    }
    {
        GoIface *a[] = {S("hi"), I(5), I(5), B(1)};
        check(__LINE__, PRINTF, "%d %s %t %x", a, 4,
              "%!d(string=hi) %!s(int=5) %!t(int=5) %!x(bool=true)");
    }
    {
        GoIface *a[] = {I(1)};
        check(__LINE__, PRINTF, "%d %d", a, 1,
              "1 %!d(MISSING)");
    }
    {
        GoIface *a[] = {I(1), I(2), S("x"), NIL};
        check(__LINE__, PRINTF, "%d", a, 4,
              "1%!(EXTRA int=2, string=x, <nil>)");
    }
    {
        GoIface *a[] = {I(1), I(2)};
        check(__LINE__, PRINTF, "%[2]d %[1]d %d", a, 2,
              "2 1 2");
    }
    {
        GoIface *a[] = {I(1), I(2)};
        check(__LINE__, PRINTF, "%[3]d %[0]d %[x]d", a, 2,
              "%!d(BADINDEX) %!d(BADINDEX) %!d(BADINDEX)");
    }
    {
        GoIface *a[] = {I(12), I(5), I(4), I(7), I(2), F(3.14159), I(-4), I(9)};
        check(__LINE__, PRINTF, "%[2]*[1]d|%-*d|%.*f|%*d", a, 8,
              "   12|4    |%!f(int=0000002)|%!(BADWIDTH)-4");
    }
    {
        GoIface *a[] = {S("x"), I(1), S("y"), I(2)};
        check(__LINE__, PRINTF, "%*d|%.*d|", a, 4,
              "%!(BADWIDTH)1|%!(BADPREC)2|");
    }
    check(__LINE__, PRINTF, "%", NULL, 0, "%!(NOVERB)");
    {
        GoIface *a[] = {I(3)};
        check(__LINE__, PRINTF, "%-", a, 1,
              "%!(NOVERB)%!(EXTRA int=3)");
    }
    {
        GoIface *a[] = {I(3)};
        check(__LINE__, PRINTF, "100%% %z %!", a, 1,
              "100% %!z(int=3) %!!(MISSING)");
    }
    {
        GoIface *a[] = {SLI3(1,2,3), SLI3(1,2,3), SLI3(1,2,3), SLI3(1,2,3)};
        check(__LINE__, PRINTF, "%v|%+v|%#v|%T", a, 4,
              "[1 2 3]|[1 2 3]|[]int{1, 2, 3}|[]int");
    }
    {
        GoIface *a[] = {NILSLI, NILSLI, NILSLI, NILSLI, NILSLI};
        check(__LINE__, PRINTF, "%v|%#v|%d|%x|%T", a, 5,
              "[]|[]int(nil)|[]|[]|[]int");
    }
    {
        GoIface *a[] = {STRS2("a","b c"), STRS2("a","b c"), STRS2("a","b c"), STRS2("a","b c")};
        check(__LINE__, PRINTF, "%v|%q|%#v|%T", a, 4,
              "[a b c]|[\"a\" \"b c\"]|[]string{\"a\", \"b c\"}|[]string");
    }
    {
        GoIface *a[] = {BYTES("hi"), BYTES("hi"), BYTES("hi"), BYTES("hi"), BYTES("hi"), BYTES("hi"), BYTES("hi"), BYTES("hi")};
        check(__LINE__, PRINTF, "%v|%s|%q|%x|% X|%#v|%T|%d", a, 8,
              "[104 105]|hi|\"hi\"|6869|68 69|[]byte{0x68, 0x69}|[]uint8|[104 105]");
    }
    {
        GoIface *a[] = {ARR3(1,2,3), ARR3(1,2,3), ARR3(1,2,3), ARR3(1,2,3)};
        check(__LINE__, PRINTF, "%v|%#v|%T|%x", a, 4,
              "[1 2 3]|[3]int{1, 2, 3}|[3]int|[1 2 3]");
    }
    {
        GoIface *a[] = {MAPSI3("b",2,"a",1,"c",3), MAPSI3("b",2,"a",1,"c",3), MAPSI3("b",2,"a",1,"c",3), MAPSI3("b",2,"a",1,"c",3)};
        check(__LINE__, PRINTF, "%v|%#v|%T|%d", a, 4,
              "map[a:1 b:2 c:3]|map[string]int{\"a\":1, \"b\":2, \"c\":3}|map[string]int|map[%!d(string=a):1 %!d(string=b):2 %!d(string=c):3]");
    }
    {
        GoIface *a[] = {MAPIS3(3,"c",1,"a",2,"b"), MAPIS3(3,"c",1,"a",2,"b")};
        check(__LINE__, PRINTF, "%v|%#v", a, 2,
              "map[1:a 2:b 3:c]|map[int]string{1:\"a\", 2:\"b\", 3:\"c\"}");
    }
    {
        GoIface *a[] = {NILMAP, NILMAP, NILMAP};
        check(__LINE__, PRINTF, "%v|%#v|%d", a, 3,
              "map[]|map[string]int(nil)|map[]");
    }
    {
        GoIface *a[] = {POINT(1,2), POINT(1,2), POINT(1,2), POINT(1,2), POINT(1,2), POINT(1,2)};
        check(__LINE__, PRINTF, "%v|%+v|%#v|%T|%d|%s", a, 6,
              "{1 2}|{X:1 Y:2}|main.Point{X:1, Y:2}|main.Point|{1 2}|{%!s(int=1) %!s(int=2)}");
    }
    {
        GoIface *a[] = {PPOINT(3,4), PPOINT(3,4), PPOINT(3,4), PPOINT(3,4)};
        check(__LINE__, PRINTF, "%v|%+v|%#v|%T", a, 4,
              "&{3 4}|&{X:3 Y:4}|&main.Point{X:3, Y:4}|*main.Point");
    }
    {
        GoIface *a[] = {RECT(1,2,"r"), RECT(1,2,"r"), RECT(1,2,"r")};
        check(__LINE__, PRINTF, "%v|%+v|%#v", a, 3,
              "{{1 2} [5] r}|{Min:{X:1 Y:2} S:[5] name:r}|main.Rect{Min:main.Point{X:1, Y:2}, S:[]int{5}, name:\"r\"}");
    }
    {
        GoIface *a[] = {BOX(7,NULL), BOX(7,NULL), BOX(7,NULL)};
        check(__LINE__, PRINTF, "%v|%+v|%#v", a, 3,
              "{7 <nil>}|{N:7 V:<nil>}|main.Box{N:7, V:interface {}(nil)}");
    }
    {
        GoIface *a[] = {BOX(8,I(42)), BOX(8,S("s")), BOX(8,F(1.5))};
        check(__LINE__, PRINTF, "%v|%+v|%#v", a, 3,
              "{8 42}|{N:8 V:s}|main.Box{N:8, V:1.5}");
    }
    {
        GoIface *a[] = {NILPTR, NILPTR, NILPTR};
        check(__LINE__, PRINTF, "%v %d %s", a, 3,
              "<nil> 0 %!s(*int=<nil>)");
    }
    {
        GoIface *a[] = {NILPTR, NILPTR};
        check(__LINE__, PRINTF, "%#v %T", a, 2,
              "(*int)(nil) *int");
    }
    {
        GoIface *a[] = {ANYS4(I(1),S("a"),NULL,F(2.5)), ANYS4(I(1),S("a"),NULL,F(2.5)), ANYS4(I(1),S("a"),NULL,F(2.5))};
        check(__LINE__, PRINTF, "%v|%#v|%T", a, 3,
              "[1 a <nil> 2.5]|[]interface {}{1, \"a\", interface {}(nil), 2.5}|[]interface {}");
    }
    {
        GoIface *a[] = {EMPTYSTRUCT, EMPTYSTRUCT, EMPTYSTRUCT, EMPTYSTRUCT};
        check(__LINE__, PRINTF, "%v|%+v|%#v|%T", a, 4,
              "{}|{}|struct {}{}|struct {}");
    }
    {
        GoIface *a[] = {MYINT(5), MYINT(5)};
        check(__LINE__, PRINTF, "%v|%#v", a, 2,
              "5|5");
    }
    {
        GoIface *a[] = {MYSTR("go"), MYSTR("go"), MYSTR("go"), MYSTR("go")};
        check(__LINE__, PRINTF, "%v|%#v|%x|%T", a, 4,
              "go|\"go\"|676f|main.MyStr");
    }
    {
        GoIface *a[] = {POINTS2(1,2,3,4), POINTS2(1,2,3,4), POINTS2(1,2,3,4)};
        check(__LINE__, PRINTF, "%v|%#v|%T", a, 3,
              "[{1 2} {3 4}]|[]main.Point{main.Point{X:1, Y:2}, main.Point{X:3, Y:4}}|[]main.Point");
    }
    {
        GoIface *a[] = {NILPTRS1, NILPTRS1};
        check(__LINE__, PRINTF, "%v|%#v", a, 2,
              "[<nil>]|[]*int{(*int)(nil)}");
    }
    {
        GoIface *a[] = {SLI2(1,22), SLI2(1,22), SLI2(1,22), STRS2("ab","c")};
        check(__LINE__, PRINTF, "%6.2v|%-8v|%08v|%x", a, 4,
              "[    01     22]|[1        22      ]|[00000001 00000022]|[6162 63]");
    }
    {
        GoIface *a[] = {S("ab"), S("日本"), I(9786), I(65), S("")};
        check(__LINE__, PRINTF, "%05s|%.1q|%5c|%-4c|%x", a, 5,
              "000ab|\"\346\227\245\"|    \342\230\272|A   |");
    }
    {
        GoIface *a[] = {I(-1), I(1114112), I(-1)};
        check(__LINE__, PRINTF, "%c|%q|%U", a, 3,
              "\357\277\275|'\357\277\275'|U+FFFFFFFFFFFFFFFF");
    }
    {
        GoIface *a[] = {MAPFI3(NAN,1,-1.0,2,3.0,3), MAPBI2(1,1,0,0)};
        check(__LINE__, PRINTF, "%v %v", a, 2,
              "map[NaN:1 -1:2 3:3] map[false:0 true:1]");
    }
    {
        GoIface *a[] = {I(1), I(2), S("a"), S("b"), I(3), F(1.5), NIL, B(1)};
        check(__LINE__, PRINT, NULL, a, 8,
              "1 2ab3 1.5 <nil> true");
    }
    {
        GoIface *a[] = {S("x"), I(1), S("y"), S("z"), MYSTR("m"), I(2)};
        check(__LINE__, PRINT, NULL, a, 6,
              "x1yzm2");
    }
    {
        GoIface *a[] = {I(1), S("a"), NIL, SLI3(1,2,3)};
        check(__LINE__, PRINTLN, NULL, a, 4,
              "1 a <nil> [1 2 3]\012");
    }
    check(__LINE__, PRINTLN, NULL, NULL, 0, "\012");
    check(__LINE__, PRINT, NULL, NULL, 0, "");
}

#ifdef FORMAT_FAKES
static Type *t_temp, *t_err, *t_boom, *t_gs, *t_hidden;

static RtStatus temp_string(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    char s[64];
    snprintf(s, sizeof s, "%lld\302\260C", (long long)args[0].i);
    res[0].p = str_from_c(s);
    return RT_OK;
}

static RtStatus ptr_temp_string(G *g, Slot *args, Slot *res) {
    Slot *p = args[0].p;
    if (!p)
        return fake_panic(g, box(types_basic[K_STRING], (Slot){.p = str_from_c("nil deref")}));
    return temp_string(g, p, res);
}

static RtStatus err_error(G *g, Slot *args, Slot *res) {
    Slot *p = args[0].p;
    if (!p)
        return fake_panic(g, box(types_basic[K_STRING], (Slot){.p = str_from_c("nil deref")}));
    char s[64];
    snprintf(s, sizeof s, "err %lld", (long long)p[0].i);
    res[0].p = str_from_c(s);
    return RT_OK;
}

static RtStatus boom_string(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(args);
    GOL_UNUSED(res);
    return fake_panic(g, box(types_basic[K_STRING], (Slot){.p = str_from_c("boom")}));
}

static RtStatus gs_gostring(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(args);
    res[0].p = str_from_c("Gs!");
    return RT_OK;
}

#define TEMP(x) box(t_temp, (Slot){.i = x})
#define TEMPS2(a, b) box(mk_slice(t_temp), (Slot){.p = mk_goslice(2, (Slot[]){{.i = a}, {.i = b}})})
#define HIDDEN(a, b) box(t_hidden, (Slot){.p = slots(2, (Slot[]){{.i = a}, {.i = b}})})
#define PERR(c) box(mk_ptr(t_err), (Slot){.p = slots(1, (Slot[]){{.i = c}})})
#define ERRV(c) box(t_err, (Slot){.p = slots(1, (Slot[]){{.i = c}})})
#define BOOM(x) box(t_boom, (Slot){.i = x})
#define NILTEMP box(mk_ptr(t_temp), (Slot){.p = NULL})
#define NILERR box(mk_ptr(t_err), (Slot){.p = NULL})
#define GS(x) box(t_gs, (Slot){.i = x})
#define GSS1(x) box(mk_slice(t_gs), (Slot){.p = mk_goslice(1, (Slot[]){{.i = x}})})
#define MAPTI2(k1, v1, k2, v2)                                                                     \
    mk_mapval(t_temp, types_basic[K_INT], 2, (Slot[]){{.i = k1}, {.i = v1}, {.i = k2}, {.i = v2}})

static void test_methods(void) {
    t_temp = mk_named("Temp", types_basic[K_INT]);
    fake_add_method(t_temp, "String", temp_string);
    fake_add_method(mk_ptr(t_temp), "String", ptr_temp_string);
    t_err = mk_named("Err", mk_struct(1, (const char *[]){"code"}, (Type *[]){types_basic[K_INT]}));
    fake_add_method(mk_ptr(t_err), "Error", err_error);
    t_boom = mk_named("Boom", types_basic[K_INT]);
    fake_add_method(t_boom, "String", boom_string);
    t_gs = mk_named("Gs", types_basic[K_INT]);
    fake_add_method(t_gs, "GoString", gs_gostring);
    t_hidden = mk_named("Hidden", mk_struct(2, (const char *[]){"t", "T"}, (Type *[]){t_temp, t_temp}));
    {
        GoIface *a[] = {TEMP(21), TEMP(21), TEMP(21), TEMP(21), TEMP(21), TEMP(21), TEMP(21), TEMP(21), TEMP(21)};
        check(__LINE__, PRINTF, "%v|%d|%s|%q|%x|%#v|%T|%5v|%-6s|", a, 9,
              "21\302\260C|21|21\302\260C|\"21\302\260C\"|3231c2b043|21|main.Temp| 21\302\260C|21\302\260C  |");
    }
    {
        GoIface *a[] = {TEMPS2(1,2), TEMPS2(1,2)};
        check(__LINE__, PRINTF, "%v|%s", a, 2,
              "[1\302\260C 2\302\260C]|[1\302\260C 2\302\260C]");
    }
    {
        GoIface *a[] = {HIDDEN(1,2), HIDDEN(1,2), HIDDEN(1,2)};
        check(__LINE__, PRINTF, "%v|%+v|%#v", a, 3,
              "{1 2\302\260C}|{t:1 T:2\302\260C}|main.Hidden{t:1, T:2}");
    }
    {
        GoIface *a[] = {PERR(7), PERR(7), PERR(7)};
        check(__LINE__, PRINTF, "%v|%s|%q", a, 3,
              "err 7|err 7|\"err 7\"");
    }
    {
        GoIface *a[] = {ERRV(7), ERRV(7)};
        check(__LINE__, PRINTF, "%v|%+v", a, 2,
              "{7}|{code:7}");
    }
    {
        GoIface *a[] = {BOOM(1), BOOM(1), BOOM(1)};
        check(__LINE__, PRINTF, "%v|%s|%d", a, 3,
              "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|1");
    }
    {
        GoIface *a[] = {NILTEMP, NILERR};
        check(__LINE__, PRINTF, "%v|%s", a, 2,
              "<nil>|<nil>");
    }
    {
        GoIface *a[] = {GS(3), GS(3), GSS1(4)};
        check(__LINE__, PRINTF, "%#v|%v|%#v", a, 3,
              "Gs!|3|[]main.Gs{Gs!}");
    }
    {
        GoIface *a[] = {MAPTI2(2,1,1,2)};
        check(__LINE__, PRINTF, "%v", a, 1,
              "map[1\302\260C:2 2\302\260C:1]");
    }
    {
        GoIface *a[] = {ANYS3(TEMP(3),PERR(4),NULL)};
        check(__LINE__, PRINTF, "%v", a, 1,
              "[3\302\260C err 4 <nil>]");
    }
    {
        GoIface *a[] = {TEMP(5), PERR(1), BOOM(2)};
        check(__LINE__, PRINTLN, NULL, a, 3,
              "5\302\260C err 1 %!v(PANIC=String method: boom)\012");
    }
    {
        GoIface *a[] = {TEMP(21), S("extra"), TEMP(2)};
        check(__LINE__, PRINTF, "%d", a, 3,
              "21%!(EXTRA string=extra, main.Temp=2\302\260C)");
    }
    {
        GoIface *a[] = {PERR(1), PERR(2)};
        check(__LINE__, PRINTF, "%w|%v", a, 2,
              "%!w(*main.Err=&{1})|err 2");
    }
}
#endif

// ---- numbers ----
static void check_str(int line, const char *got, const char *want) {
    if (strcmp(got, want) == 0) {
        unit_pass();
        return;
    }
    unit_fail();
    printf("format_test.c:%d:\n  got:  %s\n  want: %s\n", line, got, want);
}

static const char *ffmt(double v, char f, int prec, int bits) {
    return numfmt_float_str(v, f, prec, bits);
}

static void test_numfmt(void) {
    check_str(__LINE__, ffmt(0.1, 'g', -1, 64), "0.1");
    check_str(__LINE__, ffmt(0.1, 'g', -1, 32), "0.1");
    check_str(__LINE__, ffmt((double)(float)0.1, 'g', -1, 64), "0.10000000149011612");
    check_str(__LINE__, ffmt(1e21, 'g', -1, 64), "1e+21");
    check_str(__LINE__, ffmt(123456789, 'e', -1, 64), "1.23456789e+08");
    check_str(__LINE__, ffmt(5e-324, 'g', -1, 64), "5e-324");
    check_str(__LINE__, ffmt(1.7976931348623157e308, 'g', -1, 64), "1.7976931348623157e+308");
    check_str(__LINE__, ffmt(2.5, 'f', 0, 64), "2");
    check_str(__LINE__, ffmt(3.5, 'f', 0, 64), "4");
    check_str(__LINE__, ffmt(0.125, 'f', 2, 64), "0.12");
    check_str(__LINE__, ffmt(1.0 / 3, 'f', 30, 64), "0.333333333333333314829616256247");
    check_str(__LINE__, ffmt(100, 'g', 3, 64), "100");
    check_str(__LINE__, ffmt(1e6, 'g', 3, 64), "1e+06");
    check_str(__LINE__, ffmt(1, 'b', -1, 64), "4503599627370496p-52");
    check_str(__LINE__, ffmt(1, 'x', -1, 64), "0x1p+00");
    check_str(__LINE__, ffmt(-0.1, 'X', 3, 32), "-0X1.99AP-04");
    check_str(__LINE__, ffmt(NAN, 'f', 2, 64), "NaN");
    check_str(__LINE__, ffmt(-INFINITY, 'g', -1, 64), "-Inf");
    check_str(__LINE__, ffmt(1, 'z', -1, 64), "%z");
    Buf b = {0};
    numfmt_int(&b, INT64_MIN, 10);
    buf_putc(&b, ' ');
    numfmt_int(&b, -255, 16);
    buf_putc(&b, ' ');
    numfmt_uint(&b, UINT64_MAX, 36);
    buf_putc(&b, ' ');
    numfmt_int(&b, 5, 2);
    check_str(__LINE__, buf_cstr(&b), "-9223372036854775808 -ff 3w5e11264sgsf 101");
}

static void test_numparse(void) {
    int64_t i;
    uint64_t u;
    double f;
    bool ok;
    check_str(__LINE__, numparse_int("-0x_1F", 6, 0, 64, &i) == NUM_OK && i == -31 ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_int("128", 3, 10, 8, &i) == NUM_RANGE && i == 127 ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_int("1__0", 4, 0, 64, &i) == NUM_SYNTAX ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_int("12", 2, 1, 64, &i) == NUM_BASE ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_uint("18446744073709551616", 20, 10, 0, &u) == NUM_RANGE && u == UINT64_MAX ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_uint("1", 1, 10, 65, &u) == NUM_BITSIZE ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_float("0x1.8p1", 7, 64, &f) == NUM_OK && f == 3.0 ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_float("1e400", 5, 64, &f) == NUM_RANGE && isinf(f) ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_float("-Infinity", 9, 64, &f) == NUM_OK && isinf(f) && f < 0 ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_float("1e", 2, 64, &f) == NUM_SYNTAX ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_float("3.4e39", 6, 32, &f) == NUM_RANGE ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_bool("True", 4, &ok) == NUM_OK && ok ? "ok" : "bad", "ok");
    check_str(__LINE__, numparse_bool("yes", 3, &ok) == NUM_SYNTAX ? "ok" : "bad", "ok");
}

static void test_quote(void) {
    Buf b = {0};
    quote_string(&b, "a\tb\"\xff\xe6\x97\xa5", 8, '"', false, false);
    quote_string(&b, "\xe6\x97\xa5", 3, '"', true, false);
    quote_rune(&b, 0x263A, '\'', false, false);
    quote_rune(&b, -1, '\'', false, false);
    check_str(__LINE__, buf_cstr(&b), "\"a\\tb\\\"\\xff\xe6\x97\xa5\"\"\\u65e5\"'\xe2\x98\xba''\xef\xbf\xbd'");
    Buf u = {0};
    check_str(__LINE__, quote_unquote("\"\\u65e5\\x41\\101\"", 16, &u) ? buf_cstr(&u) : "ERR", "\xe6\x97\xa5" "AA");
    Buf v = {0};
    check_str(__LINE__, quote_unquote("'ab'", 4, &v) ? "ok" : "ERR", "ERR");
}

static void test_builtin_print(void) {
    Buf b = {0};
    fmt_print_builtin(&b, types_basic[K_FLOAT64], (Slot){.f = 1.5});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_FLOAT64], (Slot){.f = -0.0});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_FLOAT32], (Slot){.f = 1e-7});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_FLOAT64], (Slot){.f = 123456789.0});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_INT], (Slot){.i = -5});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_BOOL], (Slot){.i = 1});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, mk_ptr(types_basic[K_INT]), (Slot){.p = NULL});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_FLOAT64], (Slot){.f = INFINITY});
    buf_putc(&b, ' ');
    fmt_print_builtin(&b, types_basic[K_FLOAT64], (Slot){.f = 1e300});
    check_str(__LINE__, buf_cstr(&b),
              "+1.500000e+000 -0.000000e+000 +1.000000e-007 +1.234568e+008 -5 true 0x0 +Inf "
              "+1.000000e+300");
    check_str(__LINE__, fmt_panic_value(NULL, MYINT(42)), "main.MyInt(42)");
    check_str(__LINE__, fmt_panic_value(NULL, MYSTR("hi")), "main.MyStr(\"hi\")");
    check_str(__LINE__, fmt_panic_value(NULL, F(3.5)), "+3.500000e+000");
    check_str(__LINE__, fmt_panic_value(NULL, S("boom")), "boom");
    check_str(__LINE__, fmt_panic_value(NULL, NULL), "nil");
    check_str(__LINE__, strncmp(fmt_panic_value(NULL, POINT(1, 2)), "(main.Point) 0x", 15) ? "bad" : "ok", "ok");
}

int main(void) {
    gc_init();
    types_init();
    build_types();
    test_printf();
#ifdef FORMAT_FAKES
    test_methods();
#endif
    test_numfmt();
    test_numparse();
    test_quote();
    test_builtin_print();
#ifdef FORMAT_FAKES
    return unit_summary("format_fakes");
#else
    return unit_summary("format");
#endif
}
