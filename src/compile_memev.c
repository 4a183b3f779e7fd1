// Shared-memory event instrumentation (runtime/memevent.h): when memevent_enabled, every
// instruction flagged F_MEM gets an OP_MEMEV before it naming a source site (position and a
// description of the variable, rendered from the expression being compiled). A plain run
// never reaches this file's emitting path, so its bytecode is unchanged.
#include "compile_int.h"

#include <stdlib.h>

#include "../runtime/buf.h"
#include "../runtime/memevent.h"

// Render [e] as the variable it denotes ("count", "acct.Balance", "data[i]", "*p").
static void render(Buf *b, const Expr *e, int depth) {
    if (!e || depth > 8 || b->len > 80) {
        buf_printf(b, "...");
        return;
    }
    switch (e->kind) {
    case E_IDENT: buf_printf(b, "%s", e->name); return;
    case E_INTLIT:
    case E_RUNELIT:
    case E_STRINGLIT: buf_printf(b, "%s", e->lit); return;
    case E_PAREN:
        buf_putc(b, '(');
        render(b, e->x, depth + 1);
        buf_putc(b, ')');
        return;
    case E_SELECTOR:
        render(b, e->x, depth + 1);
        buf_printf(b, ".%s", e->name);
        return;
    case E_INDEX:
        render(b, e->x, depth + 1);
        if (e->x->tv && e->x->tv->under && e->x->tv->under->kind == K_MAP)
            return; // a map is one location
        buf_putc(b, '[');
        if (e->y && (e->y->kind == E_IDENT || e->y->kind == E_INTLIT))
            render(b, e->y, depth + 1);
        else
            buf_printf(b, "...");
        buf_putc(b, ']');
        return;
    case E_STAR:
        buf_putc(b, '*');
        render(b, e->x, depth + 1);
        return;
    case E_CALL:
        render(b, e->x, depth + 1);
        buf_printf(b, "()");
        return;
    default: buf_printf(b, "..."); return;
    }
}

static char *describe(const Expr *e) {
    if (!e)
        return NULL;
    Buf b = {0};
    render(&b, e, 0);
    char *s = malloc(b.len + 1); // lives as long as the site table (forever)
    if (!s)
        return NULL;
    memcpy(s, b.data, b.len);
    s[b.len] = 0;
    return s;
}

void comp_memev_before(FuncState *fs, int op) {
    if (!memevent_enabled || !(op_flags[op] & F_MEM))
        return;
    if (!fs->site || fs->site_expr != fs->access_expr || fs->site_pos.off != fs->pos.off ||
        fs->site_pos.file != fs->pos.file) {
        fs->site = memevent_site_add(fs->pos, describe(fs->access_expr));
        fs->site_expr = fs->access_expr;
        fs->site_pos = fs->pos;
    }
    comp_emit_bx(fs, OP_MEMEV, 0, fs->site);
}

void comp_memev_finish(FuncState *fs, Proto *p) {
    if (!memevent_enabled)
        return;
    for (int i = 0; i < fs->code.n; i++)
        if (fs->code.v[i].op == OP_MEMEV)
            memevent_site_set_func(fs->code.v[i].bx, p->name);
}
