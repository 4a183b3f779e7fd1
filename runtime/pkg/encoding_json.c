// Natives of encoding/json (runtime/pkg/encoding_json.go): the validating scanner. It reads
// one JSON value by recursive descent and reports a syntax error with the context and
// offset Go's state-machine scanner (encoding/json/scanner.go) would give: "invalid
// character 'x' looking for beginning of value" at offset = index of the byte + 1. In
// stream mode (Decoder) running out of input is "incomplete", so the caller reads more.
#include "native.h"
#include "pkgutil.h"

enum { MAX_DEPTH = 10000 }; // Go's maxNestingDepth

typedef struct Scan {
    const Slot *s; // []byte elements, one byte per slot
    int64_t n, i;
    bool at_eof;     // a number may end at the end of the input
    bool whole;      // the input is a whole document (not a stream): at its end, states
                     // that a space could not continue fail as Go's scanner.eof() does
    bool incomplete; // ran out of input
    const char *ctx; // error context, NULL while fine
    int c;           // the offending byte
    int64_t off;     // Go's SyntaxError.Offset
} Scan;

static int at(const Scan *sc) {
    return (int)(sc->s[sc->i].u & 0xff);
}

static bool fail(Scan *sc, const char *ctx) {
    sc->ctx = ctx;
    sc->c = at(sc);
    sc->off = sc->i + 1;
    return false;
}

// More input available at i? Otherwise the value is incomplete.
static bool more(Scan *sc) {
    if (sc->i < sc->n)
        return true;
    sc->incomplete = true;
    return false;
}

// Like more(), but where Go's scanner would reject a space, the end of a whole document is
// that error ("in literal true (expecting 'r')" at offset len(data)).
static bool more_or(Scan *sc, const char *ctx) {
    if (sc->i < sc->n)
        return true;
    if (!sc->whole)
        return more(sc);
    sc->ctx = ctx;
    sc->c = ' ';
    sc->off = sc->n;
    return false;
}

static void skip_space(Scan *sc) {
    while (sc->i < sc->n) {
        int c = at(sc);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return;
        sc->i++;
    }
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_hex(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool scan_value(Scan *sc, int depth);

static bool scan_string(Scan *sc) {
    sc->i++; // opening quote
    for (;;) {
        if (!more(sc))
            return false;
        int c = at(sc);
        if (c == '"') {
            sc->i++;
            return true;
        }
        if (c < 0x20)
            return fail(sc, "in string literal");
        sc->i++;
        if (c != '\\')
            continue;
        if (!more_or(sc, "in string escape code"))
            return false;
        c = at(sc);
        if (c == 'u') {
            sc->i++;
            for (int k = 0; k < 4; k++) {
                if (!more_or(sc, "in \\u hexadecimal character escape"))
                    return false;
                if (!is_hex(at(sc)))
                    return fail(sc, "in \\u hexadecimal character escape");
                sc->i++;
            }
        } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' ||
                   c == 'r' || c == 't') {
            sc->i++;
        } else {
            return fail(sc, "in string escape code");
        }
    }
}

// At the end of the input a number is complete only when the input has ended for good.
static bool number_end(Scan *sc) {
    if (sc->i == sc->n && !sc->at_eof) {
        sc->incomplete = true;
        return false;
    }
    return true;
}

static void digits(Scan *sc) {
    while (sc->i < sc->n && is_digit(at(sc)))
        sc->i++;
}

static bool scan_number(Scan *sc) {
    if (at(sc) == '-') {
        sc->i++;
        if (!more_or(sc, "in numeric literal"))
            return false;
        if (!is_digit(at(sc)))
            return fail(sc, "in numeric literal");
    }
    if (at(sc) == '0')
        sc->i++;
    else
        digits(sc);
    if (!number_end(sc))
        return false;
    if (sc->i < sc->n && at(sc) == '.') {
        sc->i++;
        if (!more_or(sc, "after decimal point in numeric literal"))
            return false;
        if (!is_digit(at(sc)))
            return fail(sc, "after decimal point in numeric literal");
        digits(sc);
        if (!number_end(sc))
            return false;
    }
    if (sc->i < sc->n && (at(sc) == 'e' || at(sc) == 'E')) {
        sc->i++;
        if (!more_or(sc, "in exponent of numeric literal"))
            return false;
        if (at(sc) == '+' || at(sc) == '-') {
            sc->i++;
            if (!more_or(sc, "in exponent of numeric literal"))
                return false;
        }
        if (!is_digit(at(sc)))
            return fail(sc, "in exponent of numeric literal");
        digits(sc);
        if (!number_end(sc))
            return false;
    }
    return true;
}

static bool scan_literal(Scan *sc, const char *word) {
    static const char *ctx[] = {
        "in literal true (expecting 'r')", "in literal true (expecting 'u')",
        "in literal true (expecting 'e')", "in literal false (expecting 'a')",
        "in literal false (expecting 'l')", "in literal false (expecting 's')",
        "in literal false (expecting 'e')", "in literal null (expecting 'u')",
        "in literal null (expecting 'l')", "in literal null (expecting 'l')",
    };
    int base = word[0] == 't' ? 0 : word[0] == 'f' ? 3 : 7;
    sc->i++;
    for (int k = 1; word[k]; k++) {
        if (!more_or(sc, ctx[base + k - 1]))
            return false;
        if (at(sc) != word[k])
            return fail(sc, ctx[base + k - 1]);
        sc->i++;
    }
    return true;
}

static bool scan_object(Scan *sc, int depth) {
    sc->i++;
    skip_space(sc);
    if (!more(sc))
        return false;
    if (at(sc) == '}') {
        sc->i++;
        return true;
    }
    for (;;) {
        if (at(sc) != '"')
            return fail(sc, "looking for beginning of object key string");
        if (!scan_string(sc))
            return false;
        skip_space(sc);
        if (!more(sc))
            return false;
        if (at(sc) != ':')
            return fail(sc, "after object key");
        sc->i++;
        if (!scan_value(sc, depth))
            return false;
        skip_space(sc);
        if (!more(sc))
            return false;
        if (at(sc) == '}') {
            sc->i++;
            return true;
        }
        if (at(sc) != ',')
            return fail(sc, "after object key:value pair");
        sc->i++;
        skip_space(sc);
        if (!more(sc))
            return false;
    }
}

static bool scan_array(Scan *sc, int depth) {
    sc->i++;
    skip_space(sc);
    if (!more(sc))
        return false;
    if (at(sc) == ']') {
        sc->i++;
        return true;
    }
    for (;;) {
        if (!scan_value(sc, depth))
            return false;
        skip_space(sc);
        if (!more(sc))
            return false;
        if (at(sc) == ']') {
            sc->i++;
            return true;
        }
        if (at(sc) != ',')
            return fail(sc, "after array element");
        sc->i++;
    }
}

static bool scan_value(Scan *sc, int depth) {
    skip_space(sc);
    if (!more(sc))
        return false;
    int c = at(sc);
    if ((c == '{' || c == '[') && depth >= MAX_DEPTH) {
        sc->ctx = "exceeded max depth";
        sc->c = c;
        sc->off = sc->i + 1;
        return false;
    }
    switch (c) {
    case '{':
        return scan_object(sc, depth + 1);
    case '[':
        return scan_array(sc, depth + 1);
    case '"':
        return scan_string(sc);
    case 't':
        return scan_literal(sc, "true");
    case 'f':
        return scan_literal(sc, "false");
    case 'n':
        return scan_literal(sc, "null");
    default:
        if (c == '-' || is_digit(c))
            return scan_number(sc);
        return fail(sc, "looking for beginning of value");
    }
}

// scanValue(data []byte, mode int) (end int, ctx string, c int, off int): one value from
// the start of data; mode 0: a stream with more input to come, 1: a stream at its end, 2: a
// whole document. end: index after it; -1 if data ends first (ctx ""); on a syntax error
// ctx is the context ("after array element"), c the byte (-1: no byte) and off the offset.
static RtStatus nat_scan_value(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = args[0].p;
    Scan sc = {.s = b ? b->ptr : NULL, .n = slice_len(b), .at_eof = args[1].i != 0,
               .whole = args[1].i == 2};
    bool ok = scan_value(&sc, 0);
    res[0].i = ok ? sc.i : -1;
    res[1].p = sc.ctx ? str_from_c(sc.ctx) : NULL;
    res[2].i = sc.c;
    res[3].i = sc.off;
    return RT_OK;
}

static const NativeEntry json_natives[] = {
    {"encoding/json.scanValue", nat_scan_value},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(json_natives)
