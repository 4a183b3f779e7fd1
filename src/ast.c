// AST node constructors, operator spelling, and printing: ast_expr_str renders an expression
// the way types2 does in messages (syntax.String in ShortForm: composite literal and function
// bodies elided as {…}); ast_dump_file is a debug dump. Nodes are GC memory, never freed.
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>

#include "../runtime/buf.h"

Expr *ast_expr(ExprKind kind, Pos pos) {
    Expr *e = gc_alloc(sizeof *e);
    e->kind = kind;
    e->pos = e->start = e->end = pos;
    return e;
}

Stmt *ast_stmt(StmtKind kind, Pos pos) {
    Stmt *s = gc_alloc(sizeof *s);
    s->kind = kind;
    s->pos = pos;
    return s;
}

Decl *ast_decl(DeclKind kind, Pos pos) {
    Decl *d = gc_alloc(sizeof *d);
    d->kind = kind;
    d->pos = pos;
    return d;
}

Spec *ast_spec(Pos pos) {
    Spec *s = gc_alloc(sizeof *s);
    s->pos = pos;
    return s;
}

Field *ast_field(Pos pos) {
    Field *f = gc_alloc(sizeof *f);
    f->pos = pos;
    return f;
}

Block *ast_block(Pos lbrace) {
    Block *b = gc_alloc(sizeof *b);
    b->lbrace = lbrace;
    return b;
}

const char *ast_op_str(Op op) {
    switch (op) {
    case OP_NONE: return "~";
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_QUO: return "/";
    case OP_REM: return "%";
    case OP_AND: return "&";
    case OP_OR: return "|";
    case OP_XOR: return "^";
    case OP_SHL: return "<<";
    case OP_SHR: return ">>";
    case OP_AND_NOT: return "&^";
    case OP_LAND: return "&&";
    case OP_LOR: return "||";
    case OP_EQL: return "==";
    case OP_NEQ: return "!=";
    case OP_LSS: return "<";
    case OP_LEQ: return "<=";
    case OP_GTR: return ">";
    case OP_GEQ: return ">=";
    case OP_NOT: return "!";
    case OP_ARROW: return "<-";
    case OP_INC: return "++";
    case OP_DEC: return "--";
    case OP_DEFINE: return ":=";
    case OP_ASSIGN: return "=";
    }
    return "?";
}

Expr *ast_unparen(Expr *e) {
    while (e && e->kind == E_PAREN)
        e = e->x;
    return e;
}

// ---- printing ----

static void expr(Buf *b, const Expr *e);

static void expr_list(Buf *b, const ExprVec *v) {
    for (int i = 0; i < v->n; i++) {
        if (i)
            buf_puts(b, ", ");
        expr(b, v->v[i]);
    }
}

static void signature(Buf *b, const Expr *ft);

// One field, parameter or method: "a, b T", "T", "m(x int) int".
static void field(Buf *b, const Field *f, bool method) {
    expr_list(b, &f->names);
    if (method && f->names.n && f->type && f->type->kind == E_FUNCTYPE) {
        signature(b, f->type);
        return;
    }
    if (f->names.n)
        buf_puts(b, " ");
    expr(b, method ? f->type : ast_unparen(f->type));
    if (f->tag) {
        buf_puts(b, " ");
        buf_puts(b, f->tag);
    }
}

static void fields(Buf *b, const FieldVec *v, const char *sep, bool method) {
    for (int i = 0; i < v->n; i++) {
        if (i)
            buf_puts(b, sep);
        field(b, v->v[i], method);
    }
}

static void signature(Buf *b, const Expr *ft) {
    buf_puts(b, "(");
    fields(b, &ft->fields, ", ", false);
    buf_puts(b, ")");
    const FieldVec *r = &ft->results;
    if (r->n == 0)
        return;
    buf_puts(b, " ");
    if (r->n == 1 && r->v[0]->names.n == 0) {
        expr(b, r->v[0]->type);
        return;
    }
    buf_puts(b, "(");
    fields(b, r, ", ", false);
    buf_puts(b, ")");
}

static void type_expr(Buf *b, const Expr *e) {
    switch (e->kind) {
    case E_ARRAYTYPE:
        buf_puts(b, "[");
        if (e->len && e->len->kind == E_ELLIPSIS && !e->len->elt)
            buf_puts(b, "...");
        else if (e->len)
            expr(b, e->len);
        buf_puts(b, "]");
        expr(b, e->elt);
        break;
    case E_STRUCTTYPE:
        buf_puts(b, "struct{");
        fields(b, &e->fields, "; ", false);
        buf_puts(b, "}");
        break;
    case E_FUNCTYPE:
        buf_puts(b, "func");
        signature(b, e);
        break;
    case E_IFACETYPE:
        buf_puts(b, "interface{");
        fields(b, &e->fields, "; ", true);
        buf_puts(b, "}");
        break;
    case E_MAPTYPE:
        buf_puts(b, "map[");
        expr(b, e->key);
        buf_puts(b, "]");
        expr(b, e->elt);
        break;
    default: // E_CHANTYPE
        buf_puts(b, e->dir == CHAN_RECV ? "<-chan" : e->dir == CHAN_SEND ? "chan<-" : "chan");
        buf_puts(b, " ");
        if (e->dir == CHAN_BOTH && e->elt->kind == E_CHANTYPE && e->elt->dir == CHAN_RECV) {
            buf_puts(b, "(");
            expr(b, e->elt);
            buf_puts(b, ")");
        } else {
            expr(b, e->elt);
        }
        break;
    }
}

static void slice_expr(Buf *b, const Expr *e) {
    expr(b, e->x);
    buf_puts(b, "[");
    if (e->lo)
        expr(b, e->lo);
    buf_puts(b, ":");
    if (e->hi)
        expr(b, e->hi);
    if (e->max) {
        buf_puts(b, ":");
        expr(b, e->max);
    }
    buf_puts(b, "]");
}

// ast_expr_src prints composite literals' elements (go/printer); types2 elides them.
static _Thread_local bool full_literals;

static void expr(Buf *b, const Expr *e) {
    if (!e) {
        buf_puts(b, "<nil>");
        return;
    }
    switch (e->kind) {
    case E_BAD: buf_puts(b, e->lit ? e->lit : "<bad expr>"); break;
    case E_IDENT: buf_puts(b, e->name); break;
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_RUNELIT: case E_STRINGLIT:
        buf_puts(b, e->lit);
        break;
    case E_COMPOSITE:
        if (e->type)
            expr(b, e->type);
        if (full_literals && e->args.n) {
            buf_puts(b, "{");
            for (int i = 0; i < e->args.n; i++) {
                if (i)
                    buf_puts(b, ", ");
                expr(b, e->args.v[i]);
            }
            buf_puts(b, "}");
        } else {
            buf_puts(b, e->args.n ? "{…}" : "{}");
        }
        break;
    case E_FUNCLIT:
        expr(b, e->type);
        buf_puts(b, e->body && e->body->stmts.n ? " {…}" : " {}");
        break;
    case E_PAREN: buf_puts(b, "("); expr(b, e->x); buf_puts(b, ")"); break;
    case E_SELECTOR: expr(b, e->x); buf_puts(b, "."); buf_puts(b, e->name); break;
    case E_INDEX:
        expr(b, e->x);
        buf_puts(b, "[");
        expr(b, e->y);
        if (e->args.n)
            buf_puts(b, ", ");
        expr_list(b, &e->args);
        buf_puts(b, "]");
        break;
    case E_SLICE: slice_expr(b, e); break;
    case E_TYPEASSERT:
        expr(b, e->x);
        buf_puts(b, ".(");
        if (e->type)
            expr(b, e->type);
        else
            buf_puts(b, "type");
        buf_puts(b, ")");
        break;
    case E_CALL:
        expr(b, e->x);
        buf_puts(b, "(");
        if (e->args.n && e->args.v[0]->spread)
            expr(b, e->args.v[0]->spread); // f(g()) with g's results spread
        else
            expr_list(b, &e->args);
        buf_puts(b, e->has_ellipsis ? "...)" : ")");
        break;
    case E_STAR: buf_puts(b, "*"); expr(b, e->x); break;
    case E_UNARY: buf_puts(b, ast_op_str(e->op)); expr(b, e->x); break;
    case E_BINARY:
        expr(b, e->x);
        buf_puts(b, " ");
        buf_puts(b, ast_op_str(e->op));
        buf_puts(b, " ");
        expr(b, e->y);
        break;
    case E_KEYVALUE: expr(b, e->x); buf_puts(b, ": "); expr(b, e->y); break;
    case E_ELLIPSIS:
        buf_puts(b, "...");
        if (e->elt)
            expr(b, e->elt);
        break;
    default:
        type_expr(b, e);
        break;
    }
}

char *ast_expr_str(const Expr *e) {
    Buf b = {0};
    buf_reserve(&b, 0); // never NULL, even for ""
    expr(&b, e);
    return b.data;
}

char *ast_expr_src(const Expr *e) {
    full_literals = true;
    char *s = ast_expr_str(e);
    full_literals = false;
    return s;
}

// ---- debug dump ----

static const char *stmt_names[] = {
    "bad", "decl", "empty", "labeled", "expr", "send", "incdec", "assign", "go", "defer",
    "return", "branch", "block", "if", "case", "switch", "typeswitch", "comm", "select",
    "for", "range",
};

static void indent(int depth) {
    printf("%*s", depth * 2, "");
}

static void dump_stmt(const Stmt *s, int depth);
static void dump_decl(const Decl *d, int depth);

static void dump_block(const Block *b, int depth) {
    for (int i = 0; b && i < b->stmts.n; i++)
        dump_stmt(b->stmts.v[i], depth);
}

static void print_list(const char *label, const ExprVec *v) {
    printf(" %s[", label);
    for (int i = 0; i < v->n; i++)
        printf("%s%s", i ? ", " : "", ast_expr_str(v->v[i]));
    printf("]");
}

static void dump_stmt_head(const Stmt *s) {
    switch (s->kind) {
    case S_EXPR: case S_INCDEC: case S_SWITCH: case S_IF:
        if (s->x)
            printf(" %s", ast_expr_str(s->x));
        if (s->kind == S_INCDEC)
            printf("%s", ast_op_str(s->op));
        break;
    case S_SEND: printf(" %s <- %s", ast_expr_str(s->x), ast_expr_str(s->y)); break;
    case S_ASSIGN:
        print_list("", &s->lhs);
        printf(" %s%s", ast_op_str(s->op), s->op == OP_ASSIGN || s->op == OP_DEFINE ? "" : "=");
        print_list("", &s->rhs);
        break;
    case S_GO: case S_DEFER: printf(" %s", ast_expr_str(s->call)); break;
    case S_RETURN: print_list("", &s->results); break;
    case S_BRANCH: case S_LABELED: if (s->label) printf(" %s", s->label); break;
    case S_CASE: if (!s->is_default) print_list("", &s->list); else printf(" default"); break;
    case S_TYPESWITCH: printf(" %s%s.(type)", s->bind ? s->bind : "", s->bind ? " := " : "");
                       printf("%s", ast_expr_str(s->x)); break;
    case S_RANGE:
        printf(" %s, %s %s range %s", s->key ? ast_expr_str(s->key) : "_",
               s->value ? ast_expr_str(s->value) : "_", s->define ? ":=" : "=",
               ast_expr_str(s->x));
        break;
    case S_FOR: if (s->x) printf(" cond %s", ast_expr_str(s->x)); break;
    default: break;
    }
}

static void dump_stmt(const Stmt *s, int depth) {
    int line, col;
    pos_line_col(s->pos, &line, &col);
    indent(depth);
    printf("%s@%d:%d", stmt_names[s->kind], line, col);
    dump_stmt_head(s);
    printf("\n");
    if (s->kind == S_DECL)
        dump_decl(s->decl, depth + 1);
    if (s->init) {
        indent(depth + 1), printf("init:\n");
        dump_stmt(s->init, depth + 2);
    }
    if (s->post) {
        indent(depth + 1), printf("post:\n");
        dump_stmt(s->post, depth + 2);
    }
    if (s->comm)
        dump_stmt(s->comm, depth + 1);
    if (s->body_stmt)
        dump_stmt(s->body_stmt, depth + 1);
    dump_block(s->body, depth + 1);
    if (s->els) {
        indent(depth), printf("else\n");
        dump_stmt(s->els, depth + 1);
    }
}

static void dump_decl(const Decl *d, int depth) {
    static const char *kinds[] = {"bad", "import", "const", "var", "type", "func"};
    indent(depth);
    printf("%s", kinds[d->kind]);
    if (d->kind == D_FUNC) {
        if (d->recv)
            printf(" (%s)", ast_expr_str(d->recv->type));
        printf(" %s %s\n", d->name->name, ast_expr_str(d->ftype));
        dump_block(d->body, depth + 1);
        return;
    }
    printf("\n");
    for (int i = 0; i < d->specs.n; i++) {
        const Spec *s = d->specs.v[i];
        indent(depth + 1);
        if (d->kind == D_IMPORT) {
            printf("%s \"%s\"\n", s->local ? s->local : "", s->path);
            continue;
        }
        print_list("", &s->names);
        if (s->type)
            printf(" %s%s", s->alias ? "= " : "", ast_expr_str(s->type));
        if (s->values.n)
            print_list("=", &s->values);
        if (d->kind == D_CONST)
            printf(" iota=%d", s->iota);
        printf("\n");
    }
}

void ast_dump_file(const File *f) {
    if (f->pkg_name)
        printf("package %s\n", f->pkg_name);
    for (int i = 0; i < f->decls.n; i++)
        dump_decl(f->decls.v[i], 0);
    for (int i = 0; i < f->stmts.n; i++)
        dump_stmt(f->stmts.v[i], 0);
}
