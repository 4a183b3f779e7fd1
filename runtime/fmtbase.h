// The raw formatter of Go's fmt (fmt/format.go): padding, integers, floats, strings, quoted
// strings and characters under width/precision/flags. It knows nothing about types or
// arguments; the printer (format.c) chooses what to call. Output is appended to [buf].
#ifndef GOL_FMTBASE_H
#define GOL_FMTBASE_H

#include "buf.h"

// Flags of one verb. plus_v / sharp_v are %+v / %#v (then plus / sharp are cleared).
typedef struct FmtFlags {
    bool wid_present, prec_present, minus, plus, sharp, space, zero;
    bool plus_v, sharp_v;
} FmtFlags;

typedef struct Fmt {
    Buf *buf;
    FmtFlags fl;
    int wid, prec; // valid when fl.wid_present / fl.prec_present; never negative
} Fmt;

extern const char fmtb_ldigits[]; // "0123456789abcdefx"
extern const char fmtb_udigits[]; // "0123456789ABCDEFX"

// [n] bytes of padding (zeros under the 0 flag, else spaces).
void fmtb_write_padding(Fmt *f, int n);
// Append [s] padded to the width (counted in runes) on the left, or right under '-'.
void fmtb_pad(Fmt *f, const char *s, size_t n);
void fmtb_pad_str(Fmt *f, const char *s);
void fmtb_boolean(Fmt *f, bool v);
// %U: "U+0078", or "U+0078 'x'" under '#'.
void fmtb_unicode(Fmt *f, uint64_t u);
// Integers in [base] 2/8/10/16 with [digits] (ldigits or udigits); [verb] 'O' adds "0o".
void fmtb_integer(Fmt *f, uint64_t u, int base, bool is_signed, int verb, const char *digits);
// %s of a string or byte slice: truncated to the precision (in runes), padded.
void fmtb_s(Fmt *f, const char *s, size_t n);
// %x / %X of a string or byte slice ([digits] as for integers).
void fmtb_sbx(Fmt *f, const char *s, size_t n, const char *digits);
// %q of a string: Go-quoted (ASCII-only under '+'), or backquoted under '#' when possible.
void fmtb_q(Fmt *f, const char *s, size_t n);
// %c and %q of an integer (invalid code points print U+FFFD).
void fmtb_c(Fmt *f, uint64_t c);
void fmtb_qc(Fmt *f, uint64_t c);
// Floats: [verb] is a strconv format ('b' 'e' 'E' 'f' 'g' 'G' 'x' 'X'), [prec] the default
// precision (overridden by an explicit one), [size] 32 or 64.
void fmtb_float(Fmt *f, double v, int size, int verb, int prec);

#endif
