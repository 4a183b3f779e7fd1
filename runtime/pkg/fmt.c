// Natives of package fmt (runtime/pkg/fmt.go): the Print and Sprint families, Errorf's
// formatting and the scanner behind the Scan family. Each Print* call writes its whole text
// with one out_write_err, so output of different goroutines never interleaves within a call,
// and returns the errno of a failed write for fmt.go to turn into Go's error.
#include "rtype.h"
#include "buf.h"
#include "format.h"
#include "native.h"
#include "out.h"
#include "scan.h"

// The operands of a `...any` parameter: a slice of interface slots.
#define OPERANDS(s) ((s) ? ((GoSlice *)(s))->ptr : NULL), (int)slice_len(s)

// The buffer's bytes as a Go string (the buffer is not used again, so no copy).
static GoString *buf_string(Buf *b) {
    return b->len ? str_wrap(b->data, (int64_t)b->len) : NULL;
}

// The modes of printOut (fmt.go's printPlain, printLine, printFormat).
enum { PRINT_PLAIN, PRINT_LINE, PRINT_FORMAT };

// printOut(mode int, format string, a []any) (n int, errno int): formats as Print, Println
// or Printf and writes the text to standard output in one out_write_err.
static RtStatus nat_print_out(G *g, Slot *args, Slot *res) {
    Buf b = {0};
    RtStatus st = args[0].i == PRINT_FORMAT ? fmt_sprintf(g, &b, args[1].p, OPERANDS(args[2].p))
                  : args[0].i == PRINT_LINE ? fmt_sprintln(g, &b, OPERANDS(args[2].p))
                                            : fmt_sprint(g, &b, OPERANDS(args[2].p));
    if (st != RT_OK)
        return st;
    size_t written;
    res[1].i = out_write_err(1, b.data ? b.data : "", b.len, &written);
    res[0].i = (int64_t)written;
    return RT_OK;
}

static RtStatus nat_sprint(G *g, Slot *args, Slot *res) {
    Buf b = {0};
    RtStatus st = fmt_sprint(g, &b, OPERANDS(args[0].p));
    res[0].p = buf_string(&b);
    return st;
}

static RtStatus nat_sprintln(G *g, Slot *args, Slot *res) {
    Buf b = {0};
    RtStatus st = fmt_sprintln(g, &b, OPERANDS(args[0].p));
    res[0].p = buf_string(&b);
    return st;
}

static RtStatus nat_sprintf(G *g, Slot *args, Slot *res) {
    Buf b = {0};
    RtStatus st = fmt_sprintf(g, &b, args[0].p, OPERANDS(args[1].p));
    res[0].p = buf_string(&b);
    return st;
}

// errorf(format string, a []any) (string, []int)
static RtStatus nat_errorf(G *g, Slot *args, Slot *res) {
    Buf b = {0};
    int *wrapped, n;
    RtStatus st = fmt_errorf(g, &b, args[0].p, OPERANDS(args[1].p), &wrapped, &n);
    if (st != RT_OK)
        return st;
    res[0].p = buf_string(&b);
    GoSlice *idx = NULL;
    if (n > 0) {
        idx = slice_make(types_basic[K_INT], n, n);
        for (int i = 0; i < n; i++)
            idx->ptr[i].i = wrapped[i];
    }
    res[1].p = idx;
    return RT_OK;
}

// scan(r io.Reader, str string, isStr bool, mode int, format string, a []any, eof error)
//     (n int, code int, msg string, rerr error): code is a ScanErr (runtime/scan.h).
static RtStatus nat_scan(G *g, Slot *args, Slot *res) {
    ScanSource src = {.fd = -1, .eof = args[6].p};
    if (args[2].i) {
        src.is_str = true;
        src.str = args[1].p;
    } else if (args[0].p) {
        src.reader = args[0].p;
    } else {
        src.fd = 0;
    }
    GoSlice *a = args[5].p;
    ScanResult r = scan_run(g, &src, (ScanMode)args[3].i, args[4].p, OPERANDS(a));
    if (r.err == SCAN_PANIC)
        return RT_PANIC;
    res[0].i = r.n;
    res[1].i = r.err;
    res[2].p = r.msg;
    res[3].p = r.goerr;
    return RT_OK;
}

// registerFormat(f func(Formatter, int, int, bool, bool, string, rune) string)
static RtStatus nat_register_format(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    fmt_set_format_hook(args[0].p);
    return RT_OK;
}

static const NativeEntry fmt_natives[] = {
    {"fmt.printOut", nat_print_out},
    {"fmt.Sprint", nat_sprint},
    {"fmt.Sprintln", nat_sprintln},
    {"fmt.Sprintf", nat_sprintf},
    {"fmt.errorf", nat_errorf},
    {"fmt.scan", nat_scan},
    {"fmt.registerFormat", nat_register_format},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(fmt_natives)
