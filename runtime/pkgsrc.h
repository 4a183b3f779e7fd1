// The Go sources of gol's standard library, embedded at build time (tools/embed.sh).
#ifndef GOL_PKGSRC_H
#define GOL_PKGSRC_H

#include <stddef.h>

typedef struct PkgSource {
    const char *path;  // import path: "fmt", "math/rand"
    const char *file;  // file name for positions: "runtime/pkg/fmt.go"
    const char *text;
    size_t len;
} PkgSource;

// Terminated by an entry with path == NULL.
extern const PkgSource pkg_sources[];

#endif
