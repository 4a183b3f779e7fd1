// Internals of the front end shared by grammar/lexer.l, grammar/parser.y and src/parse*.c:
// the Parser state (one per parse, on the caller's stack), token values and locations, and
// the pb_* builders that grammar actions call. Nothing here is used outside the front end.
#ifndef GOL_PARSE_INT_H
#define GOL_PARSE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"
#include "parse.h"

// A token's or a rule's extent: pos is its first byte, end just past its last byte.
typedef struct Loc {
    Pos pos;
    Pos end;
} Loc;

// A literal token: its kind (E_INTLIT...E_STRINGLIT, E_BAD for "none") and source text.
typedef struct Lit {
    ExprKind kind;
    const char *text;
} Lit;

typedef struct Parser {
    uint32_t file;
    const char *src;   // the registered text (NUL-terminated)
    uint32_t len;
    Diag *diag;
    bool repl;
    void *scanner;     // flex yyscan_t

    // ---- lexer state (lexer.l) ----
    uint32_t off;      // offset just past the last raw token (advanced by YY_USER_ACTION)
    uint32_t tok_off;  // offset of the last raw token
    bool started;      // the START_* pseudo-token was delivered
    bool nlsemi;       // a newline or EOF now becomes ';' (Go's semicolon rule)
    bool at_eof;       // the EOF token was delivered
    int loophack;      // 1: the next '{' at this nesting level opens a statement body
    VEC(int) lstk;     // loophack values saved at '(' and '['
    const char *raw_str; // NAME text / literal text of the last raw token
    Lit raw_lit;
    Op raw_op;

    // ---- the token last handed to the parser, for error messages ----
    int tok;           // token code (0 = EOF)
    const char *tok_text; // name or literal text; for ';': "semicolon", "newline" or "EOF"
    Pos tok_pos;
    uint32_t tok_end;
    int prev_tok;      // the token delivered before it
    Pos prev_pos;
    int hdr_semis;     // form of the last reduced if/for header: ';' count, -1 for range

    // ---- results ----
    File *ast;
    bool saw_non_import; // a non-import declaration was seen (imports must come first)
    int lex_errors;      // lexical errors reported
    bool eof_lex_error;  // a lexical error caused by end of input (raw string, comment)
    bool syntax_error;   // the (single) syntax error was reported
    bool syntax_at_eof;  // ... and it was an unexpected end of input
    int diag_base;       // errors in the Diag before this parse began
    // ---- lazy bodies (a library file's function bodies are skipped, see parse.h) ----
    bool lazy_bodies;    // deliver a top-level func's body as one LAZY_BODY token
    bool body_only;      // the input is one body (START_BODY); the result goes to [body]
    Block *body;
    bool skipping;       // inside a skipped body: the raw rules keep no token text
    int depth;           // '{' minus '}' delivered so far (0: top level)
    int fn_state;        // after a top-level `func`: 1 in its header, 0 elsewhere
    int fn_toks;         // tokens since that `func`
    int fn_nest;         // ( and [ open in the header
    int fn_braces;       // { open in the header (struct and interface types)
    bool fn_recv;        // the header's first ( ) is a receiver, still open
    bool fn_generic;     // type parameters (on the func or its receiver): keep the body
    int raw_prev;        // the raw token before the current one
} Parser;

// ---- lexer (lexer.l) ----
void lex_init(Parser *p);
void lex_done(Parser *p);
// Start lexing [p]'s text at byte offset [start] (a body's '{').
void lex_init_at(Parser *p, uint32_t start);
// A lexical error at byte offset [off] (messages as Go's scanner words them).
GOL_PRINTF(3, 4) void lex_error(Parser *p, uint32_t off, const char *fmt, ...);
// The BODY brace [was_body] opened a literal or type, so re-arm the body detection.
void pb_fix_lbrace(Parser *p, int was_body);

// ---- literal checks (lexcheck.c); each reports Go's scanner errors through lex_error ----
// Each returns the literal's kind, or E_BAD after reporting an error (Go marks such literals
// Bad and the checker then ignores them silently).
ExprKind lex_check_number(Parser *p, const char *s, int n, uint32_t off);
ExprKind lex_check_string(Parser *p, const char *s, int n, uint32_t off, bool closed);
ExprKind lex_check_rune(Parser *p, const char *s, int n, uint32_t off, bool closed);
void lex_check_ident(Parser *p, const char *s, int n, uint32_t off);
void lex_bad_char(Parser *p, const char *s, int n, uint32_t off);

// ---- syntax error wording (parse_err.c) ----
// Report the syntax error bison found: [syms] are the grammar symbols on the parse stack
// (bottom first), [expected] the tokens that would have been accepted, [at] the lookahead.
void pe_report(Parser *p, const char **syms, int nsyms, const char **expected, int nexp,
               Loc at);
// A syntax error with Go's "syntax error: " prefix at [pos] (one per parse is kept).
GOL_PRINTF(3, 4) void pe_syntax(Parser *p, Pos pos, const char *fmt, ...);
// The Go spelling of the current lookahead token ("newline", "name x"... as Go 1.22 prints).
const char *pe_tok_string(Parser *p);

// ---- builders (parse_build.c: expressions and types; parse_stmt.c: statements, decls) ----
Expr *pb_ident(const char *name, Loc l);
Expr *pb_lit(Lit lit, Loc l);
Expr *pb_binary(Op op, Expr *x, Expr *y, Pos op_pos);
Expr *pb_unary(Op op, Expr *x, Pos op_pos);
Expr *pb_recv(Parser *p, Expr *x, Pos op_pos);
Expr *pb_star(Expr *x, Pos star);
Expr *pb_tilde(Expr *x, Pos tilde);
Expr *pb_paren(Expr *x, Pos lparen, Pos end);
Expr *pb_selector(Expr *x, const char *name, Pos dot, Loc name_loc);
Expr *pb_typeassert(Parser *p, Expr *x, Expr *type, Pos dot, Pos end);
// x[index] or, for a generic instantiation x[A, B...], index A and [more] the rest.
Expr *pb_index(Expr *x, Expr *index, ExprVec *more, Pos lbrack, Pos end);
Expr *pb_type_inst(Expr *x, ExprVec *types, Pos lbrack, Pos end);
Expr *pb_gen_inst(Parser *p, Expr *x, Expr *first, ExprVec *more, Pos lbrack, Pos end);
Expr *pb_slice(Parser *p, Expr *x, Expr *lo, Expr *hi, Expr *max, Pos lbrack, Pos colon2,
               Loc rbrack);
Expr *pb_call(Expr *fun, ExprVec *args, bool ellipsis, Pos lparen, Pos end);
Expr *pb_complit(Parser *p, Expr *type, ExprVec *elts, Pos lbrace, Pos rbrace, int was_body);
Expr *pb_paren_complit(Parser *p, Expr *paren, ExprVec *elts, Pos lbrace, Pos rbrace);
Expr *pb_keyvalue(Expr *key, Expr *value, Pos colon);
Expr *pb_funclit(Parser *p, Expr *ftype, Block *body, int was_body);
Expr *pb_ellipsis(Expr *elt, Loc l);
Expr *pb_arraytype(Expr *len, Expr *elt, Pos lbrack);
Expr *pb_maptype(Expr *key, Expr *elt, Pos map_pos);
Expr *pb_chantype(ChanDir dir, Expr *elt, Pos pos);
Expr *pb_functype(Parser *p, FieldVec *params, FieldVec *results, Pos func_pos, Pos lparen,
                  Pos end);
// A type in expression position (call argument, parenthesized operand, case list).
Expr *pb_expr_type(Parser *p, Expr *t);
Expr *pb_structtype(Parser *p, FieldVec *fields, Pos pos, Loc rbrace, int was_body);
Expr *pb_ifacetype(Parser *p, FieldVec *methods, Pos pos, Loc rbrace, int was_body);
ExprVec *pb_exprs(ExprVec *list, Expr *x);

Field *pb_field(ExprVec *names, Expr *type, const char *tag);
Field *pb_tagged(Field *f, Lit tag);
Field *pb_embed_ptr(Field *f, Pos star);
Field *pb_param(Expr *name, Expr *type);
Field *pb_method(Parser *p, const char *name, Loc name_loc, FieldVec *params,
                 FieldVec *results, Pos lparen, Pos end);
FieldVec *pb_fields(FieldVec *list, Field *f);
FieldVec *pb_fields_cat(FieldVec *a, FieldVec *b);
// Group parameter items as Go's paramList does (names distribute over the next type).
FieldVec *pb_params(Parser *p, FieldVec *items);

Block *pb_block(StmtVec *stmts, Pos lbrace, Pos rbrace);
StmtVec *pb_stmts(StmtVec *list, Stmt *s);
Stmt *pb_block_stmt(Block *b);
Stmt *pb_decl_stmt(Decl *d);
Stmt *pb_expr_stmt(Expr *x);
Stmt *pb_assign(Op op, ExprVec *lhs, ExprVec *rhs, Pos op_pos);
Stmt *pb_incdec(Op op, Expr *x, Pos op_pos);
Stmt *pb_send(Expr *ch, Expr *value, Pos arrow);
Stmt *pb_labeled(Parser *p, const char *label, Pos pos, Pos colon, Stmt *s);
Stmt *pb_branch(Branch br, Pos pos, const char *label, Loc label_loc);
Stmt *pb_go_defer(Parser *p, StmtKind kind, Pos pos, Expr *x);
Stmt *pb_return(ExprVec *results, Pos pos);
// The header of an if or switch, as the S_IF / S_SWITCH / S_TYPESWITCH node that pb_if or
// pb_switch completes; header errors are reported here, before the body is parsed.
Stmt *pb_header(Parser *p, Stmt *init, Stmt *cond, Pos semi, bool is_switch);
Stmt *pb_if(Parser *p, Pos pos, Stmt *header, Block *body, Stmt *els);
Stmt *pb_for_header(Parser *p, Stmt *init, Stmt *cond, Stmt *post, bool three, Pos semi);
Stmt *pb_range(Parser *p, ExprVec *lhs, bool define, Expr *x, Pos range_pos);
Stmt *pb_for(Parser *p, Pos pos, Stmt *header, Block *body);
Stmt *pb_switch(Parser *p, Pos pos, Stmt *header, StmtVec *cases, Pos lbrace, Pos rbrace);
Stmt *pb_case(Parser *p, ExprVec *list, StmtVec *body, Pos pos, Pos colon);
Stmt *pb_select(Pos pos, StmtVec *cases, Pos lbrace, Pos rbrace);
Stmt *pb_comm(Parser *p, Stmt *comm, StmtVec *body, Pos pos, Pos colon);

SpecVec *pb_specs(SpecVec *list, Spec *s);
Spec *pb_import(Parser *p, const char *local, Pos local_pos, Lit path, Pos path_pos);
Spec *pb_value_spec(ExprVec *names, Expr *type, ExprVec *values);
Spec *pb_type_spec(Parser *p, const char *name, Pos pos, FieldVec *tparams, bool alias,
                   Expr *type);
Decl *pb_decl1(DeclKind kind, Pos pos, Spec *s);
Decl *pb_decl(DeclKind kind, Pos pos, SpecVec *specs);
// A body skipped by the lexer (LAZY_BODY at [l]): a Block with only its braces.
Block *pb_lazy_body(Loc l);
Decl *pb_func_decl(Parser *p, Pos func_pos, FieldVec *recv, Pos recv_pos, const char *name,
                   Loc name_loc, FieldVec *tparams, FieldVec *params, FieldVec *results,
                   Pos sig_pos, Block *body);
void pb_package(Parser *p, const char *name, Pos pos);
void pb_top_decl(Parser *p, Decl *d);
void pb_repl_stmt(Parser *p, Stmt *s);

#endif
