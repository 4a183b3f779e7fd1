// Compile-error collection and printing with the Go compiler's rules (cmd/compile/internal/
// base/print.go): at most one "syntax error" per line, equal messages on one line reported
// once, output sorted by position, and after the 10th error a final "pos: too many errors"
// naming the 10th error's position (errors reported after the 10th are not printed).
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"

#define DIAG_MAX 10

static bool same_line(Pos a, Pos b) {
    if (a.file != b.file)
        return false;
    int la, ca, lb, cb;
    pos_line_col(a, &la, &ca);
    pos_line_col(b, &lb, &cb);
    return la == lb;
}

static bool is_syntax(const char *text) {
    return strncmp(text, "syntax error", 12) == 0;
}

// Go's filters (base.ErrorfAt): a syntax error on the line of the last syntax error, or a
// message equal to the last other error's on its line, is dropped; so is an exact repeat
// (same position and text: FlushErrors prints one of them).
static bool is_redundant(const Diag *d, Pos pos, const char *text) {
    if (is_syntax(text) && d->last_syntax)
        return same_line(d->msgs.v[d->last_syntax - 1].pos, pos);
    if (!is_syntax(text) && d->last_other) {
        const DiagMsg *last = &d->msgs.v[d->last_other - 1];
        if (same_line(last->pos, pos) && strcmp(last->text, text) == 0)
            return true;
    }
    for (int i = 0; i < d->msgs.n; i++)
        if (d->msgs.v[i].pos.file == pos.file && d->msgs.v[i].pos.off == pos.off &&
            strcmp(d->msgs.v[i].text, text) == 0)
            return true;
    return false;
}

static void record(Diag *d, Pos pos, const char *text, bool alone) {
    if (is_redundant(d, pos, text))
        return;
    DiagMsg m = {pos, (char *)text, d->msgs.n, alone};
    vec_push(&d->msgs, m);
    if (is_syntax(text))
        d->last_syntax = d->msgs.n;
    else if (!alone)
        d->last_other = d->msgs.n;
}

void diag_error(Diag *d, Pos pos, const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    record(d, pos, buf_cstr(&b), false);
}

void diag_error_alone(Diag *d, Pos pos, const char *text) {
    record(d, pos, gc_strdup(text), true);
}

int diag_count(const Diag *d) {
    return d->msgs.n;
}

static int cmp_msg(const void *a, const void *b) {
    const DiagMsg *x = a, *y = b;
    if (x->pos.file != y->pos.file)
        return x->pos.file < y->pos.file ? -1 : 1;
    if (x->pos.off != y->pos.off)
        return x->pos.off < y->pos.off ? -1 : 1;
    return x->seq - y->seq;
}

void diag_print_msgs(DiagMsg *msgs, int n, FILE *out) {
    qsort(msgs, (size_t)n, sizeof(DiagMsg), cmp_msg);
    char where[512];
    for (int i = 0; i < n; i++)
        if (msgs[i].pos.file) // (the linker's message has no position: POS_NONE)
            fprintf(out, "%s: %s\n", pos_format(msgs[i].pos, where, sizeof where), msgs[i].text);
        else
            fprintf(out, "%s\n", msgs[i].text);
}

int diag_print(Diag *d, FILE *out) {
    bool others = false;
    for (int i = 0; i < d->msgs.n; i++)
        others |= !d->msgs.v[i].alone;
    DiagMsg *kept = gc_alloc((size_t)(d->msgs.n ? d->msgs.n : 1) * sizeof(DiagMsg));
    int nkept = 0, nalone = 0;
    for (int i = 0; i < d->msgs.n; i++) { // in the order reported
        const DiagMsg *m = &d->msgs.v[i];
        if (!m->alone || (!others && nalone++ == 0))
            kept[nkept++] = *m;
    }
    int n = nkept < DIAG_MAX ? nkept : DIAG_MAX;
    Pos last = n ? kept[n - 1].pos : POS_NONE; // (sorting below reorders kept)
    diag_print_msgs(kept, n, out);
    if (nkept >= DIAG_MAX) {
        char where[512];
        fprintf(out, "%s: too many errors\n", pos_format(last, where, sizeof where));
    }
    return n;
}

void diag_clear(Diag *d) {
    d->msgs.n = 0;
    d->syntax = false;
    d->last_syntax = d->last_other = 0;
}
