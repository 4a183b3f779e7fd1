// The checker's part of //go:embed (embed.h): a variable's type must be a string, a byte
// slice or embed.FS (Go's messages otherwise), and its placeholder value becomes the
// conversion T("contents") or the literal embed.FS{index, blob} that initializes it.
#include "../runtime/buf.h"
#include "check_int.h"
#include "embed.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// [n] bytes at [p] as a Go double-quoted literal (printable ASCII kept, the rest escaped).
static void quote(Buf *b, const char *p, int64_t n) {
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    for (int64_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch == '"' || ch == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)ch);
        } else if (ch == '\n') {
            buf_puts(b, "\\n");
        } else if (ch >= 0x20 && ch < 0x7f) {
            buf_putc(b, (char)ch);
        } else {
            buf_puts(b, "\\x");
            buf_putc(b, hex[ch >> 4]);
            buf_putc(b, hex[ch & 15]);
        }
    }
    buf_putc(b, '"');
}

static Expr *string_lit(Pos pos, const char *p, int64_t n) {
    Buf b = {0};
    quote(&b, p, n);
    Expr *e = ast_expr(E_STRINGLIT, pos);
    e->lit = buf_cstr(&b);
    e->start = e->end = pos;
    return e;
}

// embed.FS's entries: every file and every directory above one, named as Go's embed
// names them ("a/b.txt", "a/"), in its order: by directory, then by base name.
typedef struct Entry {
    const char *name, *dir, *elem;
    int file; // index in EmbedData, -1 for a directory
} Entry;

static void split(Entry *e) {
    size_t n = strlen(e->name);
    if (n && e->name[n - 1] == '/')
        n--;
    size_t i = n;
    while (i > 0 && e->name[i - 1] != '/')
        i--;
    char *dir = gc_alloc_atomic(i + 2), *elem = gc_alloc_atomic(n - i + 1);
    if (i == 0)
        strcpy(dir, ".");
    else {
        memcpy(dir, e->name, i - 1);
        dir[i - 1] = 0;
    }
    memcpy(elem, e->name + i, n - i);
    elem[n - i] = 0;
    e->dir = dir;
    e->elem = elem;
}

static int cmp_entry(const void *a, const void *b) {
    const Entry *x = a, *y = b;
    int c = strcmp(x->dir, y->dir);
    return c ? c : strcmp(x->elem, y->elem);
}

static bool has_entry(const Entry *v, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].name, name) == 0)
            return true;
    return false;
}

// The index and blob strings of an embed.FS holding [e]'s files (runtime/pkg/embed.go
// reads them): one "name\0offset length\n" line per entry, length -1 for a directory.
static void fs_strings(EmbedData *e, Pos pos, Expr **index, Expr **blob) {
    int cap = e->nfiles * 8 + 8, n = 0;
    Entry *v = gc_alloc(sizeof *v * (size_t)cap);
    for (int i = 0; i < e->nfiles; i++) {
        const char *name = e->names[i];
        for (const char *s = strchr(name, '/'); s; s = strchr(s + 1, '/')) {
            char *dir = gc_alloc_atomic((size_t)(s - name) + 2);
            memcpy(dir, name, (size_t)(s - name) + 1);
            dir[s - name + 1] = 0;
            if (!has_entry(v, n, dir) && n < cap)
                v[n++] = (Entry){dir, NULL, NULL, -1};
        }
        if (n < cap)
            v[n++] = (Entry){name, NULL, NULL, i};
    }
    for (int i = 0; i < n; i++)
        split(&v[i]);
    qsort(v, (size_t)n, sizeof *v, cmp_entry);
    Buf ib = {0}, bb = {0};
    for (int i = 0; i < n; i++) {
        char num[64];
        buf_puts(&ib, v[i].name);
        buf_putc(&ib, 0);
        if (v[i].file < 0) {
            snprintf(num, sizeof num, "0 -1\n");
        } else {
            snprintf(num, sizeof num, "%zu %lld\n", bb.len, (long long)e->lens[v[i].file]);
            buf_put(&bb, e->data[v[i].file], (size_t)e->lens[v[i].file]);
        }
        buf_puts(&ib, num);
    }
    *index = string_lit(pos, ib.data ? ib.data : "", (int64_t)ib.len);
    *blob = string_lit(pos, bb.data ? bb.data : "", (int64_t)bb.len);
}

static bool is_embed_fs(Type *t) {
    return t->obj && t->pkg && t->name && strcmp(t->name, "FS") == 0 &&
           strcmp(t->pkg->path, "embed") == 0;
}

bool check_embed_var(Checker *c, Spec *s) {
    Type *t = check_type(c, s->type);
    if (!t || t == INVALID_TYPE)
        return false;
    EmbedData *e = s->embed;
    Pos at = s->names.v[0]->pos;
    Expr *v = s->values.v[0];
    if (is_embed_fs(t)) {
        Expr *index, *blob;
        fs_strings(e, at, &index, &blob);
        v->kind = E_COMPOSITE;
        v->type = s->type;
        v->args = (ExprVec){0};
        vec_push(&v->args, index);
        vec_push(&v->args, blob);
        v->lbrace = v->rbrace = at;
        v->embed_init = true;
        return true;
    }
    bool bytes = t->kind == K_SLICE && check_under(t)->elem->kind == K_UINT8;
    e->err_pos = at;
    if (t->kind != K_STRING && !bytes) {
        e->err = check_sprintf("go:embed cannot apply to var of type %s", ast_expr_str(s->type));
        return false;
    }
    if (e->nfiles != 1) {
        e->err =
            check_sprintf("invalid go:embed: multiple files for type %s", ast_expr_str(s->type));
        e->err_stops = true;
        return false;
    }
    v->kind = E_CALL;
    v->x = s->type;
    v->args = (ExprVec){0};
    vec_push(&v->args, string_lit(at, e->data[0], e->lens[0]));
    v->end = at;
    return true;
}

// Report [files]' waiting errors of one phase; returns how many (and sets *[stop] after an
// error Go stops at).
static int report_files(const FileVec *files, Diag *d, bool types, bool *stop) {
    int n = 0;
    for (int i = 0; i < files->n; i++) {
        File *f = files->v[i];
        if (!types && f->embed_errs) {
            for (int k = 0; k < f->embed_errs->v.n; k++, n++)
                diag_error(d, f->embed_errs->v.v[k].pos, "%s", f->embed_errs->v.v[k].msg);
            continue;
        }
        for (int k = 0; types && k < f->decls.n; k++) {
            Decl *dc = f->decls.v[k];
            for (int j = 0; dc->kind == D_VAR && j < dc->specs.n && !*stop; j++) {
                EmbedData *e = dc->specs.v[j]->embed;
                if (e && e->err) {
                    diag_error(d, e->err_pos, "%s", e->err);
                    n++;
                    *stop = e->err_stops;
                }
            }
        }
    }
    return n;
}

void check_embed_report(const Program *prog, Diag *d) {
    bool stop = false;
    for (int phase = 0; phase < 2 && !diag_count(d); phase++) {
        int n = 0;
        for (int i = 0; i < prog->pkgs.n && !stop; i++) // dependencies first
            n += report_files(&prog->pkgs.v[i]->files, d, phase == 1, &stop);
        if (!stop)
            n += report_files(&prog->files, d, phase == 1, &stop);
        if (n)
            return;
    }
}
