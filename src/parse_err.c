// Syntax error messages in the words of Go's recursive-descent parser
// (cmd/compile/internal/syntax/parser.go, Go 1.22 wording: "expected", bare names). Bison
// hands us the grammar symbols on its stack and the tokens it would have accepted; from
// the innermost open construct (an unclosed '(' '[' '{' or a statement keyword) and from
// whether an operand was still required, we pick the message Go's parser gives at the same
// point: "unexpected X, expected Y", "unexpected X in argument list; possibly missing comma
// or )", "unexpected X at end of statement", "non-declaration statement outside function
// body"...
#include "parse_int.h"

#include <stdarg.h>
#include <stdio.h>

#include "parser.h"

// How Go 1.22 prints a name token in "unexpected ..." (Go 1.23 prefixes "name ").
#define NAME_PREFIX ""

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
        snprintf(buf, sizeof buf, "%s%s", NAME_PREFIX, p->tok_text);
        return gc_strdup(buf);
    case LITERAL:
        snprintf(buf, sizeof buf, "literal %s", p->tok_text);
        return gc_strdup(buf);
    default:
        return gc_strndup(p->src + p->tok_pos.off, p->tok_end - p->tok_pos.off);
    }
}

void pe_syntax(Parser *p, Pos pos, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    p->diag->syntax = true;
    diag_error(p->diag, pos, "syntax error: %s", buf);
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
        return is(e, i - 1, "if_header") || is(e, i - 1, "SELECT") ? C_CASES : C_BLOCK;
    if (strcmp(below, "STRUCT") == 0)
        return C_STRUCT;
    if (strcmp(below, "INTERFACE") == 0)
        return C_IFACE;
    if (strcmp(below, "fntype") == 0)
        return C_BLOCK;
    if (strcmp(below, "pexpr_no_paren") == 0 || strcmp(below, "othertype") == 0 ||
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
        else if (!strcmp(below, "FUNC") || !strcmp(below, "NAME") || !strcmp(below, "')'") ||
                 !strcmp(below, "tparams_opt"))
            *ctx = C_PARAMS;
        else if (!strcmp(below, "VAR") || !strcmp(below, "CONST") || !strcmp(below, "TYPE") ||
                 !strcmp(below, "IMPORT"))
            *ctx = C_GROUP;
        else
            *ctx = C_PAREN;
    } else if (is(e, i, "'['")) {
        if (!strcmp(below, "pexpr"))
            *ctx = C_INDEX;
        else if (!strcmp(below, "NAME") || !strcmp(below, "FUNC"))
            *ctx = C_PARAMS; // type parameters
        else
            *ctx = C_SLICE;
    } else {
        *ctx = classify_brace(e, i);
    }
    return i;
}

// Find the innermost open construct; returns its stack index (or -1 for top level).
static int innermost(const ErrCtx *e, Ctx *ctx) {
    for (int i = e->n - 1; i >= 0; i--) {
        const char *s = e->syms[i];
        if (!strcmp(s, "'('") || !strcmp(s, "'['") || is_brace_opener(e, i))
            return classify_open(e, i, ctx);
        if (!strcmp(s, "CASE") || !strcmp(s, "DEFAULT")) {
            bool colon = false;
            for (int j = i + 1; j < e->n; j++)
                colon |= is(e, j, "':'");
            *ctx = colon ? C_CASEBODY : C_CASEHEAD;
            return i;
        }
        if (!strcmp(s, "IF") || !strcmp(s, "FOR") || !strcmp(s, "SWITCH")) {
            *ctx = C_HEADER;
            return i;
        }
        if (!strcmp(s, "':'") && is(e, i - 1, "pexpr"))
            continue;
    }
    *ctx = C_TOP;
    return -1;
}

// Whether the parser still needed an operand, a type or a name: the message is then about
// that ("expected expression") rather than about the enclosing list.
static const char *needed(const ErrCtx *e) {
    const char *top = e->n ? e->syms[e->n - 1] : "";
    if (!strcmp(top, "'.'"))
        return "expected name or (";
    if (!strcmp(top, "FUNC") && (e->n < 2 || !strcmp(e->syms[e->n - 2], "top_list") ||
                                 !strcmp(e->syms[e->n - 2], "repl_list")))
        return "expected name or (";
    if (!expects(e, "NAME"))
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
    if (!strncmp(msg, "expected ", 9))
        pe_syntax(p, at, "unexpected %s, %s", tok, msg);
    else if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6))
        pe_syntax(p, at, "unexpected %s %s", tok, msg);
    else
        pe_syntax(p, at, "%s", msg);
}

static bool at_stmt_start(const ErrCtx *e) {
    const char *top = e->n ? e->syms[e->n - 1] : "";
    return !strcmp(top, "';'") || !strcmp(top, "'{'") || !strcmp(top, "BODY") ||
           !strcmp(top, "lbrace") || !strcmp(top, "':'");
}

// The header of an if/for/switch at stack index [k]: Go's header() and blockStmt messages.
static const char *header_msg(const ErrCtx *e, int k) {
    int semis = 0;
    for (int j = k + 1; j < e->n; j++)
        semis += is(e, j, "';'");
    if (is(e, k, "FOR")) {
        if (semis == 2)
            return "expected { after for clause";
        if (semis == 1)
            return e->p->tok == BODY ? "expected for loop condition" : "expected semicolon or newline";
        return "expected {";
    }
    if (is(e, k, "IF"))
        return semis ? "expected { after if clause" : "expected {";
    return semis ? "missing { after switch clause" : "expected {";
}

static const char *top_msg(const ErrCtx *e) {
    Parser *p = e->p;
    const char *top = e->n ? e->syms[e->n - 1] : "";
    if (!strcmp(top, "START_FILE"))
        return "package statement must be first";
    if (!strcmp(top, "';'") || !strcmp(top, "START_REPL")) {
        DeclVec *d = &p->ast->decls;
        if (p->tok == '{' && d->n && vec_last(d)->kind == D_FUNC && !vec_last(d)->body)
            return "unexpected semicolon or newline before {";
        return "non-declaration statement outside function body";
    }
    if (!strcmp(top, "PACKAGE"))
        return "expected name";
    if (!strcmp(top, "NAME") && is(e, e->n - 2, "PACKAGE"))
        return "expected semicolon or newline";
    return "after top level declaration";
}

static const char *list_msg(Ctx ctx, const ErrCtx *e, int k) {
    switch (ctx) {
    case C_ARGS: return "in argument list; possibly missing comma or )";
    case C_PARAMS:
        return is(e, k, "'['") ? "in parameter list; possibly missing comma or ]"
                               : "in parameter list; possibly missing comma or )";
    case C_GROUP: return "in grouped declaration; possibly missing semicolon or newline or )";
    case C_PAREN: return "expected )";
    case C_INDEX: return "expected comma, : or ]";
    case C_SLICE: return "expected ]";
    case C_COMPLIT: return "in composite literal; possibly missing comma or }";
    case C_STRUCT: return "in struct type; possibly missing semicolon or newline or }";
    case C_IFACE: return "in interface type; possibly missing semicolon or newline or }";
    case C_CASES: return "expected case or default or }";
    case C_CASEHEAD: return "expected :";
    default: return NULL;
    }
}

// The message for a statement list (block or case body) when the lookahead cannot
// continue it.
static const char *stmt_msg(const ErrCtx *e, Ctx ctx) {
    const char *top = e->n ? e->syms[e->n - 1] : "";
    if (!strcmp(top, "expr_list") && expects(e, "DEFINE"))
        return "expected := or = or comma";
    if (at_stmt_start(e) || e->p->tok == 0)
        return ctx == C_CASEBODY ? "expected case or default or }" : "expected }";
    return "at end of statement";
}

void pe_report(Parser *p, const char **syms, int nsyms, const char **expected, int nexp,
               Loc at) {
    ErrCtx e = {p, syms, nsyms, expected, nexp};
    if (p->tok == 0 || (p->tok == ';' && !strcmp(p->tok_text, "EOF")))
        p->syntax_at_eof = true;
    p->syntax_error = true;
    Ctx ctx;
    int k = innermost(&e, &ctx);
    const char *top = nsyms ? syms[nsyms - 1] : "";
    bool stmt_ctx = ctx == C_BLOCK || ctx == C_CASEBODY || ctx == C_TOP;
    if (p->tok == DEFINE && (expects(&e, "'='")) && !expects(&e, "DEFINE"))
        return report(&e, at.pos, "expected =");
    if (!strcmp(top, "IMPORT") || (!strcmp(top, "NAME") && is(&e, nsyms - 2, "IMPORT")) ||
        (!strcmp(top, "'.'") && is(&e, nsyms - 2, "IMPORT")))
        return report(&e, at.pos, "missing import path");
    if (ctx == C_TOP && (at_stmt_start(&e) || !strcmp(top, "START_FILE") ||
                         !strcmp(top, "START_REPL") || !strcmp(top, "top_list") ||
                         !strcmp(top, "PACKAGE") || !strcmp(top, "NAME"))) {
        const char *m = top_msg(&e);
        if (strcmp(m, "after top level declaration") != 0)
            return report(&e, at.pos, m);
    }
    const char *need = needed(&e);
    if (need && !(stmt_ctx && at_stmt_start(&e)))
        return report(&e, at.pos, need);
    if (ctx == C_TOP)
        return report(&e, at.pos, top_msg(&e));
    if (ctx == C_BLOCK || ctx == C_CASEBODY)
        return report(&e, at.pos, stmt_msg(&e, ctx));
    if (ctx == C_HEADER)
        return report(&e, at.pos, header_msg(&e, k));
    const char *m = list_msg(ctx, &e, k);
    report(&e, at.pos, m ? m : "expected }");
}
