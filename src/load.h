// Loading a program as the go command does: the main package from one file, several files
// or a directory (build constraints applied to directories, _test.go excluded), the go.mod
// of the module around it, and the module's local packages it imports (transitively), with
// import cycles and third-party imports reported before any type checking.
#ifndef GOL_LOAD_H
#define GOL_LOAD_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

typedef VEC(File *) FileVec;

// One package of the module, parsed.
typedef struct LocalPkg {
    const char *path;          // import path: "example.com/app/greet"
    const char *dir;           // its directory, as files are named (relative to the cwd)
    FileVec files;             // in file-name order
} LocalPkg;

typedef struct Program {
    FileVec files;             // the main package's files
    const char *dir;           // their directory
    const char *module;        // go.mod's module path, NULL outside a module
    const char *moddir;        // the module's root directory
    int go_minor;              // go.mod's `go 1.N` line (0: none; gol's own version applies)
    VEC(LocalPkg *) pkgs;      // local packages, dependencies before their importers
} Program;

// Load the program named by the command line's program words ([n] of them: "-", files of
// one package, or a directory). Returns false when the program cannot be type-checked:
// errors without a position (file system, import cycles) were printed to stderr, and those
// with one (syntax, third-party imports) are in [d] for the caller to print. Plain parse
// errors that Go reports with the type checker's leave it true.
bool load_program(char **words, int n, Program *p, Diag *d);

// The local package with import path [path], or NULL.
LocalPkg *load_find(const Program *p, const char *path);

// A package loaded for gol test: the package with its own _test.go files, and the external
// test package (package x_test, import path PATH_test) when there is one.
typedef struct TestPkg {
    LocalPkg *pkg;             // its files; NULL files when it has only x_test files
    LocalPkg *xpkg;            // NULL when no file is in package x_test
    int ntest;                 // _test.go files in the package itself
} TestPkg;

// Read and parse the package in [dir] and its test files, and find its module (required,
// as by the go command). False after an error printed to stderr or stored in [d].
bool load_test_package(const char *dir, Program *p, TestPkg *t, Diag *d);

// Make [main] (the generated test main) the program's main package and load what the
// package, its tests and [main] import. False on errors, as load_program.
bool load_test_main(Program *p, TestPkg *t, File *main, Diag *d);

#endif
