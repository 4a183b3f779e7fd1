// The front end's entry points (parse.h): run the bison parser over a registered source text
// with a fresh Parser, and decide for the REPL whether an erroneous input is merely
// incomplete (every error is an unexpected end of input).
#include "parse.h"

#include "parse_int.h"
#include "parser.h"

static File *run(uint32_t file_id, Diag *d, bool repl, bool lazy, bool *incomplete) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.file = file_id;
    p.src = pos_file_text(file_id, &p.len);
    p.diag = d;
    p.repl = repl;
    p.lazy_bodies = lazy;
    p.ast = gc_alloc(sizeof *p.ast);
    p.ast->file_id = file_id;
    p.ast->is_repl = repl;
    int before = diag_count(d);
    p.diag_base = before;
    lex_init(&p);
    gol_yyparse(&p);
    lex_done(&p);
    // Only "syntax error: ..." reports set d->syntax (pe_syntax): like Go, lexical errors
    // and the parser's plain errors let type checking go on.
    int errors = diag_count(d) - before;
    if (incomplete) {
        int eof_errors = (int)p.syntax_at_eof + (int)p.eof_lex_error;
        *incomplete = eof_errors > 0 && errors <= eof_errors;
    }
    return p.ast;
}

File *parse_file(uint32_t file_id, Diag *d) {
    return run(file_id, d, false, false, NULL);
}

File *parse_file_lazy(uint32_t file_id, Diag *d) {
    return run(file_id, d, false, true, NULL);
}

Block *parse_body(uint32_t file_id, Pos lbrace, Pos rbrace, Diag *d) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.file = file_id;
    p.src = pos_file_text(file_id, &p.len);
    if (rbrace.off >= p.len || lbrace.off > rbrace.off)
        return NULL;
    p.len = rbrace.off + 1;
    p.diag = d;
    p.body_only = true;
    p.ast = gc_alloc(sizeof *p.ast);
    p.ast->file_id = file_id;
    int before = diag_count(d);
    p.diag_base = before;
    lex_init_at(&p, lbrace.off);
    gol_yyparse(&p);
    lex_done(&p);
    return diag_count(d) > before ? NULL : p.body;
}

File *parse_repl(uint32_t file_id, Diag *d, bool *incomplete) {
    bool inc = false;
    File *f = run(file_id, d, true, false, &inc);
    if (incomplete)
        *incomplete = inc;
    return f;
}
