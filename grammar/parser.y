// Go's syntax as an LALR(1) grammar (modelled on Go 1.4's go.y). Actions only call the pb_*
// builders of src/parse_build.c; errors are worded by src/parse_err.c from the parser's state
// stack. Composite literal vs block in if/for/switch headers: the lexer returns BODY for a
// '{' at header level (Go 1.4's "loophack"); a BODY that opens a composite literal of an
// explicit type, a struct/interface type or a function literal is accepted through `lbrace`,
// and closing that construct re-arms the lexer (pb_fix_lbrace) so the body's '{' is BODY.
// Two separate starts share the grammar: START_FILE (a .gol file) and START_REPL.
%code requires {
#include "parse_int.h"
}

%code provides {
// The token source (grammar/lexer.l): semicolon insertion and the BODY token happen there.
int gol_yylex(GOL_YYSTYPE *lval, Loc *lloc, Parser *p);
}

%code {
static void gol_yyerror(Loc *loc, Parser *p, const char *msg);
// Keep the parser stacks in GC-scanned memory when they outgrow the initial C arrays.
#define YYMALLOC gc_alloc
#define YYFREE(p) ((void)0)
#define YYINITDEPTH 1000
#define YYMAXDEPTH 10000000 // nesting is bounded by the front end's stack (deepstack.h)
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                                        \
    do {                                                                                   \
        if (N) {                                                                           \
            (Cur).pos = YYRHSLOC(Rhs, 1).pos;                                              \
            (Cur).end = YYRHSLOC(Rhs, N).end;                                              \
        } else {                                                                           \
            (Cur).pos = (Cur).end = YYRHSLOC(Rhs, 0).end;                                  \
        }                                                                                  \
    } while (0)
}

%define api.pure full
%define api.prefix {gol_yy}
%define api.location.type {Loc}
%define parse.error custom
%define parse.lac full
%locations
%param {Parser *p}
%expect 0

%union {
    const char *str;
    Lit lit;
    Op op;
    int flag;
    Expr *expr;
    Stmt *stmt;
    Decl *decl;
    Spec *spec;
    Field *field;
    Block *block;
    ExprVec *exprs;
    StmtVec *stmts;
    FieldVec *fields;
    SpecVec *specs;
}

%token <str> NAME
%token <lit> LITERAL
%token <op> ASSIGN_OP
%token BREAK CASE CHAN CONST CONTINUE
%token DEFAULT DEFER ELSE FALLTHROUGH FOR
%token FUNC GO GOTO IF IMPORT INTERFACE
%token MAP PACKAGE RANGE RETURN SELECT
%token STRUCT SWITCH TYPE VAR
%token LOR LAND EQL NEQ LEQ GEQ SHL SHR
%token AND_NOT ARROW INC DEC DEFINE ELLIPSIS
%token BODY
%token START_FILE START_REPL START_BODY
%token LAZY_BODY

%type <expr> expr uexpr pexpr pexpr_no_paren pseudocall name operand_lit
%type <expr> expr_or_type non_expr_type ntype non_recvchantype othertype ptrtype
%type <expr> recvchantype dotname fntype fnret_type convtype structtype interfacetype
%type <expr> fnliteral complitexpr oexpr keyval dotdotdot constraint cterm ctype
%type <expr> iface_elem iface_term range_expr complit_type littype
%type <exprs> expr_list expr_or_type_list name_list braced_keyval_list keyval_list
%type <exprs> oexpr_list tp_names type_list
%type <fields> oparams param_list fnres tparams_opt tparams tparam_groups
%type <fields> structdcl_list structdcl interfacedcl_list
%type <field> param tparam_group interfacedcl embed_field
%type <str> olabel
%type <lit> oliteral
%type <flag> lbrace ocomma
%type <stmt> stmt non_dcl_stmt simple_stmt osimple_stmt for_stmt if_stmt else_opt
%type <stmt> switch_stmt select_stmt range_clause for_header if_header case_clause
%type <stmt> switch_header
%type <stmt> comm_clause comm_head block_stmt repl_stmt
%type <stmts> stmt_list case_list comm_list
%type <block> block loop_body fn_body
%type <decl> common_decl import_decl func_decl
%type <spec> import_spec var_spec const_spec type_spec
%type <specs> import_specs oimport_specs var_specs ovar_specs const_specs oconst_specs
%type <specs> type_specs otype_specs

%left LOR
%left LAND
%left EQL NEQ '<' LEQ '>' GEQ
%left '+' '-' '|' '^'
%left '*' '/' '%' '&' SHL SHR AND_NOT

// Manual resolution of shift/reduce choices on '(' (as go.y did): a func type's result
// list wins over a conversion `func()(x)`, a method wins over a type in an interface, and in
// REPL input `func (r T) M(` is a method declaration rather than a function literal.
%precedence NotParen
%precedence '('
// A name followed by '[' in a parameter list starts an array or slice type (`a []int`), not
// a generic type instantiation (so an unnamed parameter of instantiated type needs a name).
%precedence '['

%%

start:
    START_FILE file
|   START_REPL repl
|   START_BODY block ';'                    { p->body = $2; }
;

// ---- files ----

file:
    package_clause top_list
;

package_clause:
    PACKAGE NAME ';'                        { pb_package(p, $2, @2.pos); }
;

top_list:
    %empty
|   top_list top_decl ';'
;

top_decl:
    import_decl                             { pb_top_decl(p, $1); }
|   common_decl                             { pb_top_decl(p, $1); }
|   func_decl                               { pb_top_decl(p, $1); }
;

// ---- REPL input ----

repl:
    repl_list
|   package_clause repl_list
;

repl_list:
    %empty
|   repl_list repl_item ';'
;

repl_item:
    import_decl                             { pb_top_decl(p, $1); }
|   func_decl                               { pb_top_decl(p, $1); }
|   common_decl                             { pb_repl_stmt(p, pb_decl_stmt($1)); }
|   repl_stmt                               { pb_repl_stmt(p, $1); }
;

repl_stmt:
    non_dcl_stmt
|   block_stmt
;

// ---- declarations ----

import_decl:
    IMPORT import_spec                      { $$ = pb_decl1(D_IMPORT, @1.pos, $2); }
|   IMPORT '(' oimport_specs ')'            { $$ = pb_decl(D_IMPORT, @1.pos, $3); }
;

oimport_specs:
    %empty                                  { $$ = NULL; }
|   import_specs osemi
;

import_specs:
    import_spec                             { $$ = pb_specs(NULL, $1); }
|   import_specs ';' import_spec            { $$ = pb_specs($1, $3); }
;

import_spec:
    LITERAL                                 { $$ = pb_import(p, NULL, @1.pos, $1, @1.pos); }
|   NAME LITERAL                            { $$ = pb_import(p, $1, @1.pos, $2, @2.pos); }
|   '.' LITERAL                             { $$ = pb_import(p, ".", @1.pos, $2, @2.pos); }
;

common_decl:
    VAR var_spec                            { $$ = pb_decl1(D_VAR, @1.pos, $2); }
|   VAR '(' ovar_specs ')'                  { $$ = pb_decl(D_VAR, @1.pos, $3); }
|   CONST const_spec                        { $$ = pb_decl1(D_CONST, @1.pos, $2); }
|   CONST '(' oconst_specs ')'              { $$ = pb_decl(D_CONST, @1.pos, $3); }
|   TYPE type_spec                          { $$ = pb_decl1(D_TYPE, @1.pos, $2); }
|   TYPE '(' otype_specs ')'                { $$ = pb_decl(D_TYPE, @1.pos, $3); }
;

ovar_specs:
    %empty                                  { $$ = NULL; }
|   var_specs osemi
;

var_specs:
    var_spec                                { $$ = pb_specs(NULL, $1); }
|   var_specs ';' var_spec                  { $$ = pb_specs($1, $3); }
;

var_spec:
    name_list ntype                         { $$ = pb_value_spec($1, $2, NULL); }
|   name_list ntype '=' expr_list           { $$ = pb_value_spec($1, $2, $4); }
|   name_list '=' expr_list                 { $$ = pb_value_spec($1, NULL, $3); }
;

oconst_specs:
    %empty                                  { $$ = NULL; }
|   const_specs osemi
;

const_specs:
    const_spec                              { $$ = pb_specs(NULL, $1); }
|   const_specs ';' const_spec              { $$ = pb_specs($1, $3); }
;

const_spec:
    name_list                               { $$ = pb_value_spec($1, NULL, NULL); }
|   name_list ntype                         { $$ = pb_value_spec($1, $2, NULL); }
|   name_list ntype '=' expr_list           { $$ = pb_value_spec($1, $2, $4); }
|   name_list '=' expr_list                 { $$ = pb_value_spec($1, NULL, $3); }
;

otype_specs:
    %empty                                  { $$ = NULL; }
|   type_specs osemi
;

type_specs:
    type_spec                               { $$ = pb_specs(NULL, $1); }
|   type_specs ';' type_spec                { $$ = pb_specs($1, $3); }
;

type_spec:
    NAME ntype                              { $$ = pb_type_spec(p, $1, @1.pos, NULL, false, $2); }
|   NAME '=' ntype                          { $$ = pb_type_spec(p, $1, @1.pos, NULL, true, $3); }
|   NAME '[' tparams ']' ntype              { $$ = pb_type_spec(p, $1, @1.pos, $3, false, $5); }
|   NAME '[' tparams ']' '=' ntype          { $$ = pb_type_spec(p, $1, @1.pos, $3, true, $6); }
;

// Type parameters: [P any], [K comparable, V any], [T ~int | ~string]. A constraint may not
// start with '*', '(' or '[' here (that would be ambiguous with an array length in LALR(1)).
tparams:
    tparam_groups ocomma                    { $$ = $1; }
;

tparam_groups:
    tparam_group                            { $$ = pb_fields(NULL, $1); }
|   tparam_groups ',' tparam_group          { $$ = pb_fields($1, $3); }
;

tparam_group:
    tp_names constraint                     { $$ = pb_field($1, $2, NULL); }
;

tp_names:
    NAME                                    { $$ = pb_exprs(NULL, pb_ident($1, @1)); }
|   tp_names ',' NAME                       { $$ = pb_exprs($1, pb_ident($3, @3)); }
;

constraint:
    cterm
|   constraint '|' cterm                    { $$ = pb_binary(OP_OR, $1, $3, @2.pos); }
;

cterm:
    ctype
|   '~' ntype                               { $$ = pb_tilde($2, @1.pos); }
;

ctype:
    dotname
|   fntype
|   recvchantype
|   CHAN non_recvchantype                   { $$ = pb_chantype(CHAN_BOTH, $2, @1.pos); }
|   CHAN ARROW ntype                        { $$ = pb_chantype(CHAN_SEND, $3, @1.pos); }
|   MAP '[' ntype ']' ntype                 { $$ = pb_maptype($3, $5, @1.pos); }
|   structtype
|   interfacetype
;

tparams_opt:
    %empty                                  { $$ = NULL; }
|   '[' tparams ']'                         { $$ = $2; }
;

func_decl:
    FUNC NAME tparams_opt '(' oparams ')' fnres fn_body
        { $$ = pb_func_decl(p, @1.pos, NULL, @1.pos, $2, @2, $3, $5, $7, $3 ? @3.pos : @4.pos, $8); }
|   FUNC '(' oparams ')' NAME '(' oparams ')' fnres fn_body
        { $$ = pb_func_decl(p, @1.pos, $3, @2.pos, $5, @5, NULL, $7, $9, @6.pos, $10); }
;

fn_body:
    %empty                                  { $$ = NULL; }
|   block
|   LAZY_BODY                               { $$ = pb_lazy_body(@1); }
;

// ---- types ----

ntype:
    recvchantype
|   fntype
|   othertype
|   ptrtype
|   dotname
|   '(' ntype ')'                           { $$ = $2; } // Go keeps no node for these parens
;

non_expr_type:
    recvchantype
|   fntype
|   othertype
|   '*' non_expr_type                       { $$ = pb_star($2, @1.pos); }
;

non_recvchantype:
    fntype
|   othertype
|   ptrtype
|   dotname
|   '(' ntype ')'                           { $$ = $2; } // Go keeps no node for these parens
;

convtype:
    fntype
|   othertype
;

fnret_type:
    recvchantype
|   fntype
|   othertype
|   ptrtype
|   dotname
;

dotname:
    name %prec NotParen
|   name '.' NAME                           { $$ = pb_selector($1, $3, @2.pos, @3); }
|   dotname '[' type_list ocomma ']'        { $$ = pb_type_inst($1, $3, @2.pos, @5.end); }
;

othertype:
    littype
|   CHAN non_recvchantype                   { $$ = pb_chantype(CHAN_BOTH, $2, @1.pos); }
|   CHAN ARROW ntype                        { $$ = pb_chantype(CHAN_SEND, $3, @1.pos); }
|   interfacetype
;

// The type literals that may start a composite literal (Go: array, slice, map, struct).
littype:
    '[' oexpr ']' ntype                     { $$ = pb_arraytype($2, $4, @1.pos); }
|   '[' ELLIPSIS ']' ntype                  { $$ = pb_arraytype(pb_ellipsis(NULL, @2), $4, @1.pos); }
|   MAP '[' ntype ']' ntype                 { $$ = pb_maptype($3, $5, @1.pos); }
|   structtype
;

ptrtype:
    '*' ntype                               { $$ = pb_star($2, @1.pos); }
;

recvchantype:
    ARROW CHAN ntype                        { $$ = pb_chantype(CHAN_RECV, $3, @1.pos); }
;

structtype:
    STRUCT lbrace structdcl_list osemi '}'  { $$ = pb_structtype(p, $3, @1.pos, @5, $2); }
|   STRUCT lbrace '}'                       { $$ = pb_structtype(p, NULL, @1.pos, @3, $2); }
;

interfacetype:
    INTERFACE lbrace interfacedcl_list osemi '}' { $$ = pb_ifacetype(p, $3, @1.pos, @5, $2); }
|   INTERFACE lbrace '}'                    { $$ = pb_ifacetype(p, NULL, @1.pos, @3, $2); }
;

lbrace:
    '{'                                     { $$ = 0; }
|   BODY                                    { $$ = 1; }
;

structdcl_list:
    structdcl
|   structdcl_list ';' structdcl            { $$ = pb_fields_cat($1, $3); }
;

structdcl:
    name_list ntype oliteral                { $$ = pb_fields(NULL, pb_tagged(pb_field($1, $2, NULL), $3)); }
|   NAME '[' oexpr ']' ntype oliteral       { $$ = pb_fields(NULL, pb_tagged(pb_field(pb_exprs(NULL, pb_ident($1, @1)), pb_arraytype($3, $5, @2.pos), NULL), $6)); }
|   NAME '[' ELLIPSIS ']' ntype oliteral    { $$ = pb_fields(NULL, pb_tagged(pb_field(pb_exprs(NULL, pb_ident($1, @1)), pb_arraytype(pb_ellipsis(NULL, @3), $5, @2.pos), NULL), $6)); }
|   NAME '[' oexpr ']' oliteral             { $$ = pb_fields(NULL, pb_tagged(pb_field(NULL, pb_gen_inst(p, pb_ident($1, @1), $3, NULL, @2.pos, @4.end), NULL), $5)); }
|   NAME '[' expr ',' type_list ocomma ']' oliteral { $$ = pb_fields(NULL, pb_tagged(pb_field(NULL, pb_gen_inst(p, pb_ident($1, @1), $3, $5, @2.pos, @7.end), NULL), $8)); }
|   NAME '[' non_expr_type ']' oliteral     { $$ = pb_fields(NULL, pb_tagged(pb_field(NULL, pb_gen_inst(p, pb_ident($1, @1), pb_expr_type(p, $3), NULL, @2.pos, @4.end), NULL), $5)); }
|   embed_field oliteral                    { $$ = pb_fields(NULL, pb_tagged($1, $2)); }
|   '*' embed_field oliteral                { $$ = pb_fields(NULL, pb_tagged(pb_embed_ptr($2, @1.pos), $3)); }
|   '*' NAME '[' type_list ocomma ']' oliteral { $$ = pb_fields(NULL, pb_tagged(pb_embed_ptr(pb_field(NULL, pb_type_inst(pb_ident($2, @2), $4, @3.pos, @6.end), NULL), @1.pos), $7)); }
;

embed_field:
    NAME                                    { $$ = pb_field(NULL, pb_ident($1, @1), NULL); }
|   NAME '.' NAME                           { $$ = pb_field(NULL, pb_selector(pb_ident($1, @1), $3, @2.pos, @3), NULL); }
|   NAME '.' NAME '[' type_list ocomma ']'  { $$ = pb_field(NULL, pb_type_inst(pb_selector(pb_ident($1, @1), $3, @2.pos, @3), $5, @4.pos, @7.end), NULL); }
;

oliteral:
    %empty                                  { $$.kind = E_BAD; $$.text = NULL; }
|   LITERAL
;

interfacedcl_list:
    interfacedcl                            { $$ = pb_fields(NULL, $1); }
|   interfacedcl_list ';' interfacedcl      { $$ = pb_fields($1, $3); }
;

interfacedcl:
    NAME '(' oparams ')' fnres              { $$ = pb_method(p, $1, @1, $3, $5, @2.pos, @$.end); }
|   iface_elem                              { $$ = pb_field(NULL, $1, NULL); }
;

iface_elem:
    iface_term
|   iface_elem '|' iface_term               { $$ = pb_binary(OP_OR, $1, $3, @2.pos); }
;

iface_term:
    ntype
|   '~' ntype                               { $$ = pb_tilde($2, @1.pos); }
;

fntype:
    FUNC '(' oparams ')' fnres              { $$ = pb_functype(p, $3, $5, @1.pos, @2.pos, @$.end); }
;

fnres:
    %empty %prec NotParen                   { $$ = NULL; }
|   fnret_type                              { $$ = pb_fields(NULL, pb_field(NULL, $1, NULL)); }
|   '(' oparams ')'                         { $$ = $2; }
;

// Parameter items are grouped into Fields by pb_params / pb_results (names distribute
// over the following type, as in Go's paramList).
oparams:
    %empty                                  { $$ = NULL; }
|   param_list ocomma                       { $$ = pb_params(p, $1); }
;

param_list:
    param                                   { $$ = pb_fields(NULL, $1); }
|   param_list ',' param                    { $$ = pb_fields($1, $3); }
;

param:
    ntype                                   { $$ = pb_param(NULL, $1); }
|   NAME ntype                              { $$ = pb_param(pb_ident($1, @1), $2); }
|   NAME '[' oexpr ']'                      { $$ = pb_param(NULL, pb_gen_inst(p, pb_ident($1, @1), $3, NULL, @2.pos, @4.end)); }
|   NAME '[' expr ',' type_list ocomma ']'  { $$ = pb_param(NULL, pb_gen_inst(p, pb_ident($1, @1), $3, $5, @2.pos, @7.end)); }
|   NAME '[' non_expr_type ']'              { $$ = pb_param(NULL, pb_gen_inst(p, pb_ident($1, @1), pb_expr_type(p, $3), NULL, @2.pos, @4.end)); }
|   NAME dotdotdot                          { $$ = pb_param(pb_ident($1, @1), $2); }
|   dotdotdot                               { $$ = pb_param(NULL, $1); }
;

dotdotdot:
    ELLIPSIS ntype                          { $$ = pb_ellipsis($2, @1); }
;

// ---- statements ----

block:
    '{' stmt_list '}'                       { $$ = pb_block($2, @1.pos, @3.pos); }
;

loop_body:
    BODY stmt_list '}'                      { $$ = pb_block($2, @1.pos, @3.pos); }
;

block_stmt:
    block                                   { $$ = pb_block_stmt($1); }
;

stmt_list:
    stmt                                    { $$ = pb_stmts(NULL, $1); }
|   stmt_list ';' stmt                      { $$ = pb_stmts($1, $3); }
;

stmt:
    %empty                                  { $$ = NULL; }
|   block_stmt
|   common_decl                             { $$ = pb_decl_stmt($1); }
|   non_dcl_stmt
;

non_dcl_stmt:
    simple_stmt
|   for_stmt
|   switch_stmt
|   select_stmt
|   if_stmt
|   NAME ':' stmt                           { $$ = pb_labeled(p, $1, @1.pos, @2.pos, $3); }
|   FALLTHROUGH                             { $$ = pb_branch(BR_FALLTHROUGH, @1.pos, NULL, @1); }
|   BREAK olabel                            { $$ = pb_branch(BR_BREAK, @1.pos, $2, @2); }
|   CONTINUE olabel                         { $$ = pb_branch(BR_CONTINUE, @1.pos, $2, @2); }
|   GOTO NAME                               { $$ = pb_branch(BR_GOTO, @1.pos, $2, @2); }
|   GO pexpr                                { $$ = pb_go_defer(p, S_GO, @1.pos, $2); }
|   DEFER pexpr                             { $$ = pb_go_defer(p, S_DEFER, @1.pos, $2); }
|   RETURN oexpr_list                       { $$ = pb_return($2, @1.pos); }
;

olabel:
    %empty                                  { $$ = NULL; }
|   NAME
;

simple_stmt:
    expr                                    { $$ = pb_expr_stmt($1); }
|   expr ASSIGN_OP expr                     { $$ = pb_assign($2, pb_exprs(NULL, $1), pb_exprs(NULL, $3), @2.pos); }
|   expr_list '=' expr_list                 { $$ = pb_assign(OP_ASSIGN, $1, $3, @2.pos); }
|   expr_list DEFINE expr_list              { $$ = pb_assign(OP_DEFINE, $1, $3, @2.pos); }
|   expr INC                                { $$ = pb_incdec(OP_INC, $1, @2.pos); }
|   expr DEC                                { $$ = pb_incdec(OP_DEC, $1, @2.pos); }
|   expr ARROW expr                         { $$ = pb_send($1, $3, @2.pos); }
;

osimple_stmt:
    %empty                                  { $$ = NULL; }
|   simple_stmt
;

for_stmt:
    FOR for_header loop_body                { $$ = pb_for(p, @1.pos, $2, $3); }
;

for_header:
    osimple_stmt ';' osimple_stmt ';' osimple_stmt { $$ = pb_for_header(p, $1, $3, $5, true, @2.pos); }
|   osimple_stmt                            { $$ = pb_for_header(p, NULL, $1, NULL, false, @1.pos); }
|   range_clause
;

range_clause:
    expr_list '=' RANGE range_expr          { $$ = pb_range(p, $1, false, $4, @3.pos); }
|   expr_list DEFINE RANGE range_expr       { $$ = pb_range(p, $1, true, $4, @3.pos); }
|   RANGE range_expr                        { $$ = pb_range(p, NULL, false, $2, @1.pos); }
;

range_expr:
    expr
;

if_stmt:
    IF if_header loop_body else_opt         { $$ = pb_if(p, @1.pos, $2, $3, $4); }
;

if_header:
    osimple_stmt                            { $$ = pb_header(p, NULL, $1, POS_NONE, false); }
|   osimple_stmt ';' osimple_stmt           { $$ = pb_header(p, $1, $3, @2.pos, false); }
;

switch_header:
    osimple_stmt                            { $$ = pb_header(p, NULL, $1, POS_NONE, true); }
|   osimple_stmt ';' osimple_stmt           { $$ = pb_header(p, $1, $3, @2.pos, true); }
;

else_opt:
    %empty                                  { $$ = NULL; }
|   ELSE if_stmt                            { $$ = $2; }
|   ELSE block                              { $$ = pb_block_stmt($2); }
;

switch_stmt:
    SWITCH switch_header BODY case_list '}' { $$ = pb_switch(p, @1.pos, $2, $4, @3.pos, @5.pos); }
;

case_list:
    %empty                                  { $$ = NULL; }
|   case_list case_clause                   { $$ = pb_stmts($1, $2); }
;

case_clause:
    CASE expr_or_type_list ':' stmt_list    { $$ = pb_case(p, $2, $4, @1.pos, @3.pos); }
|   DEFAULT ':' stmt_list                   { $$ = pb_case(p, NULL, $3, @1.pos, @2.pos); }
;

select_stmt:
    SELECT BODY comm_list '}'               { $$ = pb_select(@1.pos, $3, @2.pos, @4.pos); }
;

comm_list:
    %empty                                  { $$ = NULL; }
|   comm_list comm_clause                   { $$ = pb_stmts($1, $2); }
;

comm_clause:
    CASE comm_head ':' stmt_list            { $$ = pb_comm(p, $2, $4, @1.pos, @3.pos); }
|   DEFAULT ':' stmt_list                   { $$ = pb_comm(p, NULL, $3, @1.pos, @2.pos); }
;

comm_head:
    expr                                    { $$ = pb_expr_stmt($1); }
|   expr ARROW expr                         { $$ = pb_send($1, $3, @2.pos); }
|   expr_list '=' expr                      { $$ = pb_assign(OP_ASSIGN, $1, pb_exprs(NULL, $3), @2.pos); }
|   expr_list DEFINE expr                   { $$ = pb_assign(OP_DEFINE, $1, pb_exprs(NULL, $3), @2.pos); }
;

// ---- expressions ----

expr:
    uexpr
|   expr LOR expr                           { $$ = pb_binary(OP_LOR, $1, $3, @2.pos); }
|   expr LAND expr                          { $$ = pb_binary(OP_LAND, $1, $3, @2.pos); }
|   expr EQL expr                           { $$ = pb_binary(OP_EQL, $1, $3, @2.pos); }
|   expr NEQ expr                           { $$ = pb_binary(OP_NEQ, $1, $3, @2.pos); }
|   expr '<' expr                           { $$ = pb_binary(OP_LSS, $1, $3, @2.pos); }
|   expr LEQ expr                           { $$ = pb_binary(OP_LEQ, $1, $3, @2.pos); }
|   expr '>' expr                           { $$ = pb_binary(OP_GTR, $1, $3, @2.pos); }
|   expr GEQ expr                           { $$ = pb_binary(OP_GEQ, $1, $3, @2.pos); }
|   expr '+' expr                           { $$ = pb_binary(OP_ADD, $1, $3, @2.pos); }
|   expr '-' expr                           { $$ = pb_binary(OP_SUB, $1, $3, @2.pos); }
|   expr '|' expr                           { $$ = pb_binary(OP_OR, $1, $3, @2.pos); }
|   expr '^' expr                           { $$ = pb_binary(OP_XOR, $1, $3, @2.pos); }
|   expr '*' expr                           { $$ = pb_binary(OP_MUL, $1, $3, @2.pos); }
|   expr '/' expr                           { $$ = pb_binary(OP_QUO, $1, $3, @2.pos); }
|   expr '%' expr                           { $$ = pb_binary(OP_REM, $1, $3, @2.pos); }
|   expr '&' expr                           { $$ = pb_binary(OP_AND, $1, $3, @2.pos); }
|   expr AND_NOT expr                       { $$ = pb_binary(OP_AND_NOT, $1, $3, @2.pos); }
|   expr SHL expr                           { $$ = pb_binary(OP_SHL, $1, $3, @2.pos); }
|   expr SHR expr                           { $$ = pb_binary(OP_SHR, $1, $3, @2.pos); }
;

uexpr:
    pexpr
|   '~' uexpr                               { $$ = pb_tilde($2, @1.pos); }
|   '*' uexpr                               { $$ = pb_star($2, @1.pos); }
|   '&' uexpr                               { $$ = pb_unary(OP_AND, $2, @1.pos); }
|   '+' uexpr                               { $$ = pb_unary(OP_ADD, $2, @1.pos); }
|   '-' uexpr                               { $$ = pb_unary(OP_SUB, $2, @1.pos); }
|   '!' uexpr                               { $$ = pb_unary(OP_NOT, $2, @1.pos); }
|   '^' uexpr                               { $$ = pb_unary(OP_XOR, $2, @1.pos); }
|   ARROW uexpr                             { $$ = pb_recv(p, $2, @1.pos); }
;

pseudocall:
    pexpr '(' ')'                           { $$ = pb_call($1, NULL, false, @2.pos, @3.end); }
|   pexpr '(' expr_or_type_list ocomma ')'  { $$ = pb_call($1, $3, false, @2.pos, @5.end); }
|   pexpr '(' expr_or_type_list ELLIPSIS ocomma ')' { $$ = pb_call($1, $3, true, @2.pos, @6.end); }
;

pexpr_no_paren:
    operand_lit
|   name
|   pexpr '.' NAME                          { $$ = pb_selector($1, $3, @2.pos, @3); }
|   pexpr '.' '(' ntype ')'                 { $$ = pb_typeassert(p, $1, $4, @2.pos, @5.end); }
|   pexpr '.' '(' TYPE ')'                  { $$ = pb_typeassert(p, $1, NULL, @2.pos, @5.end); }
|   pexpr '[' expr ']'                      { $$ = pb_index($1, $3, NULL, @2.pos, @4.end); }
|   pexpr '[' non_expr_type ']'             { $$ = pb_index($1, pb_expr_type(p, $3), NULL, @2.pos, @4.end); }
|   pexpr '[' expr ',' ']'                  { $$ = pb_index($1, $3, NULL, @2.pos, @5.end); }
|   pexpr '[' expr ',' type_list ocomma ']' { $$ = pb_index($1, $3, $5, @2.pos, @7.end); }
|   pexpr '[' non_expr_type ',' type_list ocomma ']' { $$ = pb_index($1, pb_expr_type(p, $3), $5, @2.pos, @7.end); }
|   pexpr '[' oexpr ':' oexpr ']'           { $$ = pb_slice(p, $1, $3, $5, NULL, @2.pos, POS_NONE, @6); }
|   pexpr '[' oexpr ':' oexpr ':' oexpr ']' { $$ = pb_slice(p, $1, $3, $5, $7, @2.pos, @6.pos, @8); }
|   pseudocall
|   convtype '(' ')'                        { $$ = pb_call($1, NULL, false, @2.pos, @3.end); }
|   convtype '(' expr_or_type_list ocomma ')' { $$ = pb_call($1, $3, false, @2.pos, @5.end); }
|   convtype '(' expr_or_type_list ELLIPSIS ocomma ')' { $$ = pb_call($1, $3, true, @2.pos, @6.end); }
|   interfacetype '.' NAME                  { $$ = pb_selector($1, $3, @2.pos, @3); } // method expression
|   structtype '.' NAME                     { $$ = pb_selector($1, $3, @2.pos, @3); }
|   littype lbrace braced_keyval_list '}'   { $$ = pb_complit(p, $1, $3, @2.pos, @4.pos, $2); }
|   complit_type '{' braced_keyval_list '}' { $$ = pb_complit(p, $1, $3, @2.pos, @4.pos, 0); }
|   '(' expr_or_type ')' '{' braced_keyval_list '}' { $$ = pb_paren_complit(p, pb_paren($2, @1.pos, @3.end), $5, @4.pos, @6.pos); }
|   fnliteral
;

// Go takes `{` after a name, a selector or an index expression as a composite literal
// (explicit type literals go through othertype above); after anything else it ends the
// expression, as in `x == 2 {`.
complit_type:
    name
|   pexpr '.' NAME                          { $$ = pb_selector($1, $3, @2.pos, @3); }
|   pexpr '[' expr ']'                      { $$ = pb_index($1, $3, NULL, @2.pos, @4.end); }
|   pexpr '[' non_expr_type ']'             { $$ = pb_index($1, pb_expr_type(p, $3), NULL, @2.pos, @4.end); }
|   pexpr '[' expr ',' ']'                  { $$ = pb_index($1, $3, NULL, @2.pos, @5.end); }
|   pexpr '[' expr ',' type_list ocomma ']' { $$ = pb_index($1, $3, $5, @2.pos, @7.end); }
|   pexpr '[' non_expr_type ',' type_list ocomma ']' { $$ = pb_index($1, pb_expr_type(p, $3), $5, @2.pos, @7.end); }
;

operand_lit:
    LITERAL                                 { $$ = pb_lit($1, @1); }
;

name:
    NAME %prec NotParen                     { $$ = pb_ident($1, @1); }
;

pexpr:
    pexpr_no_paren
|   '(' expr_or_type ')'                    { $$ = pb_paren($2, @1.pos, @3.end); }
;

expr_or_type:
    expr
|   non_expr_type                           { $$ = pb_expr_type(p, $1); }
;

fnliteral:
    fntype lbrace stmt_list '}'             { $$ = pb_funclit(p, $1, pb_block($3, @2.pos, @4.pos), $2); }
;

braced_keyval_list:
    %empty                                  { $$ = NULL; }
|   keyval_list ocomma
;

keyval_list:
    keyval                                  { $$ = pb_exprs(NULL, $1); }
|   keyval_list ',' keyval                  { $$ = pb_exprs($1, $3); }
;

keyval:
    complitexpr
|   complitexpr ':' complitexpr             { $$ = pb_keyvalue($1, $3, @2.pos); }
;

complitexpr:
    expr
|   '{' braced_keyval_list '}'              { $$ = pb_complit(p, NULL, $2, @1.pos, @3.pos, 0); }
;

// ---- lists and optional bits ----

expr_list:
    expr                                    { $$ = pb_exprs(NULL, $1); }
|   expr_list ',' expr                      { $$ = pb_exprs($1, $3); }
;

// Type arguments after the first (Go's typeList: the first may be any expression).
type_list:
    ntype                                   { $$ = pb_exprs(NULL, $1); }
|   type_list ',' ntype                     { $$ = pb_exprs($1, $3); }
;

expr_or_type_list:
    expr_or_type                            { $$ = pb_exprs(NULL, $1); }
|   expr_or_type_list ',' expr_or_type      { $$ = pb_exprs($1, $3); }
;

name_list:
    NAME %prec NotParen                     { $$ = pb_exprs(NULL, pb_ident($1, @1)); }
|   name_list ',' NAME                      { $$ = pb_exprs($1, pb_ident($3, @3)); }
;

oexpr:
    %empty                                  { $$ = NULL; }
|   expr
;

oexpr_list:
    %empty                                  { $$ = NULL; }
|   expr_list
;

osemi:
    %empty
|   ';'
;

ocomma:
    %empty                                  { $$ = 0; }
|   ','                                     { $$ = 1; }
;

%%

static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *p) {
    int stack[512], n = 0;
    // Walk the state stack down to the initial state 0 (no transition enters it again).
    const yy_state_t *s = ctx->yyssp;
    int depth = 0;
    while (*s != 0) {
        s--;
        depth++;
    }
    int skip = depth + 1 > 512 ? depth + 1 - 512 : 0;
    for (const yy_state_t *q = s + skip; q <= ctx->yyssp; q++)
        stack[n++] = YY_ACCESSING_SYMBOL(*q);
    const char *syms[512];
    for (int i = 0; i < n; i++)
        syms[i] = yysymbol_name((yysymbol_kind_t)stack[i]);
    yysymbol_kind_t exp[YYNTOKENS];
    int nexp = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
    const char *expected[YYNTOKENS];
    for (int i = 0; i < nexp; i++)
        expected[i] = yysymbol_name(exp[i]);
    pe_report(p, syms, n, expected, nexp < 0 ? 0 : nexp, *yypcontext_location(ctx));
    return 0;
}

// Only bison's own failures come here ("memory exhausted": nesting deeper than YYMAXDEPTH).
static void gol_yyerror(Loc *loc, Parser *p, const char *msg) {
    pe_syntax(p, loc->pos, "%s", msg);
}
