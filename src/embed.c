// //go:embed directives (embed.h): found in the source text, matched to the package-level
// `var` they precede (Go's noder rules and messages: "misplaced go:embed directive", "go:embed
// cannot apply to var inside func"...), and their patterns resolved as the go command's
// resolveEmbed does (glob, `all:`, directories walked without hidden files, Go's errors
// "pattern x: no matching files found"...). The files' contents are read here, once.
#include "embed.h"

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef VEC(const char *) NameVec;

// One //go:embed line: where "go:embed" starts, and its patterns with their offsets.
typedef struct Directive {
    uint32_t off;
    NameVec pats;
    VEC(uint32_t) pat_offs;
    const char *bad_quote; // the rest of the line from a quoted pattern that does not close
} Directive;

typedef VEC(Directive *) DirVec;

static char *dup_n(const char *s, size_t n) {
    char *r = gc_alloc_atomic(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

// Parse the patterns after "//go:embed" at [p] (go/build's parseGoEmbed: space-separated
// words, "double-quoted" with Go escapes not needed in file names, or `back-quoted`).
static void parse_patterns(Directive *dv, const char *text, const char *p, const char *eol) {
    while (p < eol) {
        while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p >= eol)
            break;
        const char *start = p;
        if (*p == '"' || *p == '`') {
            char q = *p++;
            const char *s = p;
            while (p < eol && *p != q)
                p += (*p == '\\' && q == '"' && p + 1 < eol) ? 2 : 1;
            if (p >= eol) {
                const char *e = eol;
                while (e > start && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
                    e--;
                dv->bad_quote = dup_n(start, (size_t)(e - start));
                return;
            }
            vec_push(&dv->pats, dup_n(s, (size_t)(p - s)));
            p++;
        } else {
            while (p < eol && *p != ' ' && *p != '\t' && *p != '\r')
                p++;
            vec_push(&dv->pats, dup_n(start, (size_t)(p - start)));
        }
        vec_push(&dv->pat_offs, (uint32_t)(start - text));
    }
}

// The directives of [text]: lines whose first non-blank bytes are "//go:embed" followed
// by a blank or the end of the line.
static DirVec find_directives(const char *text, uint32_t len) {
    DirVec v = {0};
    const char *end = text + len;
    for (const char *line = text; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *p = line;
        while (p < eol && (*p == ' ' || *p == '\t'))
            p++;
        if (eol - p >= 10 && memcmp(p, "//go:embed", 10) == 0 &&
            (p + 10 == eol || p[10] == ' ' || p[10] == '\t' || p[10] == '\r')) {
            Directive *dv = gc_alloc(sizeof *dv);
            dv->off = (uint32_t)(p + 2 - text);
            parse_patterns(dv, text, p + 10, eol);
            vec_push(&v, dv);
        }
        line = eol + 1;
    }
    return v;
}

// The offset of the first token at or after [off]: blanks and comments skipped.
static uint32_t next_token(const char *text, uint32_t len, uint32_t off) {
    while (off < len) {
        char ch = text[off];
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
            off++;
        } else if (ch == '/' && off + 1 < len && text[off + 1] == '/') {
            while (off < len && text[off] != '\n')
                off++;
        } else if (ch == '/' && off + 1 < len && text[off + 1] == '*') {
            const char *e = strstr(text + off + 2, "*/");
            off = e ? (uint32_t)(e - text) + 2 : len;
        } else {
            break;
        }
    }
    return off;
}

// ---- which declaration a directive belongs to ----

static bool block_has_var_at(Block *b, uint32_t off);

static bool stmt_has_var_at(Stmt *s, uint32_t off) {
    if (!s)
        return false;
    if (s->kind == S_DECL && s->decl && s->decl->kind == D_VAR) {
        if (s->decl->pos.off == off)
            return true;
        for (int i = 0; i < s->decl->specs.n; i++)
            if (s->decl->specs.v[i]->pos.off == off)
                return true;
    }
    return block_has_var_at(s->body, off) || stmt_has_var_at(s->init, off) ||
           stmt_has_var_at(s->els, off) || stmt_has_var_at(s->post, off) ||
           stmt_has_var_at(s->body_stmt, off);
}

static bool block_has_var_at(Block *b, uint32_t off) {
    for (int i = 0; b && i < b->stmts.n; i++)
        if (stmt_has_var_at(b->stmts.v[i], off))
            return true;
    return false;
}

// The package-level var spec a directive followed by the token at [off] applies to, or
// NULL; *[grouped] is set when that token opens a `var (` group (Go: misplaced).
static Spec *spec_at(File *f, const char *text, uint32_t off, bool *grouped) {
    *grouped = false;
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind != D_VAR)
            continue;
        if (d->pos.off == off) {
            uint32_t p = next_token(text, (uint32_t)strlen(text), off + 3);
            *grouped = text[p] == '(';
            return *grouped || d->specs.n == 0 ? NULL : d->specs.v[0];
        }
        for (int k = 0; k < d->specs.n; k++)
            if (d->specs.v[k]->pos.off == off && d->specs.v[k]->pos.off != d->pos.off)
                return d->specs.v[k];
    }
    return NULL;
}

static bool inside_func(File *f, uint32_t off) {
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind == D_FUNC && d->body && block_has_var_at(d->body, off))
            return true;
    }
    return false;
}

static bool imports_embed(File *f) {
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        for (int k = 0; d->kind == D_IMPORT && k < d->specs.n; k++)
            if (strcmp(d->specs.v[k]->path, "embed") == 0)
                return true;
    }
    return false;
}

// ---- pattern resolution (the go command's resolveEmbed) ----

// module.CheckFilePath's element rules, as isBadEmbedName uses them.
static bool bad_name(const char *name) {
    size_t n = strlen(name);
    if (n == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || name[n - 1] == '.')
        return true;
    if (!strcmp(name, ".bzr") || !strcmp(name, ".hg") || !strcmp(name, ".git") ||
        !strcmp(name, ".svn"))
        return true;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x80 && !(('a' <= *p && *p <= 'z') || ('A' <= *p && *p <= 'Z') ||
                           ('0' <= *p && *p <= '9') || strchr("!#$%&()+,-.=@[]^_{}~ ", *p)))
            return true;
    return false;
}

// fs.ValidPath, minus ".", and path.Match's syntax check (a '[' must close).
static bool valid_pattern(const char *p) {
    size_t n = strlen(p);
    if (n == 0 || p[0] == '/' || p[n - 1] == '/' || strcmp(p, ".") == 0)
        return false;
    for (const char *e = p;;) {
        const char *s = strchr(e, '/');
        size_t k = s ? (size_t)(s - e) : strlen(e);
        if (k == 0 || (k == 1 && e[0] == '.') || (k == 2 && e[0] == '.' && e[1] == '.'))
            return false;
        if (!s)
            break;
        e = s + 1;
    }
    int depth = 0;
    for (const char *q = p; *q; q++) {
        if (*q == '\\') {
            if (!*++q)
                return false;
        } else if (*q == '[') {
            depth++;
        } else if (*q == ']' && depth) {
            depth--;
        }
    }
    return depth == 0;
}

typedef struct Resolver {
    const char *dir; // the package directory
    size_t dirlen;   // strlen(dir) + 1 (the slash)
    NameVec list;    // matched files, relative
    bool all;
    char err[600];
} Resolver;

static bool has_gomod(const char *path) {
    char *buf = gc_alloc_atomic(strlen(path) + 8);
    struct stat st;
    sprintf(buf, "%s/go.mod", path);
    return stat(buf, &st) == 0;
}

static void add_file(Resolver *r, const char *path) {
    const char *rel = path + r->dirlen;
    for (int i = 0; i < r->list.n; i++)
        if (strcmp(r->list.v[i], rel) == 0)
            return;
    vec_push(&r->list, dup_n(rel, strlen(rel)));
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// Walk directory [path] in lexical order (Go's filepath.Walk); returns the number of
// regular files added.
static int walk(Resolver *r, const char *path, bool top) {
    DIR *dp = opendir(path);
    if (!dp)
        return 0;
    NameVec names = {0};
    for (struct dirent *de; (de = readdir(dp));)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            vec_push(&names, dup_n(de->d_name, strlen(de->d_name)));
    closedir(dp);
    qsort(names.v, (size_t)names.n, sizeof *names.v, cmp_str);
    int count = 0;
    (void)top;
    for (int i = 0; i < names.n; i++) {
        const char *name = names.v[i];
        if (bad_name(name) || ((name[0] == '.' || name[0] == '_') && !r->all))
            continue;
        char *child = gc_alloc_atomic(strlen(path) + strlen(name) + 2);
        sprintf(child, "%s/%s", path, name);
        struct stat st;
        if (lstat(child, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (!has_gomod(child))
                count += walk(r, child, false);
        } else if (S_ISREG(st.st_mode)) {
            count++;
            add_file(r, child);
        }
    }
    return count;
}

// Check the directories from [file] up to the package directory, as resolveEmbed does.
static bool check_parents(Resolver *r, const char *file, const char *what, const char *rel) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", file);
    while (strlen(dir) > r->dirlen) {
        if (has_gomod(dir)) {
            snprintf(r->err, sizeof r->err, "cannot embed %s %s: in different module", what, rel);
            return false;
        }
        const char *slash = strrchr(dir, '/');
        const char *elem = slash ? slash + 1 : dir;
        if (bad_name(elem)) {
            snprintf(r->err, sizeof r->err,
                     strcmp(dir, file) == 0 ? "cannot embed %s %s: invalid name %s"
                                            : "cannot embed %s %s: in invalid directory %s",
                     what, rel, elem);
            return false;
        }
        if (!slash)
            break;
        dir[slash - dir] = 0;
    }
    return true;
}

// Resolve one pattern, adding its files to r->list; false with r->err set on error.
static bool resolve(Resolver *r, const char *pattern) {
    const char *pat = pattern;
    r->all = strncmp(pattern, "all:", 4) == 0;
    if (r->all)
        pat += 4;
    if (!valid_pattern(pat)) {
        snprintf(r->err, sizeof r->err, "invalid pattern syntax");
        return false;
    }
    char full[4096];
    size_t n = 0;
    for (const char *p = r->dir; *p && n + 3 < sizeof full; p++) { // QuoteGlob
        if (strchr("*?[\\", *p))
            full[n++] = '\\';
        full[n++] = *p;
    }
    snprintf(full + n, sizeof full - n, "/%s", pat);
    glob_t g;
    int rc = glob(full, GLOB_PERIOD, NULL, &g);
    int matched = 0;
    for (size_t i = 0; rc == 0 && i < g.gl_pathc; i++) {
        const char *file = g.gl_pathv[i], *rel = file + r->dirlen;
        struct stat st;
        if (lstat(file, &st) != 0)
            continue;
        const char *what = S_ISDIR(st.st_mode) ? "directory" : "file";
        if (!check_parents(r, file, what, rel))
            goto fail;
        if (S_ISREG(st.st_mode)) {
            add_file(r, file);
            matched++;
        } else if (S_ISDIR(st.st_mode)) {
            if (walk(r, file, true) == 0) {
                snprintf(r->err, sizeof r->err,
                         "cannot embed directory %s: contains no embeddable files", rel);
                goto fail;
            }
            matched++;
        } else {
            snprintf(r->err, sizeof r->err, "cannot embed irregular file %s", rel);
            goto fail;
        }
    }
    if (rc == 0)
        globfree(&g);
    if (!matched)
        snprintf(r->err, sizeof r->err, "no matching files found");
    return matched > 0;
fail:
    globfree(&g);
    return false;
}

// Read the file [path] whole; NULL on failure.
static char *read_all(const char *path, int64_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = gc_alloc_atomic((size_t)(n > 0 ? n : 0) + 1);
    size_t got = n > 0 ? fread(buf, 1, (size_t)n, fp) : 0;
    fclose(fp);
    *len = (int64_t)got;
    return buf;
}

static EmbedData *embed_data(Resolver *r) {
    qsort(r->list.v, (size_t)r->list.n, sizeof *r->list.v, cmp_str);
    EmbedData *e = gc_alloc(sizeof *e);
    e->nfiles = r->list.n;
    e->names = gc_alloc(sizeof *e->names * (size_t)(r->list.n + 1));
    e->data = gc_alloc(sizeof *e->data * (size_t)(r->list.n + 1));
    e->lens = gc_alloc_atomic(sizeof *e->lens * (size_t)(r->list.n + 1));
    for (int i = 0; i < r->list.n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", r->dir, r->list.v[i]);
        e->names[i] = r->list.v[i];
        e->data[i] = read_all(path, &e->lens[i]);
        if (!e->data[i]) {
            e->data[i] = "";
            e->lens[i] = 0;
        }
    }
    return e;
}

// ---- one file ----

// Print a pattern error as the go command does (before any compiling, named without the
// compiler's "./"), straight to stderr: load_program then fails with nothing in its Diag.
static void go_command_error(Pos pos, const char *pattern, const char *err) {
    char at[512];
    pos_format(pos, at, sizeof at);
    fprintf(stderr, "%s: pattern %s: %s\n", strncmp(at, "./", 2) == 0 ? at + 2 : at, pattern,
            err);
}

// Go's checkEmbed: the message for a directive applied to [s], or NULL when it applies.
static const char *placement_error(Spec *s, bool have_embed) {
    if (!have_embed)
        return "go:embed only allowed in Go files that import \"embed\"";
    if (s->names.n > 1)
        return "go:embed cannot apply to multiple vars";
    if (s->values.n)
        return "go:embed cannot apply to var with initializer";
    if (!s->type)
        return "go:embed cannot apply to var without type";
    return NULL;
}

bool embed_file(File *f, const char *dir, Diag *d) {
    uint32_t len;
    const char *text = pos_file_text(f->file_id, &len);
    DirVec dirs = find_directives(text, len);
    if (!dirs.n)
        return true;
    bool have = imports_embed(f);
    // The go command's part first: pattern syntax and files, first error only.
    for (int i = 0; have && i < dirs.n; i++) {
        Directive *dv = dirs.v[i];
        if (dv->bad_quote || dv->pats.n == 0) {
            if (dv->bad_quote)
                diag_error(d, (Pos){f->file_id, dv->off}, "invalid quoted string in //go:embed: %s",
                           dv->bad_quote);
            diag_error(d, (Pos){f->file_id, dv->off}, "usage: //go:embed pattern...");
            return false;
        }
        Resolver r = {.dir = dir, .dirlen = strlen(dir) + 1};
        for (int k = 0; k < dv->pats.n; k++)
            if (!resolve(&r, dv->pats.v[k])) {
                go_command_error((Pos){f->file_id, dv->pat_offs.v[k]}, dv->pats.v[k], r.err);
                return false;
            }
    }
    // The compiler's part: placement, then the files of each variable.
    for (int i = 0; i < dirs.n; i++) {
        Directive *dv = dirs.v[i];
        Pos at = {f->file_id, dv->off};
        uint32_t eol = dv->off;
        while (eol < len && text[eol] != '\n')
            eol++;
        uint32_t tok = next_token(text, len, eol);
        bool grouped;
        Spec *s = spec_at(f, text, tok, &grouped);
        const char *msg = NULL;
        if (!s && (grouped || tok >= len || text[tok] == ')' || text[tok] == '}')) {
            // No declaration takes the directive: Go's parser reports it.
            diag_error(d, at, "misplaced go:embed directive");
            continue;
        }
        if (!s)
            msg = !inside_func(f, tok) ? "misplaced go:embed directive"
                  : !have              ? placement_error(s, false)
                                       : "go:embed cannot apply to var inside func";
        else
            msg = placement_error(s, have);
        if (msg) {
            if (!f->embed_errs)
                f->embed_errs = gc_alloc(sizeof *f->embed_errs);
            vec_push(&f->embed_errs->v, ((EmbedError){at, msg}));
            continue;
        }
        Resolver r = {.dir = dir, .dirlen = strlen(dir) + 1};
        if (s->embed) // an earlier directive for the same var: keep its files too
            for (int k = 0; k < s->embed->nfiles; k++)
                vec_push(&r.list, s->embed->names[k]);
        for (int k = 0; k < dv->pats.n; k++)
            resolve(&r, dv->pats.v[k]);
        EmbedData *e = embed_data(&r);
        e->dir_pos = s->embed ? s->embed->dir_pos : at;
        s->embed = e;
    }
    // A placeholder value, so the variable is initialized in Go's order; the checker
    // (check_embed.c) turns it into the conversion or embed.FS literal its type needs.
    for (int i = 0; i < f->decls.n; i++) {
        Decl *dc = f->decls.v[i];
        for (int k = 0; dc->kind == D_VAR && k < dc->specs.n; k++) {
            Spec *s = dc->specs.v[k];
            if (s->embed && !s->values.n) {
                Expr *lit = ast_expr(E_STRINGLIT, s->pos);
                lit->lit = "\"\"";
                lit->start = lit->end = s->pos;
                vec_push(&s->values, lit);
            }
        }
    }
    return true;
}
