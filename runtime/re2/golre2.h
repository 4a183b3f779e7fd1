// The C interface of gol's RE2 shim (runtime/re2/golre2.cc), the only C++ in gol. The shim
// is built as a shared object (libgolre2.so, next to the gol binary) that package regexp's
// natives load with dlopen on first use, so programs that do not use regexp never map
// libstdc++ or libre2 (runtime/pkg/regexp.c).
#ifndef GOL_RE2_GOLRE2_H
#define GOL_RE2_GOLRE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct GolRe2 GolRe2;

// Compile [n] bytes of [pat] with Go's Perl syntax (posix == 0) or Go's POSIX syntax, leftmost
// first or leftmost longest. On success returns the regexp (never freed: Go has no way to
// free a Regexp, and its natives keep no count). On failure returns NULL, sets *code to
// RE2's ErrorCode and *arg to a malloc'ed copy of the offending fragment.
GolRe2 *golre2_compile(const char *pat, size_t n, int posix, int longest, int *code,
                       char **arg);
// Number of capturing groups of [re].
int golre2_groups(const GolRe2 *re);
// Unanchored search of text[pos:n] with text[:pos] as context (for ^ and \b), as Go's
// doExecute. On a match stores 2*ncap byte offsets in [caps] (-1 for groups that did not
// take part) and returns 1; returns 0 when there is no match. Thread-safe.
int golre2_match(const GolRe2 *re, const char *text, size_t n, size_t pos, int64_t *caps,
                 int ncap);

// Function pointer types of the three entry points, for dlsym.
typedef GolRe2 *(*GolRe2CompileFn)(const char *, size_t, int, int, int *, char **);
typedef int (*GolRe2GroupsFn)(const GolRe2 *);
typedef int (*GolRe2MatchFn)(const GolRe2 *, const char *, size_t, size_t, int64_t *, int);

#ifdef __cplusplus
}
#endif

#endif
