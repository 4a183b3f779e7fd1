// The type checker: resolves names, checks types, folds constants and annotates the AST (see
// the "set by the checker" fields of ast.h and object.h). Packages of gol's standard library
// are loaded from pkg_sources (runtime/pkgsrc.h) on demand, each checked once and cached.
// Errors go to the Diag; a package with errors has failed set and must not be compiled.
#ifndef GOL_CHECK_H
#define GOL_CHECK_H

#include "../runtime/pkgsrc.h"
#include "ast.h"
#include "diag.h"
#include "object.h"

// Check [file] as the program's main package (package main with func main), loading the
// packages it imports. Returns the package (never NULL); pkg->failed tells whether errors were
// reported. Calls types_init itself.
Package *check_main(File *file, Diag *d);

// The same, loading imports from [srcs] (a pkg_sources-like table terminated by path NULL)
// instead of the embedded standard library. For tests.
Package *check_main_with(File *file, Diag *d, const PkgSource *srcs);

// Packages reachable from the result through Package.imports are all checked; initialise
// them in post-order of that graph (dependencies first).

#endif
