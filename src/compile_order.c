// Evaluation order as gc has it (cmd/compile's order phase). The spec fixes only the order
// of calls, method calls, receives and logical operations; gc runs those (and slicing and
// the allocating builtins) first, left to right, each into a temporary, and reads the other
// operands (variables, fields, elements) afterwards. gol does the same wherever a read
// comes before such an operation in the same expression or list, so that
// `fmt.Println(x, inc(&x))` prints what `go run` prints. A hoisted node is compiled into a
// register now and marked (Expr.hoisted); comp_expr then uses that register instead.
#include "compile_int.h"

// The value computations gc moves into temporaries (order.go's copyExpr cases).
static bool hoistable(const Expr *e) {
    if (e->mode == MODE_CONST || e->mode == MODE_TYPE || !e->tv || e->tv->kind == K_TUPLE)
        return false;
    switch (e->kind) {
    case E_CALL:
        if (e->is_conversion) // []byte(s), []rune(s) allocate; other conversions are reads
            return e->tv->under->kind == K_SLICE && e->args.n == 1 &&
                   type_is_string(e->args.v[0]->tv);
        switch (e->builtin) {
        case BI_NONE: case BI_APPEND: case BI_CAP: case BI_COPY: case BI_LEN: case BI_MAKE:
        case BI_NEW: case BI_RECOVER:
            return true;
        default:
            return false;
        }
    case E_UNARY: return e->op == OP_ARROW;
    case E_SLICE: return true;
    default: return false;
    }
}

static bool is_logical(const Expr *e) {
    return e->kind == E_BINARY && (e->op == OP_LAND || e->op == OP_LOR);
}

// The operands of [e] in evaluation order (at most 4 plus arguments); returns the count.
static int children(Expr *e, Expr **out, int cap) {
    int n = 0;
#define ADD(c) do { if ((c) && n < cap) out[n++] = (c); } while (0)
    switch (e->kind) {
    case E_PAREN: case E_STAR: case E_UNARY: case E_TYPEASSERT: ADD(e->x); break;
    case E_SELECTOR:
        if (e->sel.kind != SEL_PKG)
            ADD(e->x);
        break;
    case E_INDEX: ADD(e->x); ADD(e->y); break;
    case E_SLICE: ADD(e->x); ADD(e->lo); ADD(e->hi); ADD(e->max); break;
    case E_BINARY: ADD(e->x); ADD(e->y); break;
    case E_KEYVALUE: ADD(e->x); ADD(e->y); break;
    case E_CALL:
        if (!e->is_conversion && !e->builtin) {
            Expr *f = ast_unparen(e->x);
            if (f->kind == E_SELECTOR && (f->sel.kind == SEL_METHOD || f->sel.kind == SEL_IFACE))
                ADD(f->x); // the receiver
            else if (!(f->kind == E_IDENT && f->obj && f->obj->kind == OBJ_FUNC) &&
                     !(f->kind == E_SELECTOR && f->sel.kind == SEL_PKG))
                ADD(f); // a function value
        }
        for (int i = 0; i < e->args.n; i++)
            ADD(e->args.v[i]);
        break;
    case E_COMPOSITE:
        for (int i = 0; i < e->args.n; i++)
            ADD(e->args.v[i]);
        break;
    default: break;
    }
#undef ADD
    return n;
}

enum { MAX_CHILDREN = 64 };

// has_hoistable and reads are asked of every operand list on the way down a tree; their
// answers are cached in the node (Expr.order_memo) so a long chain `a + b + c + ...` is
// analysed in linear time.
enum {
    ORDER_HAS_KNOWN = 1, ORDER_HAS = 2,     // has_hoistable computed / its answer
    ORDER_READS_KNOWN = 4, ORDER_READS = 8, // reads computed / its answer
};

static bool memo(Expr *e, int known, int yes, bool value) {
    e->order_memo |= (uint8_t)(known | (value ? yes : 0));
    return value;
}

static bool has_hoistable(Expr *e) {
    if (!e || e->kind == E_FUNCLIT || e->mode == MODE_CONST || e->mode == MODE_TYPE)
        return false;
    if (e->order_memo & ORDER_HAS_KNOWN)
        return e->order_memo & ORDER_HAS;
    if (hoistable(e))
        return memo(e, ORDER_HAS_KNOWN, ORDER_HAS, true);
    Expr *c[MAX_CHILDREN];
    int n = children(e, c, MAX_CHILDREN);
    for (int i = 0; i < n; i++)
        if (has_hoistable(c[i]))
            return memo(e, ORDER_HAS_KNOWN, ORDER_HAS, true);
    return memo(e, ORDER_HAS_KNOWN, ORDER_HAS, false);
}

// Whether evaluating [e] reads something (a variable, field, element) that is not inside
// a hoisted computation.
static bool reads(Expr *e) {
    if (!e || e->mode == MODE_CONST || e->mode == MODE_TYPE || e->kind == E_FUNCLIT)
        return false;
    if (hoistable(e))
        return false;
    if (e->kind == E_IDENT)
        return e->obj && e->obj->kind == OBJ_VAR;
    if (e->order_memo & ORDER_READS_KNOWN)
        return e->order_memo & ORDER_READS;
    Expr *c[MAX_CHILDREN];
    int n = children(e, c, MAX_CHILDREN);
    bool r = e->kind == E_SELECTOR || e->kind == E_INDEX || e->kind == E_STAR;
    for (int i = 0; i < n && !r; i++)
        r = reads(c[i]);
    return memo(e, ORDER_READS_KNOWN, ORDER_READS, r);
}

static void hoist_node(FuncState *fs, Expr *e) {
    int r = comp_reg_alloc(fs, 1);
    comp_expr(fs, e, r);
    e->hoisted = r + 1;
    fs->hoisted++;
}

// Compiles the hoistable nodes of [e]'s tree into temporaries, innermost and leftmost
// first. The right side of && and || runs only conditionally: such a node is hoisted whole.
static void hoist_tree(FuncState *fs, Expr *e) {
    if (!e || e->hoisted || e->spread || e->kind == E_FUNCLIT || e->mode == MODE_CONST ||
        e->mode == MODE_TYPE)
        return; // a spread builtin argument is computed with its builtin call
    if (is_logical(e)) {
        hoist_tree(fs, e->x);
        if (has_hoistable(e->y))
            hoist_node(fs, e);
        return;
    }
    Expr *c[MAX_CHILDREN];
    int n = children(e, c, MAX_CHILDREN);
    for (int i = 0; i < n; i++)
        hoist_tree(fs, c[i]);
    if (hoistable(e))
        hoist_node(fs, e);
}

// Whether some hoistable computation in [v] comes after a read: only then does gc's order
// differ from left to right.
static bool out_of_order(Expr **v, int n) {
    bool seen_read = false;
    for (int i = 0; i < n; i++) {
        if (seen_read && has_hoistable(v[i]))
            return true;
        seen_read = seen_read || reads(v[i]);
    }
    return false;
}

void comp_order_list(FuncState *fs, Expr **v, int n) {
    if (!out_of_order(v, n))
        return;
    for (int i = 0; i < n; i++)
        hoist_tree(fs, v[i]);
}

void comp_order_operands(FuncState *fs, Expr *e) {
    if (is_logical(e))
        return;
    if (e->kind == E_COMPOSITE && e->tv && e->tv->under->kind == K_MAP)
        return; // gc builds a map literal entry by entry, each entry a statement
    Expr *c[MAX_CHILDREN];
    int n = children(e, c, MAX_CHILDREN);
    if (n >= 2)
        comp_order_list(fs, c, n);
}

int comp_take_hoisted(FuncState *fs, Expr *e, int dst) {
    int r = e->hoisted - 1;
    e->hoisted = 0;
    fs->hoisted--;
    if (dst < 0)
        return r;
    comp_emit_move(fs, dst, r);
    return dst;
}
