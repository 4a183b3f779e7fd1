// The front end's entry points: source text registered with pos_add_file goes in, a File
// (src/ast.h) comes out. Lexical and syntax errors go to the Diag in Go's words, positioned
// as cmd/compile positions them. Parsing stops at the first error the grammar cannot get
// past, so a file yields at most one such "unexpected ..." error (the one Go prints first);
// errors Go's parser reports without stopping (imports after declarations, mixed named and
// unnamed parameters, `go` without a call...) are all reported.
#ifndef GOL_PARSE_H
#define GOL_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

// Parse the Go source file registered as [file_id]. Returns the File even when errors were
// reported (possibly partial: check diag_count). Sets d->syntax when a "syntax error: ..."
// was reported: then, as in Go, the checker must not run. Lexical errors (bad literals,
// invalid characters) and plain parser errors leave d->syntax alone, so type checking goes
// on as Go's does; a malformed literal is an E_BAD node with its text that the checker
// should ignore silently. Never NULL.
File *parse_file(uint32_t file_id, Diag *d);

// parse_file for a library file whose function bodies may wait: the body of each top-level
// non-generic function or method is a Block with `lazy` set and only its braces, until
// parse_body reads it. Bodies are not even lexed, so errors in them go unreported.
File *parse_file_lazy(uint32_t file_id, Diag *d);

// The body of a function declared in [file_id] between the braces at [lbrace] and
// [rbrace] (a lazy Block's), as parse_file would have built it; NULL after errors.
Block *parse_body(uint32_t file_id, Pos lbrace, Pos rbrace, Diag *d);

// Parse one REPL input registered as [file_id]: an optional package clause, then imports,
// declarations and statements in any order, separated by newlines or semicolons.
// Imports and func declarations go to File.decls; var/const/type declarations and
// statements go to File.stmts in source order (declarations as S_DECL statements), with
// is_repl set. A statement may not start with the keyword func unless it is a function
// literal call written as `func(...) ... {...}(...)` (a method declaration wins).
// *incomplete is set when every error is an unexpected end of input (an unclosed brace,
// raw string or comment, a trailing binary operator or comma...): the caller should read
// another line and parse the whole text again. Pass the text with its final newline: as in
// Go, a newline after an operand is a semicolon, so `f(1, 2` + newline is a syntax error.
File *parse_repl(uint32_t file_id, Diag *d, bool *incomplete);

#endif
