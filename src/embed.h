// //go:embed (embed.c): the directives of a parsed file, checked for placement as Go's
// noder checks them, their patterns resolved against the package directory as the go
// command resolves them, and the matched files attached to the variable's Spec; the
// checker (check_embed.c) then types the variable and builds its initial value.
#ifndef GOL_EMBED_H
#define GOL_EMBED_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

// The files one variable embeds, sorted by name (slash-separated, relative to the
// package directory). For an embed.FS, dirs are the directories holding them.
typedef struct EmbedData {
    int nfiles;
    const char **names;
    const char **data; // contents; lens[i] bytes each
    int64_t *lens;
    Pos dir_pos;     // the first directive's "go:embed"
    const char *err; // set by the checker: the type cannot hold these files (Go reports
    Pos err_pos;     // that only when all else is right)
    bool err_stops;  // Go reports nothing after this error (several files for a string)
} EmbedData;

// Placement errors found while loading, which Go reports only when type checking found
// nothing (File.embed_errs).
typedef struct EmbedError {
    Pos pos;
    const char *msg;
} EmbedError;
typedef struct EmbedErrors {
    VEC(EmbedError) v;
} EmbedErrors;

// Process the //go:embed directives of [f], whose files are in directory [dir]. A directive
// no declaration takes is reported in [d] (with the type checker's errors); other
// placement errors wait in f->embed_errs. Returns false after printing a pattern error to
// stderr as the go command does: the package is then not compiled.
bool embed_file(File *f, const char *dir, Diag *d);

#endif
