// The syntax tree built by grammar/parser.y and annotated by the checker (src/check_*.c).
// The parser fills only the "syntax" fields; fields under "set by the checker" are zero until
// checking and are what the compiler reads. Types are expressions (as in go/ast): a type in
// expression position (conversion T(x), composite literal T{...}) is an Expr of a *_TYPE kind,
// E_IDENT or E_SELECTOR whose checker mode is MODE_TYPE.
#ifndef GOL_AST_H
#define GOL_AST_H

#include "../runtime/rtype.h"
#include "common.h"
#include "pos.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Decl Decl;
typedef struct Field Field;
typedef struct Block Block;
typedef struct File File;
typedef struct Type Type;         // types.h
typedef struct Object Object;     // object.h
typedef struct Scope Scope;       // object.h
typedef struct ConstVal ConstVal; // constant.h

typedef VEC(Expr *) ExprVec;
typedef VEC(Stmt *) StmtVec;
typedef VEC(Decl *) DeclVec;
typedef VEC(Field *) FieldVec;

// Operators and assignment tokens (shared by unary, binary, inc/dec and assignment nodes).
typedef enum Op {
    OP_NONE,
    OP_ADD, OP_SUB, OP_MUL, OP_QUO, OP_REM,             // + - * / %
    OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR, OP_AND_NOT,  // & | ^ << >> &^
    OP_LAND, OP_LOR,                                    // && ||
    OP_EQL, OP_NEQ, OP_LSS, OP_LEQ, OP_GTR, OP_GEQ,     // == != < <= > >=
    OP_NOT,                                             // ! (unary)
    OP_ARROW,                                           // <- (unary receive)
    OP_INC, OP_DEC,                                     // ++ -- (S_INCDEC)
    OP_DEFINE,                                          // := (S_ASSIGN)
    OP_ASSIGN,                                          // =  (S_ASSIGN; compound forms
                                                        //     use the binary op in assign_op)
} Op;

// Go's spelling of an operator ("+", "&^", "<-", ":="...).
const char *ast_op_str(Op op);

typedef enum ExprKind {
    E_BAD,
    E_IDENT,      // name
    E_INTLIT,     // lit (source text)
    E_FLOATLIT,   // lit
    E_IMAGLIT,    // lit
    E_RUNELIT,    // lit (with quotes)
    E_STRINGLIT,  // lit (with quotes or backquotes)
    E_COMPOSITE,  // type (may be NULL when elided inside another literal) { elts }
    E_FUNCLIT,    // func_type body
    E_PAREN,      // ( x )
    E_SELECTOR,   // x . name
    E_INDEX,      // x [ index ]   (also generic instantiation syntax: refused by the checker;
                  //  x[A, B, C] has index A and args [B, C])
    E_SLICE,      // x [ lo : hi : max ]  any of lo/hi/max may be NULL; slice3 tells the form
    E_TYPEASSERT, // x . ( type )  type NULL means x.(type) in a type switch
    E_CALL,       // fun ( args [...] )
    E_STAR,       // * x  (dereference, or pointer type)
    E_UNARY,      // op x  (+ - ! ^ & <-; OP_NONE is ~x, a constraint term the checker refuses)
    E_BINARY,     // x op y
    E_KEYVALUE,   // key : value  (only inside composite literals)
    E_ELLIPSIS,   // ... elt  (variadic parameter type, or [...]T array length when elt NULL)
    E_ARRAYTYPE,  // [ len ] elt ; len NULL = slice type; len E_ELLIPSIS = [...]T
    E_STRUCTTYPE, // struct { fields }
    E_FUNCTYPE,   // func ( params ) results
    E_IFACETYPE,  // interface { methods: Field with one name and E_FUNCTYPE type, or
                  //             embedded: Field with no names and a type (incl. ~T | U unions,
                  //             which the checker refuses) }
    E_MAPTYPE,    // map [ key ] elt
    E_CHANTYPE,   // chan elt / chan<- elt / <-chan elt
} ExprKind;

// How the checker classified an expression (go/types' operand modes).
typedef enum Mode {
    MODE_INVALID,  // not checked or erroneous
    MODE_NOVALUE,  // call of a function without results
    MODE_BUILTIN,  // a builtin function name (len, append...); builtin says which
    MODE_TYPE,     // denotes a type
    MODE_CONST,    // constant; cval holds the value (converted to the expression's type)
    MODE_VAR,      // addressable variable
    MODE_MAPINDEX, // m[k]: assignable, comma-ok capable, not addressable
    MODE_VALUE,    // computed value
    MODE_COMMAOK,  // value that may be used in a comma-ok assignment (recv, type assert)
    MODE_PACKAGE,  // a package name (only as the operand of a selector)
} Mode;

typedef enum Builtin {
    BI_NONE,
    BI_APPEND, BI_CAP, BI_CLEAR, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN,
    BI_MAKE, BI_MAX, BI_MIN, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
} Builtin;

// What a selector x.f resolved to (set by the checker on E_SELECTOR).
typedef enum SelKind {
    SEL_NONE,
    SEL_PKG,         // pkg.Name: obj is the package member; x is the package ident
    SEL_FIELD,       // struct field (possibly promoted through embedded fields)
    SEL_METHOD,      // method of a concrete type, called or taken as a method value
    SEL_IFACE,       // method of an interface type (dynamic dispatch)
    SEL_METHOD_EXPR, // T.m or (*T).m: a function whose first parameter is the receiver
} SelKind;

// For SEL_FIELD, SEL_METHOD and SEL_IFACE: path[0..npath-1] are the field indices walked from
// the operand's type, through embedded fields (each step first dereferences if the current
// type is a pointer), to the field itself (SEL_FIELD: last index is the field) or to the
// embedded value that owns the method (SEL_METHOD/SEL_IFACE: the path holds only the
// embedded-field steps; empty when the method is declared on the operand's own type).
// For SEL_METHOD the compiler compares obj's receiver type with the type reached by the path
// and takes the address (pointer receiver on an addressable value) or dereferences (value
// receiver reached through a pointer) itself. For SEL_IFACE, obj is the interface method
// (OBJ_FUNC with no body) and index its position in the interface's sorted method list.
typedef struct Selection {
    SelKind kind;
    int *path;
    int npath;
    Object *obj;   // field (OBJ_VAR with is_field), method (OBJ_FUNC) or package member
    int index;     // SEL_IFACE: method index in the interface type
} Selection;

struct Expr {
    ExprKind kind;
    Mode mode;          // set by the checker
    Pos pos;   // the node's own position as Go's syntax package sets it: an identifier or
               // literal: its start; BINARY: the operator; UNARY/STAR: the operator (= start);
               // CALL: '('; SELECTOR/TYPEASSERT: '.'; INDEX/SLICE: '['; COMPOSITE: '{';
               // KEYVALUE: ':'; PAREN: '('; FUNCLIT: `func`; FUNCTYPE: its '(' (func_pos
               // has the keyword); ELLIPSIS: `...`; ARRAYTYPE: '['; MAPTYPE: `map`;
               // CHANTYPE: `chan` or, for a `<-chan T` in a type context, the `<-`;
               // STRUCTTYPE/IFACETYPE: the keyword. types2 reports most errors at `start`.
    Pos end;   // position just past the node's last byte (CALL: after ')', so the ')' is at
               // end.off-1; SELECTOR: the selected name starts at end.off-strlen(name))
    Pos start; // syntax.StartPos (where types2 reports errors about the node): the
               // leftmost position: x's start for BINARY/CALL/SELECTOR/INDEX/
               // TYPEASSERT, the type's start for a COMPOSITE with a type; otherwise
               // pos (note: SLICE and KEYVALUE start at pos, '[' and ':', as in Go)

    // ---- syntax, every kind ----
    const char *name;   // E_IDENT, E_SELECTOR (selected name)
    const char *lit;    // literals: the source text
    Op op;              // E_UNARY, E_BINARY
    bool has_ellipsis;  // CALL: f(a, b...)
    Expr *x;            // operand: PAREN, SELECTOR, INDEX, SLICE, TYPEASSERT, STAR, UNARY,
                        // BINARY (left), KEYVALUE (key), ELLIPSIS (elt), CALL (fun)
    Expr *y;            // BINARY (right), KEYVALUE (value), INDEX (index)
    Expr *type;         // COMPOSITE (literal type, may be NULL), TYPEASSERT (asserted type),
                        // FUNCLIT (E_FUNCTYPE)
    ExprVec args;       // CALL arguments; COMPOSITE elements; INDEX: type arguments after y

    // ---- syntax of some kinds only: one group per family of kinds (ast_has_* says
    // which); a field outside its node's group overlays another group's ----
    union {
        struct {                   // E_SLICE
            Expr *lo, *hi, *max;   // any may be NULL
            bool slice3;           // x[lo:hi:max] form
        };
        struct {                   // type expressions and E_ELLIPSIS
            Expr *len;             // ARRAYTYPE (NULL: slice)
            Expr *elt;             // ARRAYTYPE, MAPTYPE (value), CHANTYPE, ELLIPSIS
            Expr *key;             // MAPTYPE
            ChanDir dir;           // CHANTYPE
            Pos func_pos;          // FUNCTYPE: the `func` keyword (or '(' if absent)
            FieldVec fields;       // STRUCTTYPE fields; IFACETYPE methods/embeds;
                                   // FUNCTYPE params
            FieldVec results;      // FUNCTYPE results
        };
        struct {                   // E_COMPOSITE, E_FUNCLIT
            Pos lbrace, rbrace;    // brace positions
            Block *body;           // FUNCLIT
            Object *func_obj;      // FUNCLIT: the OBJ_FUNC created for the literal (holds
                                   // captures); set by the checker
            Type *implicit_type;   // COMPOSITE whose type was elided (or &T elided for
                                   // pointer elems); set by the checker
            int *field_index;      // COMPOSITE of struct type with keyed fields: index per
                                   // element; set by the checker
            bool embed_init;       // COMPOSITE built for //go:embed (check_embed.c): may
                                   // set embed.FS's unexported fields
        };
        Selection sel;             // E_SELECTOR; set by the checker
        struct {                   // set by the checker: E_CALL of a generic library
            Type **targs;          // function: the inferred type arguments, passed to the
            int ntargs;            // native (as Type *) ahead of the arguments; E_INDEX
        };                         // f[T1, T2]: the explicit ones
    };

    // ---- set by the checker ----
    Builtin builtin;    // MODE_BUILTIN idents/selectors; on E_CALL: the builtin called
    bool is_conversion; // E_CALL: T(x) conversion
    bool prechecked;    // checked already (a builtin's argument): check_raw keeps the result
    Type *tv;           // the expression's type after checking (for untyped constants: the
                        // type they were finally converted to; for MODE_TYPE: the type denoted)
    ConstVal *cval;     // MODE_CONST: the value, already representable in tv
    Object *obj;        // E_IDENT: the object it denotes (NULL for the blank `_`)
    Expr *spread;       // builtin f(g()) with multi-valued g(): each argument is a copy of
    int spread_index;   // the g() call standing for its result spread_index

    // ---- set by the compiler ----
    int hoisted;        // 1 + the register this node was already computed into (gc's
                        // evaluation order, compile_order.c); 0 otherwise
    uint8_t order_memo; // compile_order.c's cached has_hoistable/reads answers (ORDER_*)
};

// A field, parameter, result, or interface method. `names` may be empty (anonymous parameter,
// embedded field).
struct Field {
    Pos pos;            // first name, else the type's start (a `*` for an embedded *T)
    ExprVec names;      // E_IDENT nodes
    Expr *type;         // type expression (E_ELLIPSIS for a variadic parameter)
    const char *tag;    // struct tag literal text, or NULL
};

typedef enum StmtKind {
    S_BAD,
    S_DECL,       // decl (const, var, type inside a function)
    S_EMPTY,
    S_LABELED,    // label : stmt (body)
    S_EXPR,       // x
    S_SEND,       // x <- y  (x: channel, y: value)
    S_INCDEC,     // x++ / x--  (op OP_INC/OP_DEC)
    S_ASSIGN,     // lhs op rhs; op OP_ASSIGN, OP_DEFINE or a binary op for += etc.
    S_GO,         // go call
    S_DEFER,      // defer call
    S_RETURN,     // return results
    S_BRANCH,     // break/continue/goto/fallthrough [label]; branch tells which
    S_BLOCK,      // { block }
    S_IF,         // if init; cond { body } else els
    S_CASE,       // case list: (in switch/type switch) body stmts; list empty = default
    S_SWITCH,     // switch init; tag { cases }  (tag may be NULL)
    S_TYPESWITCH, // switch init; [bind :=] x.(type) { cases }
    S_COMM,       // select case: comm stmt (S_SEND, S_EXPR recv, S_ASSIGN recv) or NULL
                  // for default; body stmts
    S_SELECT,     // select { cases }
    S_FOR,        // for init; cond; post { body }
    S_RANGE,      // for key, value := / = range x { body }
} StmtKind;

typedef enum Branch { BR_BREAK, BR_CONTINUE, BR_GOTO, BR_FALLTHROUGH } Branch;

struct Block {
    Pos lbrace, rbrace;
    StmtVec stmts;
    Scope *scope; // set by the checker
    bool lazy;    // a library function's body not parsed yet (only the braces are set):
                  // check_lazy.c parses and checks it when the function is first referenced
};

struct Stmt {
    StmtKind kind;
    Pos pos;            // the keyword; ASSIGN/INCDEC/SEND: the operator (types2 reports
                        // "no new variables on left side of :=" there); EXPR: the
                        // expression's start; LABELED: the label; BLOCK: '{';
                        // CASE/COMM: `case`/`default`; FOR/RANGE: `for`

    // ---- syntax ----
    Decl *decl;           // S_DECL
    const char *label;    // S_LABELED, S_BRANCH (NULL: none)
    Pos label_pos;        // S_BRANCH label position
    Stmt *body_stmt;      // S_LABELED statement
    Expr *x;              // EXPR, SEND (chan), INCDEC, RANGE (ranged expr), TYPESWITCH
                          // (the x of x.(type)), SWITCH tag, IF/FOR cond
    Expr *y;              // SEND value
    Op op;                // INCDEC, ASSIGN (OP_ASSIGN, OP_DEFINE or binary op for x op= y)
    ExprVec lhs, rhs;     // ASSIGN
    Expr *call;           // GO, DEFER (an E_CALL; other expressions are a checker error)
    ExprVec results;      // RETURN
    Branch branch;        // BRANCH
    Block *body;          // BLOCK, IF, FOR, RANGE, SWITCH/TYPESWITCH/SELECT (body of S_CASE /
                          // S_COMM stmts), CASE/COMM (their statements)
    Stmt *init;           // IF, SWITCH, TYPESWITCH, FOR
    Stmt *els;            // IF: else branch (S_IF or S_BLOCK)
    Stmt *post;           // FOR
    ExprVec list;         // CASE expressions (types in a type switch; nil = `nil` ident)
    bool is_default;      // CASE/COMM: default clause
    Stmt *comm;           // COMM: the communication (NULL for default)
    Expr *key, *value;    // RANGE (either may be NULL)
    bool define;          // RANGE: := form; TYPESWITCH: binding with :=
    const char *bind;     // TYPESWITCH: the bound name in `switch v := x.(type)`, or NULL
    Pos bind_pos;

    // ---- set by the checker ----
    Object *bind_objs_default;  // TYPESWITCH: not used by the compiler (per-case objects are
                                // in each S_CASE's case_obj)
    Object *case_obj;           // S_CASE in a type switch with a binding: this clause's var
    Object **define_objs;       // ASSIGN with :=, RANGE with :=: per lhs (NULL for `_` or for
                                // a redeclared variable that is only assigned)
    bool *define_new;           // ASSIGN :=: which lhs are new variables
    Type *range_type;           // RANGE: type of x after checking (for `range 10`: the int type)
    Stmt *target;               // BRANCH: the statement broken/continued/jumped to
                                // (FOR/RANGE/SWITCH/TYPESWITCH/SELECT; LABELED for goto)
    Object *func_obj;           // RETURN: the enclosing function (for named results)
};

typedef enum DeclKind { D_BAD, D_IMPORT, D_CONST, D_VAR, D_TYPE, D_FUNC } DeclKind;

// One spec of a const/var/type/import declaration. A `const (...)` group becomes one Decl
// with several specs; `iota` is the spec's index in its group.
typedef struct Spec {
    Pos pos;            // first name (IMPORT: the local name, else the path)
    ExprVec names;       // CONST/VAR: E_IDENT names; TYPE: one name
    Expr *type;          // CONST/VAR: optional type; TYPE: the type
    ExprVec values;      // CONST/VAR initial values; CONST with none repeats the previous
                         // spec's type and values (the parser leaves them empty)
    int iota;            // CONST: index in the group
    bool alias;          // TYPE: type A = B
    FieldVec tparams;    // TYPE: type parameters (refused by the checker)
    const char *path;    // IMPORT: unquoted path
    const char *local;   // IMPORT: local name or "_" or "." or NULL
    Pos path_pos;
    Object **objs;       // set by the checker: one per name
    struct EmbedData *embed; // VAR after //go:embed: the files (embed.h), or NULL
} Spec;

typedef VEC(Spec *) SpecVec;

struct Decl {
    DeclKind kind;
    Pos pos;            // the keyword (func, var, const, type, import)
    SpecVec specs;       // IMPORT, CONST, VAR, TYPE
    // FUNC:
    Field *recv;         // method receiver, or NULL
    Expr *name;          // E_IDENT
    Expr *ftype;         // E_FUNCTYPE
    FieldVec tparams;    // type parameters (refused by the checker)
    Block *body;         // NULL: declared without a body (bound to a native by the compiler)
    Object *obj;         // set by the checker: the OBJ_FUNC
};

struct File {
    uint32_t file_id;
    const char *pkg_name;
    Pos pkg_pos;
    DeclVec decls;       // imports first, as in the source
    // REPL input only: statements at top level (mixed with decls in source order):
    StmtVec stmts;
    bool is_repl;
    struct EmbedErrors *embed_errs; // //go:embed misuses Go reports after type checking
};

// ---- constructors used by grammar actions (ast.c) ----
Expr *ast_expr(ExprKind kind, Pos pos);
Stmt *ast_stmt(StmtKind kind, Pos pos);
Decl *ast_decl(DeclKind kind, Pos pos);
Spec *ast_spec(Pos pos);
Field *ast_field(Pos pos);
Block *ast_block(Pos lbrace);

// Deep copies of unchecked syntax (ast_clone.c), for instantiating generic declarations.
Expr *ast_clone_expr(Expr *e);
Spec *ast_clone_spec(Spec *s);
Decl *ast_clone_decl(Decl *d);

// Which group of Expr's kind-specific fields [e] uses: lo/hi/max (E_SLICE); len, elt, key,
// dir, fields, results (type expressions and E_ELLIPSIS); braces, body and the checker's
// literal fields (E_COMPOSITE, E_FUNCLIT); sel (E_SELECTOR); targs (E_CALL, E_INDEX). A
// walker over every child reads a group's fields only when its test holds.
static inline bool ast_has_slice_fields(const Expr *e) {
    return e->kind == E_SLICE;
}
static inline bool ast_has_type_fields(const Expr *e) {
    return e->kind == E_ELLIPSIS || (e->kind >= E_ARRAYTYPE && e->kind <= E_CHANTYPE);
}
static inline bool ast_has_lit_fields(const Expr *e) {
    return e->kind == E_COMPOSITE || e->kind == E_FUNCLIT;
}

// Strip any E_PAREN wrappers.
Expr *ast_unparen(Expr *e);

// Print [e] as Go source (used in messages like "x + y (value of type int)"), into a fresh
// GC string. Long expressions are printed in full.
char *ast_expr_str(const Expr *e);
// The same with composite literals' elements printed (go/printer's form, for gol vet).
char *ast_expr_src(const Expr *e);

// Debug dump of a whole file's tree to stdout (gol parse FILE).
void ast_dump_file(const File *f);

#endif
