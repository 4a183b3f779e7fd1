// Syntax error messages in the words of Go's recursive-descent parser
// (cmd/compile/internal/syntax/parser.go, as Go 1.23 and later word them: "expected", "name
// x" for an identifier). Bison hands us the grammar symbols on its stack and the tokens it
// would have accepted; from the innermost open construct (an unclosed '(' '[' '{' or a
// statement keyword) and from whether an operand was still required, we pick the message
// Go's parser gives at the same point: "unexpected X, expected Y", "unexpected X in argument
// list; possibly missing comma or )", "unexpected X at end of statement", "non-declaration
// statement outside function body"... Set GOL_PARSE_DEBUG=1 to see the stack and expected
// tokens of each report.
#include "parse_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "parser.h"


typedef enum Ctx {
    C_TOP,      // between top-level declarations
    C_BLOCK,    // a statement list in { }
    C_CASES,    // between the clauses of a switch or select
    C_CASEHEAD, // case x, y ... before ':'
    C_CASEBODY, // the statements of a case clause
    C_HEADER,   // if/for/switch header
    C_ARGS,     // call arguments
    C_PARAMS,   // parameter list (also type parameters: close is ']')
    C_GROUP,    // var ( ... ) etc.
    C_PAREN,    // ( expr )
    C_INDEX,    // x[i ...
    C_SLICE,    // x[i:j ... and array lengths, map keys
    C_COMPLIT,  // T{ ... }
    C_STRUCT,   // struct { ... }
    C_IFACE,    // interface { ... }
} Ctx;

typedef struct ErrCtx {
    Parser *p;
    const char **syms;
    int n;
    const char **exp;
    int nexp;
} ErrCtx;

static bool is(const ErrCtx *e, int i, const char *name) {
    return i >= 0 && i < e->n && strcmp(e->syms[i], name) == 0;
}

static bool expects(const ErrCtx *e, const char *name) {
    for (int i = 0; i < e->nexp; i++)
        if (strcmp(e->exp[i], name) == 0)
            return true;
    return false;
}

const char *pe_tok_string(Parser *p) {
    char buf[256];
    switch (p->tok) {
    case 0:
        return "EOF";
    case ';':
        return p->tok_text;
    case ',':
        return "comma";
    case BODY:
        return "{";
    case NAME:
        snprintf(buf, sizeof buf, "name %s", p->tok_text);
        return gc_strdup(buf);
    case LITERAL:
        snprintf(buf, sizeof buf, "literal %s", p->tok_text);
        return gc_strdup(buf);
    default:
        return gc_strndup(p->src + p->tok_pos.off, p->tok_end - p->tok_pos.off);
    }
}

void pe_syntax(Parser *p, Pos pos, const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    p->diag->syntax = true;
    diag_error(p->diag, pos, "syntax error: %s", buf_cstr(&b));
}

// Classify the opener at stack index [i] (a terminal that is still unclosed).
static int classify_open(const ErrCtx *e, int i, Ctx *ctx);

static bool is_brace_opener(const ErrCtx *e, int i) {
    return is(e, i, "'{'") || is(e, i, "lbrace") || is(e, i, "BODY");
}

// A '{' (or lbrace) at [i]: a composite literal, a struct/interface type, or a block.
static Ctx classify_brace(const ErrCtx *e, int i) {
    const char *below = i > 0 ? e->syms[i - 1] : "";
    if (is(e, i, "BODY"))
        return is(e, i - 1, "switch_header") || is(e, i - 1, "SELECT")
                   ? C_CASES
                   : C_BLOCK;
    if (strcmp(below, "STRUCT") == 0)
        return C_STRUCT;
    if (strcmp(below, "INTERFACE") == 0)
        return C_IFACE;
    if (strcmp(below, "fntype") == 0)
        return C_BLOCK;
    if (strcmp(below, "complit_type") == 0 || strcmp(below, "littype") == 0 ||
        strcmp(below, "')'") == 0 || strcmp(below, "','") == 0 || strcmp(below, "':'") == 0)
        return strcmp(below, "':'") == 0 && !is(e, i - 2, "complitexpr") ? C_BLOCK : C_COMPLIT;
    if (strcmp(below, "'{'") == 0 || strcmp(below, "lbrace") == 0) {
        Ctx outer;
        classify_open(e, i - 1, &outer);
        return outer == C_COMPLIT ? C_COMPLIT : C_BLOCK;
    }
    return C_BLOCK;
}

static int classify_open(const ErrCtx *e, int i, Ctx *ctx) {
    const char *below = i > 0 ? e->syms[i - 1] : "";
    if (is(e, i, "'('")) {
        if (!strcmp(below, "pexpr") || !strcmp(below, "convtype"))
            *ctx = C_ARGS;
        else if (!strcmp(below, "NAME") && (is(e, i - 2, "TYPE") || is(e, i - 2, "type_specs") ||
                                            is(e, i - 2, "'('") || is(e, i - 2, "','")))
            *ctx = C_PAREN; // type T (...), or a parameter name then a parenthesized type
        else if (!strcmp(below, "FUNC") || !strcmp(below, "NAME") || !strcmp(below, "')'") ||
                 !strcmp(below, "tparams_opt"))
            *ctx = C_PARAMS;
        else if (!strcmp(below, "VAR") || !strcmp(below, "CONST") || !strcmp(below, "TYPE") ||
                 !strcmp(below, "IMPORT"))
            *ctx = C_GROUP;
        else if (!strcmp(below, "'.'"))
            *ctx = C_PAREN; // x.(T)
        else
            *ctx = C_PAREN;
    } else if (is(e, i, "'['")) {
        if (!strcmp(below, "pexpr"))
            *ctx = C_INDEX;
        else if (!strcmp(below, "NAME") &&
                 (is(e, i - 2, "FUNC") || is(e, i - 2, "TYPE") || is(e, i - 2, "type_specs") ||
                  (is(e, i - 2, "'('") && is(e, i - 3, "TYPE"))))
            *ctx = C_PARAMS; // type parameters
        else
            *ctx = C_SLICE;
    } else {
        *ctx = classify_brace(e, i);
    }
    return i;
}

static bool is_closer(const char *s) {
    return !strcmp(s, "')'") || !strcmp(s, "']'") || !strcmp(s, "'}'");
}

// Find the innermost open construct: scanning down the stack, skip bracket pairs that are
// already closed (LAC detects errors before they are reduced) and statements whose body
// has been parsed. Returns its stack index (or -1 for top level).
static int innermost(const ErrCtx *e, Ctx *ctx) {
    int depth = 0;
    bool saw_body = false;
    for (int i = e->n - 1; i >= 0; i--) {
        const char *s = e->syms[i];
        if (is_closer(s)) {
            depth++;
            continue;
        }
        if (!strcmp(s, "'('") || !strcmp(s, "'['") || is_brace_opener(e, i)) {
            if (depth == 0)
                return classify_open(e, i, ctx);
            depth--;
            saw_body |= is(e, i, "BODY");
            continue;
        }
        if (depth > 0)
            continue;
        saw_body |= !strcmp(s, "loop_body") || !strcmp(s, "block");
        if (!strcmp(s, "CASE") || !strcmp(s, "DEFAULT")) {
            bool colon = false;
            for (int j = i + 1; j < e->n; j++)
                colon |= is(e, j, "':'");
            *ctx = colon ? C_CASEBODY : C_CASEHEAD;
            return i;
        }
        if ((!strcmp(s, "IF") || !strcmp(s, "FOR") || !strcmp(s, "SWITCH")) && !saw_body) {
            *ctx = C_HEADER;
            return i;
        }
    }
    *ctx = C_TOP;
    return -1;
}

static uint32_t skip_blanks(Parser *p, uint32_t off) {
    while (off < p->len && strchr(" \t\r\n", p->src[off]))
        off++;
    return off;
}

static bool is_sep(int t) {
    return t == ';' || t == '{' || t == BODY || t == ':' || t == START_FILE || t == START_REPL;
}

static bool is_sep_sym(const char *s) {
    return !strcmp(s, "';'") || !strcmp(s, "'{'") || !strcmp(s, "BODY") ||
           !strcmp(s, "lbrace") || !strcmp(s, "':'");
}

// Whether the parser still needed an operand, a type or a name: the message is then about
// that ("expected expression") rather than about the enclosing list.
static const char *needed(const ErrCtx *e) {
    const char *top = e->n ? e->syms[e->n - 1] : "";
    if (!strcmp(top, "'.'"))
        return is(e, e->n - 2, "pexpr") ? "expected name or (" : "expected name";
    if (!strcmp(top, "FUNC") && (is(e, e->n - 2, "top_list") || is(e, e->n - 2, "repl_list")))
        return "expected name or (";
    if (!strcmp(top, "BREAK") || !strcmp(top, "CONTINUE") || !expects(e, "NAME"))
        return NULL;
    if (expects(e, "LITERAL"))
        return "expected expression";
    if (expects(e, "STRUCT") || expects(e, "MAP") || expects(e, "'['"))
        return "expected type";
    return "expected name";
}

static void report(ErrCtx *e, Pos at, const char *msg) {
    Parser *p = e->p;
    const char *tok = pe_tok_string(p);
    if (!*msg)
        pe_syntax(p, at, "unexpected %s", tok);
    else if (!strncmp(msg, "expected ", 9))
        pe_syntax(p, at, "unexpected %s, %s", tok, msg);
    else if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6))
        pe_syntax(p, at, "unexpected %s %s", tok, msg);
    else
        pe_syntax(p, at, "%s", msg);
}

static int last_index(const ErrCtx *e, int from, const char *name) {
    for (int j = e->n - 1; j > from; j--)
        if (is(e, j, name))
            return j;
    return -1;
}

// The header of an if/for/switch at stack index [k]: Go's header() and blockStmt messages.
static const char *header_msg(const ErrCtx *e, int k) {
    int semis = 0;
    bool range = last_index(e, k, "RANGE") >= 0;
    for (int j = k + 1; j < e->n; j++)
        semis += is(e, j, "';'");
    if (is(e, e->n - 1, "for_header") || is(e, e->n - 1, "if_header") ||
        is(e, e->n - 1, "switch_header")) {
        semis = e->p->hdr_semis; // reduced already: its builder recorded the form
        range = semis < 0;
    }
    if (is(e, k, "FOR")) {
        if (semis == 2 || range)
            return "expected { after for clause";
        if (semis == 1)
            return e->p->prev_tok == ';' ? "expected for loop condition"
                                         : "expected semicolon or newline";
        return "expected {";
    }
    if (is(e, k, "IF"))
        return semis ? "expected { after if clause" : "expected {";
    return semis ? "missing { after switch clause" : "expected {";
}

// Between top-level declarations: Go's fileOrNil.
static const char *top_msg(const ErrCtx *e) {
    Parser *p = e->p;
    const char *top = e->n ? e->syms[e->n - 1] : "";
    if (!strcmp(top, "START_FILE"))
        return "package statement must be first";
    if (!strcmp(top, "PACKAGE"))
        return "expected name";
    if (!strcmp(top, "NAME") && is(e, e->n - 2, "PACKAGE"))
        return "expected semicolon or newline";
    if (is_sep(p->prev_tok) && p->repl)
        return ""; // REPL input may hold statements: just "unexpected X"
    if (is_sep(p->prev_tok)) {
        DeclVec *d = &p->ast->decls;
        if (p->tok == '{' && d->n && vec_last(d)->kind == D_FUNC && !vec_last(d)->body)
            return "unexpected semicolon or newline before {";
        return "non-declaration statement outside function body";
    }
    return NULL;
}

static const char *close_of(Ctx ctx, const ErrCtx *e, int k) {
    switch (ctx) {
    case C_ARGS: case C_GROUP: case C_PAREN: return ")";
    case C_PARAMS: return is(e, k, "'['") ? "]" : ")";
    case C_INDEX: case C_SLICE: return "]";
    default: return "}";
    }
}

static const char *list_msg(Ctx ctx, const ErrCtx *e, int k) {
    switch (ctx) {
    case C_ARGS: return "in argument list; possibly missing comma or )";
    case C_PARAMS:
        return is(e, k, "'['") ? "in parameter list; possibly missing comma or ]"
                               : "in parameter list; possibly missing comma or )";
    case C_GROUP: return "in grouped declaration; possibly missing semicolon or newline or )";
    case C_PAREN: return "expected )";
    case C_INDEX:
        return last_index(e, k, "':'") >= 0 || last_index(e, k, "','") >= 0
                   ? "expected ]"
                   : "expected comma, : or ]";
    case C_SLICE: return "expected ]";
    case C_COMPLIT: return "in composite literal; possibly missing comma or }";
    case C_STRUCT: return "in struct type; possibly missing semicolon or newline or }";
    case C_IFACE: return "in interface type; possibly missing semicolon or newline or }";
    case C_CASES: return "expected case or default or }";
    case C_CASEHEAD: return "expected :";
    default: return "expected }";
    }
}

// At the start of a list element: just after the opener or a separator.
static bool list_start(const ErrCtx *e) {
    int t = e->p->prev_tok;
    return t == '(' || t == '[' || t == '{' || t == BODY || t == ',' || t == ';';
}

// Whether the list's separator or closer may follow here (the element could end).
static bool list_may_end(const ErrCtx *e, Ctx ctx) {
    bool semi = ctx == C_GROUP || ctx == C_STRUCT || ctx == C_IFACE;
    const char *close = ctx == C_COMPLIT || ctx == C_STRUCT || ctx == C_IFACE || ctx == C_CASES
                            ? "'}'"
                        : ctx == C_INDEX || ctx == C_SLICE ? "']'"
                        : ctx == C_CASEHEAD               ? "':'"
                                                          : "')'";
    return expects(e, semi ? "';'" : "','") || expects(e, close);
}

static bool is_list(Ctx ctx) {
    return ctx == C_ARGS || ctx == C_PARAMS || ctx == C_GROUP || ctx == C_COMPLIT ||
           ctx == C_STRUCT || ctx == C_IFACE;
}

// A statement list (block or case body) that the lookahead cannot continue.
// Go's simpleStmt: a list of expressions must be followed by := or = (or another comma).
static bool list_lhs(const ErrCtx *e, int k) {
    int l = last_index(e, k, "expr_list");
    if (l <= 0 || !expects(e, "DEFINE") || !(is(e, l + 1, "','") || l == e->n - 1))
        return false;
    const char *b = e->syms[l - 1];
    return is_sep_sym(b) || !strcmp(b, "FOR") || !strcmp(b, "IF") || !strcmp(b, "SWITCH");
}

static const char *stmt_msg(const ErrCtx *e, Ctx ctx, int k) {
    if (list_lhs(e, k))
        return "expected := or = or comma";
    if (is_sep(e->p->prev_tok) || e->p->tok == 0)
        return ctx == C_CASEBODY ? "expected case or default or }" : "expected }";
    return "at end of statement";
}

// Go's want(tok): when exactly one token could follow, name it ("expected (").
static const char *single_expected(const ErrCtx *e) {
    static const struct { const char *sym, *go; } names[] = {
        {"NAME", "name"}, {"CHAN", "chan"}, {"BODY", "{"}, {"'{'", "{"}, {"','", "comma"},
        {"DEFINE", ":="}, {"ELLIPSIS", "..."}, {"ARROW", "<-"}, {"RANGE", "range"},
        {"TYPE", "type"}, {"IF", "if"},
    };
    const char *want = NULL;
    if (e->nexp == 2 && expects(e, "'('") && expects(e, "'['"))
        return "expected ("; // after a func name; type parameters are the exception
    for (int i = 0; i < e->nexp; i++) {
        const char *s = e->exp[i], *go = NULL;
        for (size_t j = 0; j < sizeof names / sizeof *names && !go; j++)
            if (!strcmp(s, names[j].sym))
                go = names[j].go;
        if (!go && s[0] == '\'' && strlen(s) == 3)
            go = gc_strndup(s + 1, 1);
        if (!go || (want && strcmp(want, go) != 0))
            return NULL;
        want = go;
    }
    if (!want || !strcmp(want, ";"))
        return NULL;
    char buf[64];
    snprintf(buf, sizeof buf, "expected %s", want);
    return gc_strdup(buf);
}

// Messages that do not depend on the enclosing list: Go's parser reports them where a
// particular construct goes wrong.
static const char *special_msg(const ErrCtx *e) {
    Parser *p = e->p;
    const char *top = e->n ? e->syms[e->n - 1] : "";
    const char *below = e->n > 1 ? e->syms[e->n - 2] : "";
    if (p->tok == DEFINE && expects(e, "'='") && !expects(e, "DEFINE"))
        return "expected =";
    if (!strcmp(top, "IMPORT") || (expects(e, "LITERAL") && e->nexp == 1))
        return "missing import path";
    if (!strcmp(top, "'['") && p->tok == ']' && !strcmp(below, "pexpr"))
        return "expected operand";
    if (!strcmp(top, "CHAN") || (!strcmp(top, "ARROW") && !strcmp(below, "CHAN")))
        return "missing channel element type";
    if (!strcmp(top, "ELLIPSIS") && expects(e, "NAME") && !expects(e, "LITERAL"))
        return "... is missing type";
    if (!strcmp(top, "ARROW") && expects(e, "CHAN") && e->nexp == 1)
        return "expected chan";
    if (p->tok == VAR && (!strcmp(top, "IF") || !strcmp(top, "FOR") || !strcmp(top, "SWITCH"))) {
        char buf[64];
        snprintf(buf, sizeof buf, "var declaration not allowed in %s initializer",
                 !strcmp(top, "IF") ? "if" : !strcmp(top, "FOR") ? "for" : "switch");
        return gc_strdup(buf);
    }
    if (!strcmp(top, "SELECT"))
        return "missing { after select clause";
    if (!strcmp(top, "NAME") && !strcmp(below, "')'") && p->tok == '[' &&
        is(e, e->n - 5, "FUNC"))
        return "method must have no type parameters";
    if (!strcmp(top, "FUNC") && p->tok == '[') // func[T any](x T) {...} as a literal or type
        return "function type must have no type parameters";
    if (!strcmp(top, "ELSE"))
        return "else must be followed by if or statement block";
    if (!strcmp(top, "'['") && p->tok == ']' && !strcmp(below, "NAME") &&
        is(e, e->n - 3, "FUNC"))
        return "empty type parameter list";
    if (!strcmp(top, "NAME") && (!strcmp(below, "TYPE") || (!strcmp(below, "'('") &&
                                 is(e, e->n - 3, "TYPE")) || !strcmp(below, "type_specs")))
        return "in type declaration";
    if (!strcmp(top, "NAME") && is(e, e->n - 3, "type_specs"))
        return "in type declaration";
    return NULL;
}

static void debug_dump(const ErrCtx *e) {
    for (int i = 0; i < e->n; i++)
        fprintf(stderr, "%s ", e->syms[i]);
    fprintf(stderr, "\n  expected:");
    for (int i = 0; i < e->nexp; i++)
        fprintf(stderr, " %s", e->exp[i]);
    fprintf(stderr, "\n  prev=%d tok=%d\n", e->p->prev_tok, e->p->tok);
}

static const char *expected_close(const ErrCtx *e, Ctx ctx, int k) {
    char buf[32];
    snprintf(buf, sizeof buf, "expected %s", close_of(ctx, e, k));
    return gc_strdup(buf);
}

// Messages decided by the construct being parsed rather than by what it needs next.
// Returns NULL when none applies; *at may be moved.
static const char *early_msg(const ErrCtx *e, Ctx ctx, int k, Pos *at) {
    Parser *p = e->p;
    const char *m = special_msg(e);
    if (m && p->tok == VAR && strstr(m, "initializer")) // Go complains after consuming var
        *at = (Pos){at->file, skip_blanks(p, p->tok_end)};
    if (m)
        return m;
    if (ctx == C_HEADER && is(e, k, "FOR") && p->tok == BODY && p->prev_tok == ';')
        return header_msg(e, k);
    if (ctx == C_TOP && (m = top_msg(e)))
        return m;
    if (p->tok == 0 && is_list(ctx) &&
        (p->prev_tok == ',' || p->prev_tok == ';' || k == e->n - 1 || is(e, e->n - 1, "lbrace")))
        return expected_close(e, ctx, k); // Go's list() stops at EOF and wants the closer
    if (ctx == C_SLICE && p->tok == ',' && p->prev_tok != '[' && !is(e, k - 1, "MAP"))
        return "unexpected comma; expected ]";
    if (ctx == C_GROUP && is(e, k - 1, "IMPORT") &&
        (p->prev_tok == '(' || p->prev_tok == ';' || p->prev_tok == NAME || p->prev_tok == '.'))
        return "missing import path";
    return NULL;
}

// What Go's parser says when it needed an operand, type or name here (NULL: nothing was
// needed, the construct could have ended).
static const char *need_msg(const ErrCtx *e, Ctx ctx, int k) {
    Parser *p = e->p;
    bool stmt_ctx = ctx == C_BLOCK || ctx == C_CASEBODY || ctx == C_TOP;
    const char *need = needed(e);
    if (need && !stmt_ctx && ctx != C_HEADER && !list_start(e) && p->prev_tok != ':' &&
        list_may_end(e, ctx))
        need = NULL; // the element is complete; what follows it is wrong (Go's list())
    if (need && stmt_ctx && expects(e, "';'") && !is(e, e->n - 1, "RETURN"))
        need = NULL; // the statement or declaration may end here (an optional part is absent)
    if (need && ctx == C_STRUCT && list_start(e) && p->prev_tok != ',')
        need = "expected field name or embedded type";
    if (ctx == C_STRUCT && is(e, e->n - 1, "NAME") && is_sep_sym(e->syms[e->n - 2]) &&
        p->tok != '.' && p->tok != LITERAL)
        need = "expected type"; // a field name (Go's fieldDecl)
    if (need && ctx == C_INDEX && p->prev_tok == ',')
        need = "expected ]"; // type arguments end at a non-type (Go's typeList)
    if (need && ctx == C_IFACE && (list_start(e) || is(e, e->n - 1, "'|'")))
        need = "expected ~ term or type"; // Go's embeddedTerm, also after a union's '|'
    if (ctx == C_PARAMS && is(e, e->n - 1, "NAME"))
        need = NULL; // a parameter name may stand alone (Go's paramDeclOrNil)
    if (ctx == C_PARAMS && need && (k == e->n - 1 || is(e, e->n - 1, "','")))
        need = expected_close(e, ctx, k); // no parameter can start here
    if (need && stmt_ctx && is_sep(p->prev_tok))
        need = NULL; // at a statement's start Go's stmtOrNil simply finds none
    return need;
}

// The message of the enclosing construct when the element before the lookahead is complete.
static const char *context_msg(const ErrCtx *e, Ctx ctx, int k) {
    Parser *p = e->p;
    const char *m = single_expected(e);
    if (m && (ctx != C_HEADER || strcmp(m, "expected {") != 0))
        return m;
    switch (ctx) {
    case C_TOP: return p->repl ? "at end of statement" : "after top level declaration";
    case C_BLOCK: case C_CASEBODY: return stmt_msg(e, ctx, k);
    case C_HEADER: return list_lhs(e, k) ? "expected := or = or comma" : header_msg(e, k);
    case C_CASEHEAD:
        if (expects(e, "DEFINE") && last_index(e, k, "','") > k)
            return "expected := or = or comma"; // a select case's list
        break;
    case C_CASES:
        if (!is_sep(p->prev_tok))
            return "at end of statement";
        break;
    default:
        break;
    }
    return list_msg(ctx, e, k);
}

void pe_report(Parser *p, const char **syms, int nsyms, const char **expected, int nexp,
               Loc at) {
    ErrCtx e = {p, syms, nsyms, expected, nexp};
    if (getenv("GOL_PARSE_DEBUG")) // stack and expected tokens, for tuning messages
        debug_dump(&e);
    if (p->tok == 0 || (p->tok == ';' && !strcmp(p->tok_text, "EOF")))
        p->syntax_at_eof = true;
    p->syntax_error = true;
    // gc's syntaxErrorAt: "avoid meaningless follow-up errors" at EOF after any earlier error
    // (an unterminated raw string or comment, a bad literal...). Checking still stops.
    if (p->tok == 0 && !p->repl && diag_count(p->diag) > p->diag_base) {
        p->diag->syntax = true;
        return;
    }
    if (is(&e, nsyms - 1, "':'") && is(&e, nsyms - 2, "NAME") && nsyms > 2 &&
        is_sep_sym(syms[nsyms - 3]))
        return pe_syntax(p, p->prev_pos, "missing statement after label");
    Ctx ctx;
    int k = innermost(&e, &ctx);
    Pos pos = at.pos;
    const char *m = early_msg(&e, ctx, k, &pos);
    if (!m)
        m = need_msg(&e, ctx, k);
    if (!m)
        m = context_msg(&e, ctx, k);
    report(&e, pos, m);
}
