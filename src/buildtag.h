// Build constraints as the go command evaluates them for GOOS=linux GOARCH=amd64: a file's
// //go:build line and its name's _GOOS/_GOARCH suffixes.
#ifndef GOL_BUILDTAG_H
#define GOL_BUILDTAG_H

#include <stdbool.h>

// Whether the source [text] (of a file called [name], directory part allowed) is part of
// its package's build: its //go:build expression (before the package clause) holds and
// its name has no _GOOS/_GOARCH suffix other than linux/amd64. A malformed expression
// excludes the file and sets *bad (when bad is not NULL).
bool buildtag_match(const char *name, const char *text, bool *bad);

#endif
