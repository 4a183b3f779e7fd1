// Natives of package strings (runtime/pkg/strings.go): searching, splitting, joining,
// replacing, trimming and case mapping, with Go 1.19's results to the byte (including
// invalid UTF-8, which decodes as U+FFFD one byte at a time, and the capacities of the
// slices Split and Fields return). Builder and Replacer: strings_builder.c.
#include <string.h>

#include "gosize.h"
#include "native.h"
#include "pkgutil.h"
#include "unitab.h"
#include "utf8.h"

#define SP(s) str_data(s)
#define SN(s) str_len(s)

// ---- searching ----

static int64_t index_of(const GoString *s, const GoString *sub) {
    int64_t n = SN(sub);
    if (n == 0)
        return 0;
    if (n > SN(s))
        return -1;
    const char *p = memmem(SP(s), (size_t)SN(s), SP(sub), (size_t)n);
    return p ? p - SP(s) : -1;
}

static int64_t last_index_of(const GoString *s, const GoString *sub) {
    int64_t n = SN(sub), len = SN(s);
    if (n == 0)
        return len;
    if (n == 1) {
        const char *p = memrchr(SP(s), SP(sub)[0], (size_t)len);
        return p ? p - SP(s) : -1;
    }
    for (int64_t i = len - n; i >= 0; i--)
        if (SP(s)[i] == SP(sub)[0] && memcmp(SP(s) + i, SP(sub), (size_t)n) == 0)
            return i;
    return -1;
}

// Non-overlapping occurrences of [sub]; an empty sub counts runes + 1, as Go.
static int64_t count_of(const GoString *s, const GoString *sub) {
    if (SN(sub) == 0)
        return utf8_count((const uint8_t *)SP(s), SN(s)) + 1;
    int64_t n = 0, i = 0, len = SN(s), m = SN(sub);
    while (i + m <= len) {
        const char *p = memmem(SP(s) + i, (size_t)(len - i), SP(sub), (size_t)m);
        if (!p)
            break;
        n++;
        i = (p - SP(s)) + m;
    }
    return n;
}

static RtStatus nat_index(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = index_of(a[0].p, a[1].p);
    return RT_OK;
}

static RtStatus nat_last_index(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = last_index_of(a[0].p, a[1].p);
    return RT_OK;
}

static RtStatus nat_index_byte(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p;
    const char *p = memchr(SP(s), (int)(a[1].u & 0xFF), (size_t)SN(s));
    res[0].i = p ? p - SP(s) : -1;
    return RT_OK;
}

static RtStatus nat_last_index_byte(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p;
    const char *p = memrchr(SP(s), (int)(a[1].u & 0xFF), (size_t)SN(s));
    res[0].i = p ? p - SP(s) : -1;
    return RT_OK;
}

static RtStatus nat_count(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = count_of(a[0].p, a[1].p);
    return RT_OK;
}

// ---- rune sets (IndexAny, Trim's cutset): runes decoded with invalid bytes as U+FFFD ----

typedef struct RuneSet {
    uint32_t ascii[4];
    const GoString *chars; // for non-ASCII membership
    bool has_non_ascii;
} RuneSet;

static void runeset_init(RuneSet *rs, const GoString *chars) {
    memset(rs, 0, sizeof *rs);
    rs->chars = chars;
    for (int64_t i = 0; i < SN(chars); i++) {
        uint8_t c = (uint8_t)SP(chars)[i];
        if (c < 0x80)
            rs->ascii[c >> 5] |= 1u << (c & 31);
        else
            rs->has_non_ascii = true;
    }
}

static bool runeset_has(const RuneSet *rs, int32_t r) {
    if (r >= 0 && r < 0x80)
        return rs->ascii[r >> 5] & (1u << (r & 31));
    if (!rs->has_non_ascii)
        return false;
    const uint8_t *p = (const uint8_t *)SP(rs->chars);
    int64_t n = SN(rs->chars);
    for (int64_t i = 0; i < n;) {
        int32_t c;
        i += utf8_decode(p + i, n - i, &c);
        if (c == r)
            return true;
    }
    return false;
}

// Byte index of the first (or last) rune of [s] in [chars], or -1.
static int64_t index_any(const GoString *s, const GoString *chars, bool last) {
    if (SN(chars) == 0)
        return -1;
    RuneSet rs;
    runeset_init(&rs, chars);
    const uint8_t *p = (const uint8_t *)SP(s);
    int64_t n = SN(s);
    int32_t r;
    if (!last) {
        for (int64_t i = 0; i < n;) {
            int w = utf8_decode(p + i, n - i, &r);
            if (runeset_has(&rs, r))
                return i;
            i += w;
        }
        return -1;
    }
    for (int64_t i = n; i > 0;) {
        i -= utf8_decode_last(p, i, &r);
        if (runeset_has(&rs, r))
            return i;
    }
    return -1;
}

static RtStatus nat_index_any(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = index_any(a[0].p, a[1].p, false);
    return RT_OK;
}

static RtStatus nat_last_index_any(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = index_any(a[0].p, a[1].p, true);
    return RT_OK;
}

// ---- splitting and joining ----

static GoSlice *new_strings(int64_t len, int64_t cap) {
    return slice_make(types_basic[K_STRING], len, cap);
}

// explode: one string per UTF-8 sequence (an invalid byte as "\uFFFD"), at most n (n < 0:
// all); the last holds the rest of s as is.
static GoSlice *explode(GoString *s, int64_t n) {
    const uint8_t *p = (const uint8_t *)SP(s);
    int64_t len = SN(s), l = utf8_count(p, len);
    if (n < 0 || n > l)
        n = l;
    GoSlice *a = new_strings(n, n);
    int64_t off = 0;
    for (int64_t i = 0; i < n - 1; i++) {
        int32_t r;
        int w = utf8_decode(p + off, len - off, &r);
        a->ptr[i].p = r == UTF8_RUNE_ERROR ? str_from_rune(r) : str_slice(s, off, off + w);
        off += w;
    }
    if (n > 0)
        a->ptr[n - 1].p = str_slice(s, off, len);
    return a;
}

// genSplit(s, sep string, sepSave, n int) []string: Go's genSplit, capacity included.
static RtStatus nat_gen_split(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p, *sep = a[1].p;
    int64_t save = a[2].i, n = a[3].i;
    if (n == 0) {
        res[0].p = NULL;
        return RT_OK;
    }
    if (SN(sep) == 0) {
        res[0].p = explode(s, n);
        return RT_OK;
    }
    if (n < 0)
        n = count_of(s, sep) + 1;
    if (n > SN(s) + 1)
        n = SN(s) + 1;
    GoSlice *out = new_strings(n, n);
    int64_t i = 0, off = 0;
    while (i < n - 1) {
        GoString rest = {SN(s) - off, SP(s) + off};
        int64_t m = index_of(&rest, sep);
        if (m < 0)
            break;
        out->ptr[i++].p = str_slice(s, off, off + m + save);
        off += m + SN(sep);
    }
    out->ptr[i].p = str_slice(s, off, SN(s));
    out->len = i + 1;
    res[0].p = out;
    return RT_OK;
}

// Fields(s string) []string: runs of non-space runes (unicode.IsSpace), cap == len.
static RtStatus nat_fields(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p;
    const uint8_t *p = (const uint8_t *)SP(s);
    int64_t len = SN(s), n = 0;
    bool was_space = true;
    for (int64_t i = 0; i < len;) {
        int32_t r;
        i += utf8_decode(p + i, len - i, &r);
        bool sp = unitab_is_space(r);
        n += was_space && !sp;
        was_space = sp;
    }
    GoSlice *out = new_strings(n, n);
    int64_t k = 0, start = -1;
    for (int64_t i = 0; i < len;) {
        int32_t r;
        int w = utf8_decode(p + i, len - i, &r);
        if (unitab_is_space(r)) {
            if (start >= 0)
                out->ptr[k++].p = str_slice(s, start, i);
            start = -1;
        } else if (start < 0) {
            start = i;
        }
        i += w;
    }
    if (start >= 0)
        out->ptr[k].p = str_slice(s, start, len);
    res[0].p = out;
    return RT_OK;
}

// Join(elems []string, sep string) string
static RtStatus nat_join(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *e = a[0].p;
    GoString *sep = a[1].p;
    int64_t n = slice_len(e);
    if (n == 0) {
        res[0].p = NULL;
        return RT_OK;
    }
    if (n == 1) {
        res[0].p = e->ptr[0].p;
        return RT_OK;
    }
    Buf b = {0};
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            buf_put_gostr(&b, sep);
        buf_put_gostr(&b, e->ptr[i].p);
    }
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

// Repeat(s string, count int) string, with Go's panics.
static RtStatus nat_repeat(G *g, Slot *a, Slot *res) {
    GoString *s = a[0].p;
    int64_t count = a[1].i, len = SN(s);
    res[0].p = NULL;
    if (count == 0)
        return RT_OK;
    if (count < 0)
        return rt_panic_str(g, "strings: negative Repeat count");
    if (len > INT64_MAX / count)
        return rt_panic_str(g, "strings: Repeat output length overflow");
    int64_t n = len * count;
    if (n == 0)
        return RT_OK;
    if (n > GO_MAX_ALLOC) // Go's Builder.Grow makes the []byte
        return rt_panic_runtime(g, "makeslice: len out of range");
    char *out = gc_alloc_atomic((size_t)n);
    memcpy(out, SP(s), (size_t)len);
    for (int64_t have = len; have < n;) {
        int64_t k = have <= n - have ? have : n - have;
        memcpy(out + have, out, (size_t)k);
        have += k;
    }
    res[0].p = str_wrap(out, n);
    return RT_OK;
}

// Replace(s, old, new string, n int) string
static RtStatus nat_replace(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p, *old = a[1].p, *new_ = a[2].p;
    int64_t n = a[3].i;
    res[0].p = s;
    if (str_eq(old, new_) || n == 0)
        return RT_OK;
    int64_t m = count_of(s, old);
    if (m == 0)
        return RT_OK;
    if (n < 0 || m < n)
        n = m;
    Buf b = {0};
    int64_t start = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t j = start;
        if (SN(old) == 0) {
            if (i > 0) {
                int32_t r;
                j += utf8_decode((const uint8_t *)SP(s) + start, SN(s) - start, &r);
            }
        } else {
            GoString rest = {SN(s) - start, SP(s) + start};
            j += index_of(&rest, old);
        }
        buf_put(&b, SP(s) + start, (size_t)(j - start));
        buf_put_gostr(&b, new_);
        start = j + SN(old);
    }
    buf_put(&b, SP(s) + start, (size_t)(SN(s) - start));
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

// ---- trimming ----

// Trimmed bounds of [s]: runes in [set] (or spaces when set is NULL) removed from the
// left and/or right.
static GoString *trim(GoString *s, const RuneSet *set, bool left, bool right) {
    const uint8_t *p = (const uint8_t *)SP(s);
    int64_t lo = 0, hi = SN(s);
    int32_t r;
    while (left && lo < hi) {
        int w = utf8_decode(p + lo, hi - lo, &r);
        if (set ? !runeset_has(set, r) : !unitab_is_space(r))
            break;
        lo += w;
    }
    while (right && lo < hi) {
        int w = utf8_decode_last(p + lo, hi - lo, &r);
        if (set ? !runeset_has(set, r) : !unitab_is_space(r))
            break;
        hi -= w;
    }
    if (lo == 0 && hi == SN(s))
        return s;
    return str_slice(s, lo, hi);
}

static RtStatus trim_cutset(Slot *a, Slot *res, bool left, bool right) {
    GoString *s = a[0].p, *cutset = a[1].p;
    if (SN(s) == 0 || SN(cutset) == 0) {
        res[0].p = s;
        return RT_OK;
    }
    RuneSet rs;
    runeset_init(&rs, cutset);
    res[0].p = trim(s, &rs, left, right);
    return RT_OK;
}

static RtStatus nat_trim(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    return trim_cutset(a, res, true, true);
}

static RtStatus nat_trim_left(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    return trim_cutset(a, res, true, false);
}

static RtStatus nat_trim_right(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    return trim_cutset(a, res, false, true);
}

static RtStatus nat_trim_space(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].p = trim(a[0].p, NULL, true, true);
    return RT_OK;
}

// ---- case ----

// caseMap(s string, c int) string: ToUpper (c 0), ToLower (1), ToTitle (2) as Go's
// Map(unicode.ToX, s): unchanged input is returned as is; once anything changes (or an
// invalid byte is met), invalid bytes become U+FFFD.
static RtStatus nat_case_map(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[0].p;
    int c = (int)a[1].i;
    const uint8_t *p = (const uint8_t *)SP(s);
    int64_t n = SN(s), i = 0;
    int32_t r;
    while (i < n) {
        int w = utf8_decode(p + i, n - i, &r);
        if ((r == UTF8_RUNE_ERROR && w == 1) || unitab_to(c, r) != r)
            break;
        i += w;
    }
    if (i == n) {
        res[0].p = s;
        return RT_OK;
    }
    Buf b = {0};
    buf_reserve(&b, (size_t)n + UTF8_MAX);
    buf_put(&b, (const char *)p, (size_t)i);
    while (i < n) {
        i += utf8_decode(p + i, n - i, &r);
        uint8_t enc[UTF8_MAX];
        buf_put(&b, (const char *)enc, (size_t)utf8_encode(enc, unitab_to(c, r)));
    }
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

// EqualFold(s, t string) bool: Go's loop over SimpleFold orbits.
static RtStatus nat_equal_fold(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const uint8_t *s = (const uint8_t *)SP((GoString *)a[0].p);
    const uint8_t *t = (const uint8_t *)SP((GoString *)a[1].p);
    int64_t sn = SN((GoString *)a[0].p), tn = SN((GoString *)a[1].p);
    res[0].i = 0;
    while (sn > 0 && tn > 0) {
        int32_t sr, tr;
        int w = utf8_decode(s, sn, &sr);
        s += w, sn -= w;
        w = utf8_decode(t, tn, &tr);
        t += w, tn -= w;
        if (sr == tr)
            continue;
        if (tr < sr) {
            int32_t x = tr;
            tr = sr, sr = x;
        }
        if (tr < 0x80) {
            if ('A' <= sr && sr <= 'Z' && tr == sr + 'a' - 'A')
                continue;
            return RT_OK;
        }
        int32_t r = unitab_simple_fold(sr);
        while (r != sr && r < tr)
            r = unitab_simple_fold(r);
        if (r != tr)
            return RT_OK;
    }
    res[0].i = sn == 0 && tn == 0;
    return RT_OK;
}

static const NativeEntry strings_natives[] = {
    {"strings.Index", nat_index},
    {"strings.LastIndex", nat_last_index},
    {"strings.IndexByte", nat_index_byte},
    {"strings.LastIndexByte", nat_last_index_byte},
    {"strings.Count", nat_count},
    {"strings.IndexAny", nat_index_any},
    {"strings.LastIndexAny", nat_last_index_any},
    {"strings.genSplit", nat_gen_split},
    {"strings.Fields", nat_fields},
    {"strings.Join", nat_join},
    {"strings.Repeat", nat_repeat},
    {"strings.Replace", nat_replace},
    {"strings.Trim", nat_trim},
    {"strings.TrimLeft", nat_trim_left},
    {"strings.TrimRight", nat_trim_right},
    {"strings.TrimSpace", nat_trim_space},
    {"strings.caseMap", nat_case_map},
    {"strings.EqualFold", nat_equal_fold},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(strings_natives)
