// Build constraints (buildtag.h): the //go:build expression grammar of go/build/constraint
// (||, &&, !, parentheses, tags) over the tags the go command sets for linux/amd64 with the
// gc toolchain, and go/build's file-name rules (name_GOOS_GOARCH.go).
#include "buildtag.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const known_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
    "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos", NULL,
};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
    "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
    "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm", NULL,
};

static bool in_list(const char *const *l, const char *s, size_t n) {
    for (; *l; l++)
        if (strlen(*l) == n && strncmp(*l, s, n) == 0)
            return true;
    return false;
}

// The tags that hold: linux, amd64, unix, gc and go1.1 ... go1.26.
static bool tag_holds(const char *s, size_t n) {
    static const char *const on[] = {"linux", "amd64", "unix", "gc", NULL};
    if (in_list(on, s, n))
        return true;
    if (n > 4 && strncmp(s, "go1.", 4) == 0) {
        int minor = 0;
        for (size_t i = 4; i < n; i++) {
            if (!isdigit((unsigned char)s[i]))
                return false;
            minor = minor * 10 + (s[i] - '0');
        }
        return minor >= 1 && minor <= 26;
    }
    return false;
}

typedef struct Cond {
    const char *p, *end;
    bool bad;
} Cond;

static void skip(Cond *e) {
    while (e->p < e->end && (*e->p == ' ' || *e->p == '\t'))
        e->p++;
}

static bool or_expr(Cond *e);

static bool unary(Cond *e) {
    skip(e);
    if (e->p < e->end && *e->p == '!') {
        e->p++;
        return !unary(e);
    }
    if (e->p < e->end && *e->p == '(') {
        e->p++;
        bool v = or_expr(e);
        skip(e);
        if (e->p < e->end && *e->p == ')')
            e->p++;
        else
            e->bad = true;
        return v;
    }
    const char *s = e->p;
    while (e->p < e->end && (isalnum((unsigned char)*e->p) || *e->p == '_' || *e->p == '.'))
        e->p++;
    if (e->p == s)
        e->bad = true;
    return tag_holds(s, (size_t)(e->p - s));
}

static bool and_expr(Cond *e) {
    bool v = unary(e);
    for (;;) {
        skip(e);
        if (e->end - e->p < 2 || strncmp(e->p, "&&", 2) != 0)
            return v;
        e->p += 2;
        v = unary(e) && v;
    }
}

static bool or_expr(Cond *e) {
    bool v = and_expr(e);
    for (;;) {
        skip(e);
        if (e->end - e->p < 2 || strncmp(e->p, "||", 2) != 0)
            return v;
        e->p += 2;
        v = and_expr(e) || v;
    }
}

// The //go:build line among the comments and blank lines before the package clause.
static bool text_matches(const char *p, bool *bad) {
    while (*p) {
        const char *eol = strchr(p, '\n');
        const char *end = eol ? eol : p + strlen(p);
        const char *s = p;
        while (s < end && isspace((unsigned char)*s))
            s++;
        if (s == end || (s[0] == '#' && s[1] == '!' && p == s)) {
            // blank line, or a shebang line
        } else if (strncmp(s, "//go:build", 10) == 0 && (s + 10 == end || isspace((unsigned char)s[10]))) {
            Cond e = {s + 10, end, false};
            while (e.end > e.p && isspace((unsigned char)e.end[-1]))
                e.end--;
            bool v = or_expr(&e);
            skip(&e);
            if (e.bad || e.p != e.end) {
                if (bad)
                    *bad = true;
                return false;
            }
            return v;
        } else if (strncmp(s, "//", 2) == 0) {
            // another line comment
        } else if (strncmp(s, "/*", 2) == 0) {
            const char *close = strstr(s + 2, "*/");
            if (!close)
                return true;
            p = close + 2;
            continue;
        } else {
            return true; // the package clause (or anything else): no constraint
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    return true;
}

// go/build's goodOSArchFile: name_GOOS, name_GOARCH, name_GOOS_GOARCH (before _test).
static bool name_matches(const char *path) {
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", name);
    char *dot = strchr(buf, '.');
    if (dot)
        *dot = 0;
    size_t n = strlen(buf);
    if (n > 5 && strcmp(buf + n - 5, "_test") == 0)
        buf[n -= 5] = 0;
    char *parts[64];
    int np = 0;
    for (char *t = strtok(buf, "_"); t && np < 64; t = strtok(NULL, "_"))
        parts[np++] = t;
    if (np >= 3 && in_list(known_os, parts[np - 2], strlen(parts[np - 2])) &&
        in_list(known_arch, parts[np - 1], strlen(parts[np - 1])))
        return strcmp(parts[np - 2], "linux") == 0 && strcmp(parts[np - 1], "amd64") == 0;
    if (np >= 2 && in_list(known_os, parts[np - 1], strlen(parts[np - 1])))
        return strcmp(parts[np - 1], "linux") == 0;
    if (np >= 2 && in_list(known_arch, parts[np - 1], strlen(parts[np - 1])))
        return strcmp(parts[np - 1], "amd64") == 0;
    return true;
}

bool buildtag_match(const char *name, const char *text, bool *bad) {
    return name_matches(name) && text_matches(text, bad);
}
