// Loading a program (load.h): reading and parsing the main package's files (a file list or
// a directory filtered by build constraints), the module's go.mod, and the module-local
// packages imported (transitively, each once), with the go command's errors for import
// cycles, mixed packages, empty directories and third-party imports. File names in
// positions are relative to the current directory, as the go command prints them.
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../runtime/pkgsrc.h"
#include "buildtag.h"
#include "embed.h"
#include "parse.h"

typedef VEC(const char *) StrVec;

static char *str_dup(const char *s) {
    size_t n = strlen(s);
    char *r = gc_alloc_atomic(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

static char *dup_n_path(const char *s, size_t n) {
    char *r = gc_alloc_atomic(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

static char *join(const char *dir, const char *name) {
    char buf[PATH_MAX];
    if (strcmp(dir, ".") == 0 && strchr(name, '/'))
        snprintf(buf, sizeof buf, "%s", name);
    else
        snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return str_dup(buf);
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

// The whole file (or stdin for "-") as a GC string; NULL with errno set on failure. A
// `#!` first line of a .gol file is blanked (kept as a line, so positions stay right).
static char *read_source(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = gc_alloc_atomic(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *nb = gc_alloc_atomic(cap);
            memcpy(nb, buf, n);
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    if (f != stdin)
        fclose(f);
    buf[n] = 0;
    *len = n;
    if (has_suffix(path, ".gol") && n >= 2 && buf[0] == '#' && buf[1] == '!')
        for (size_t i = 0; i < n && buf[i] != '\n'; i++)
            buf[i] = ' ';
    return buf;
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The package's source files in [dir] (as go/build selects them), sorted; with [tests],
// only its _test.go files.
static bool list_dir_kind(const char *dir, StrVec *out, bool tests) {
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        bool test = has_suffix(n, "_test.go") || has_suffix(n, "_test.gol");
        if (n[0] == '.' || n[0] == '_' || test != tests ||
            !(has_suffix(n, ".go") || has_suffix(n, ".gol")))
            continue;
        char *path = join(dir, n);
        if (is_dir(path))
            continue;
        vec_push(out, path);
    }
    closedir(d);
    if (out->n > 1)
        qsort(out->v, (size_t)out->n, sizeof(const char *), cmp_str);
    return true;
}

static bool list_dir(const char *dir, StrVec *out) {
    return list_dir_kind(dir, out, false);
}

static char *abs_path(const char *p) {
    char buf[PATH_MAX];
    return realpath(p, buf) ? str_dup(buf) : NULL;
}

// [abs] relative to the current directory ("." for the directory itself).
static char *rel_path(const char *abs) {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return str_dup(abs);
    size_t common = 0, i = 0;
    for (;; i++) { // the longest common prefix ending at a component boundary
        bool ea = abs[i] == 0 || abs[i] == '/', ec = cwd[i] == 0 || cwd[i] == '/';
        if (ea && ec)
            common = i;
        if (abs[i] != cwd[i] || abs[i] == 0)
            break;
    }
    char buf[PATH_MAX] = "";
    size_t n = 0;
    for (const char *c = cwd + common; *c; c++)
        if (*c == '/')
            n += (size_t)snprintf(buf + n, sizeof buf - n, n ? "/.." : "..");
    const char *rest = abs + common;
    if (*rest == '/')
        rest++;
    if (*rest)
        snprintf(buf + n, sizeof buf - n, "%s%s", n ? "/" : "", rest);
    return str_dup(buf[0] ? buf : ".");
}

// ---- parsing a package's files ----

// The directory of file [path] ("." for a bare name or stdin).
static const char *file_dir(const char *path) {
    const char *slash = strrchr(path, '/');
    return !slash ? "." : slash == path ? "/" : dup_n_path(path, (size_t)(slash - path));
}

static bool parse_files(StrVec *names, FileVec *files, Diag *d) {
    for (int i = 0; i < names->n; i++) {
        size_t len;
        char *src = read_source(names->v[i], &len);
        if (!src) {
            fprintf(stderr, "gol: open %s: %s\n", names->v[i], strerror(errno));
            return false;
        }
        const char *shown = strcmp(names->v[i], "-") == 0 ? "main.go" : names->v[i];
        File *f = parse_file(pos_add_file(shown, src, (uint32_t)len), d);
        if (f && !embed_file(f, file_dir(names->v[i]), d))
            return false;
        if (f)
            vec_push(files, f);
    }
    return true;
}

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

// go/build's MultiplePackageError: every file of a directory declares the same package.
static bool same_package(FileVec *files, const char *dir) {
    for (int i = 1; i < files->n; i++) {
        File *a = files->v[0], *b = files->v[i];
        if (!a->pkg_name || !b->pkg_name || strcmp(a->pkg_name, b->pkg_name) == 0)
            continue;
        fprintf(stderr, "found packages %s (%s) and %s (%s) in %s\n", a->pkg_name,
                base_name(pos_file_name(a->pkg_pos.file)), b->pkg_name,
                base_name(pos_file_name(b->pkg_pos.file)), abs_path(dir) ? abs_path(dir) : dir);
        return false;
    }
    return true;
}

// Read and parse the files of the package in [dir] (build constraints applied); with
// [tests], its _test.go files (none is not an error then).
static bool load_dir_kind(const char *dir, FileVec *files, Diag *d, bool tests) {
    StrVec names = {0}, kept = {0};
    if (!list_dir_kind(dir, &names, tests)) {
        char *cwd = abs_path(".");
        fprintf(stderr, "stat %s: directory not found\n", cwd && dir[0] != '/' ? join(cwd, dir) : dir);
        return false;
    }
    for (int i = 0; i < names.n; i++) {
        size_t len;
        const char *err = NULL;
        char *src = read_source(names.v[i], &len);
        if (src && buildtag_match(names.v[i], src, &err))
            vec_push(&kept, names.v[i]);
        if (err) {
            const char *shown = strncmp(names.v[i], "./", 2) == 0 ? names.v[i] + 2 : names.v[i];
            fprintf(stderr, "%s: parsing //go:build line: %s\n", shown, err);
            return false;
        }
    }
    if (kept.n == 0 && tests)
        return true;
    if (kept.n == 0) {
        char *a = abs_path(dir);
        fprintf(stderr, "no Go files in %s\n", a ? a : dir);
        return false;
    }
    return parse_files(&kept, files, d) && (tests || same_package(files, dir));
}

static bool load_dir(const char *dir, FileVec *files, Diag *d) {
    return load_dir_kind(dir, files, d, false);
}

// ---- go.mod ----

// Find go.mod in [dir] or above; read its module path and go line.
static bool find_module(const char *dir, Program *p) {
    char *abs = abs_path(dir);
    while (abs) {
        char *mod = join(strcmp(abs, "/") == 0 ? "" : abs, "go.mod");
        size_t len;
        char *text = read_source(mod, &len);
        if (text) {
            p->moddir = rel_path(abs);
            for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
                char word[PATH_MAX];
                int major, minor;
                if (sscanf(line, " module %4095s", word) == 1)
                    p->module = str_dup(word[0] == '"' ? word + 1 : word);
                else if (sscanf(line, " go %d.%d", &major, &minor) == 2 && major == 1)
                    p->go_minor = minor;
            }
            if (p->module && has_suffix(p->module, "\""))
                ((char *)p->module)[strlen(p->module) - 1] = 0;
            if (!p->module) {
                fprintf(stderr, "go: error reading %s: no module declaration in go.mod\n",
                        join(p->moddir, "go.mod"));
                return false;
            }
            return true;
        }
        if (strcmp(abs, "/") == 0)
            break;
        char *slash = strrchr(abs, '/');
        if (slash == abs)
            slash[1] = 0;
        else
            *slash = 0;
    }
    return true;
}

// ---- imports ----

static bool is_std(const char *path) {
    for (const PkgSource *s = pkg_sources; s->path; s++)
        if (strcmp(s->path, path) == 0)
            return true;
    return false;
}

LocalPkg *load_find(const Program *p, const char *path) {
    for (int i = 0; i < p->pkgs.n; i++)
        if (strcmp(p->pkgs.v[i]->path, path) == 0)
            return p->pkgs.v[i];
    return NULL;
}

typedef struct Loading {
    Program *p;
    Diag *d;
    StrVec stack;     // import paths being loaded, the main package's first
    const char *main_path; // the main package's path in the module (for internal/)
    bool failed;
} Loading;

static void load_imports(Loading *l, FileVec *files);

static void report_cycle(Loading *l, const char *path) {
    fprintf(stderr, "package %s\n", l->stack.v[0]);
    for (int i = 1; i < l->stack.n; i++)
        fprintf(stderr, "\timports %s\n", l->stack.v[i]);
    fprintf(stderr, "\timports %s: import cycle not allowed\n", path);
    l->failed = true;
}

// Load the module's package [path] imported at [pos] (once).
static void load_local(Loading *l, const char *path, Pos pos) {
    for (int i = 0; i < l->stack.n; i++)
        if (strcmp(l->stack.v[i], path) == 0) {
            report_cycle(l, path);
            return;
        }
    if (load_find(l->p, path))
        return;
    const char *sub = path + strlen(l->p->module);
    char *dir = !*sub                               ? str_dup(l->p->moddir)
                : strcmp(l->p->moddir, ".") == 0 ? str_dup(sub + 1) // "greet", not "./greet"
                                                 : join(l->p->moddir, sub + 1);
    if (!is_dir(dir)) {
        diag_error(l->d, pos, "package %s is not in std and not in module %s (no directory %s)",
                   path, l->p->module, dir);
        return;
    }
    LocalPkg *lp = gc_alloc(sizeof(LocalPkg));
    lp->path = path;
    lp->dir = dir;
    if (!load_dir(dir, &lp->files, l->d)) {
        l->failed = true;
        return;
    }
    File *f0 = lp->files.v[0];
    if (f0->pkg_name && strcmp(f0->pkg_name, "main") == 0) {
        diag_error(l->d, pos, "import \"%s\" is a program, not an importable package", path);
        return;
    }
    vec_push(&l->stack, path);
    load_imports(l, &lp->files);
    l->stack.n--;
    vec_push(&l->p->pkgs, lp); // after its dependencies
}

// Go's internal/ rule: a path with an "internal" element may be imported only from
// within the tree rooted at the element's parent. Reported as the go command does.
static bool internal_ok(Loading *l, const char *path, Pos pos) {
    const char *in = NULL;
    for (const char *p = path; (p = strstr(p, "internal")); p++)
        if ((p == path || p[-1] == '/') && (p[8] == 0 || p[8] == '/'))
            in = p;
    if (!in)
        return true;
    size_t n = in == path ? 0 : (size_t)(in - path - 1); // the parent, without its slash
    const char *from = l->stack.n > 1 ? l->stack.v[l->stack.n - 1] : l->main_path;
    if (strncmp(from, path, n) == 0 && (from[n] == 0 || from[n] == '/' || n == 0))
        return true;
    char at[512];
    fprintf(stderr, "package %s\n", l->stack.v[0]);
    for (int i = 1; i < l->stack.n; i++)
        fprintf(stderr, "\timports %s\n", l->stack.v[i]);
    pos_format(pos, at, sizeof at);
    fprintf(stderr, "\t%s: use of internal package %s not allowed\n",
            strncmp(at, "./", 2) == 0 ? at + 2 : at, path);
    l->failed = true;
    return false;
}

static void load_import(Loading *l, Spec *s) {
    const char *path = s->path;
    const char *mod = l->p->module;
    size_t ml = mod ? strlen(mod) : 0;
    if (is_std(path))
        return;
    if (mod && strncmp(path, mod, ml) == 0 && (path[ml] == 0 || path[ml] == '/')) {
        if (internal_ok(l, path, s->path_pos))
            load_local(l, path, s->path_pos);
        return;
    }
    const char *slash = strchr(path, '/');
    const char *dot = strchr(path, '.');
    if (dot && (!slash || dot < slash))
        diag_error(l->d, s->path_pos, "no required module provides package %s: gol runs "
                   "only the standard library and the packages of the program's own module "
                   "(third-party modules are not supported)", path);
    // Other unknown paths are reported by the checker, with the standard library's.
}

static void load_imports(Loading *l, FileVec *files) {
    for (int i = 0; i < files->n && !l->failed; i++) {
        File *f = files->v[i];
        for (int k = 0; k < f->decls.n && !l->failed; k++) {
            Decl *d = f->decls.v[k];
            for (int j = 0; d->kind == D_IMPORT && j < d->specs.n && !l->failed; j++)
                load_import(l, d->specs.v[j]);
        }
    }
}

// ---- the main package ----

static bool main_files(char **words, int n, Program *p, Diag *d) {
    StrVec names = {0};
    if (n == 1 && (is_dir(words[0]) || !(has_suffix(words[0], ".go") ||
                                         has_suffix(words[0], ".gol") ||
                                         strcmp(words[0], "-") == 0))) {
        p->dir = words[0];
        size_t len = strlen(p->dir);
        while (len > 1 && p->dir[len - 1] == '/')
            ((char *)(p->dir = str_dup(p->dir)))[--len] = 0;
        return load_dir(p->dir, &p->files, d);
    }
    for (int i = 0; i < n; i++) {
        const char *slash = strrchr(words[i], '/');
        char *dir = slash ? str_dup(words[i]) : str_dup(".");
        if (slash)
            dir[slash - words[i]] = 0;
        if (i == 0)
            p->dir = dir;
        else if (strcmp(dir, p->dir) != 0) {
            char *a = abs_path(p->dir), *b = abs_path(dir);
            fprintf(stderr, "named files must all be in one directory; have %s and %s\n",
                    a ? a : p->dir, b ? b : dir);
            return false;
        }
        vec_push(&names, words[i]);
    }
    return parse_files(&names, &p->files, d) && same_package(&p->files, p->dir);
}

bool load_program(char **words, int n, Program *p, Diag *d) {
    memset(p, 0, sizeof *p);
    if (!main_files(words, n, p, d) || d->syntax)
        return false;
    if (strcmp(words[0], "-") != 0 && !find_module(p->dir, p))
        return false;
    if (!p->module)
        return true;
    Loading l = {p, d, {0}, p->module, false};
    char *modabs = abs_path(p->moddir), *dabs = abs_path(p->dir);
    size_t ml = modabs ? strlen(modabs) : 0;
    if (modabs && dabs && strncmp(dabs, modabs, ml) == 0) // the main package's import path
        l.main_path = dabs[ml] ? join(p->module, dabs + ml + 1) : p->module;
    // (files named on the command line are the go command's command-line-arguments)
    vec_push(&l.stack, n == 1 && is_dir(words[0]) ? l.main_path : "command-line-arguments");
    int before = diag_count(d);
    load_imports(&l, &p->files);
    return !l.failed && !d->syntax && diag_count(d) == before;
}

// ---- a package and its tests (gol test) ----

// The import path of [dir] in the module of [p].
static const char *dir_import_path(const Program *p, const char *dir) {
    char *modabs = abs_path(p->moddir), *dabs = abs_path(dir);
    size_t ml = modabs ? strlen(modabs) : 0;
    if (!modabs || !dabs || strncmp(dabs, modabs, ml) != 0)
        return "command-line-arguments";
    return dabs[ml] ? join(p->module, dabs + ml + 1) : p->module;
}

static bool is_xtest(const File *f, const FileVec *base) {
    const char *n = f->pkg_name;
    if (!n || !has_suffix(n, "_test"))
        return false;
    return base->n == 0 || strcmp(((File *)base->v[0])->pkg_name, n) != 0;
}

bool load_test_package(const char *dir, Program *p, TestPkg *t, Diag *d) {
    memset(p, 0, sizeof *p);
    memset(t, 0, sizeof *t);
    p->dir = dir;
    if (!find_module(dir, p))
        return false;
    if (!p->module) {
        fprintf(stderr, "go: go.mod file not found in current directory or any parent "
                        "directory; see 'go help modules'\n");
        return false;
    }
    LocalPkg *pkg = gc_alloc(sizeof(LocalPkg)), *x = gc_alloc(sizeof(LocalPkg));
    pkg->path = dir_import_path(p, dir);
    pkg->dir = dir;
    StrVec names = {0};
    FileVec tests = {0};
    if (!list_dir(dir, &names) || (names.n && !load_dir(dir, &pkg->files, d)))
        return false;
    if (!load_dir_kind(dir, &tests, d, true))
        return false;
    for (int i = 0; i < tests.n; i++) {
        File *f = tests.v[i];
        if (is_xtest(f, &pkg->files))
            vec_push(&x->files, f);
        else {
            vec_push(&pkg->files, f);
            t->ntest++;
        }
    }
    if (pkg->files.n && !same_package(&pkg->files, dir))
        return false;
    t->pkg = pkg;
    if (x->files.n) {
        char buf[PATH_MAX];
        snprintf(buf, sizeof buf, "%s_test", pkg->path);
        x->path = str_dup(buf);
        x->dir = dir;
        t->xpkg = x;
    }
    return !d->syntax;
}

bool load_test_main(Program *p, TestPkg *t, File *main, Diag *d) {
    vec_push(&p->files, main);
    Loading l = {p, d, {0}, t->pkg->path, false};
    int before = diag_count(d);
    vec_push(&l.stack, t->pkg->path);
    if (t->pkg->files.n) {
        load_imports(&l, &t->pkg->files);
        vec_push(&p->pkgs, t->pkg);
    }
    if (t->xpkg && !l.failed) {
        l.stack.v[0] = t->xpkg->path;
        load_imports(&l, &t->xpkg->files);
        vec_push(&p->pkgs, t->xpkg);
    }
    l.stack.v[0] = "main";
    if (!l.failed)
        load_imports(&l, &p->files);
    return !l.failed && !d->syntax && diag_count(d) == before;
}
