// Variables and assignable locations: where a variable lives (register, heap cell, captured
// cell, global), loading and storing it, evaluating the operands of an assignable
// expression (field, element, map entry, *p) once, and taking addresses.
#include "compile_int.h"

int comp_capture_index(FuncState *fs, Object *v) {
    Object *f = fs->fobj;
    if (!f || v->owner == f)
        return -1;
    for (int i = 0; i < f->captures.n; i++)
        if (f->captures.v[i] == v)
            return i;
    return -1;
}

int comp_var_reg(FuncState *fs, Object *v) {
    if (v->is_global || v->escapes)
        return -1;
    if (comp_capture_index(fs, v) >= 0)
        return -1;
    return v->slot;
}

// Register holding the storage pointer of an escaping/captured/global variable.
static int var_cell(FuncState *fs, Object *v, int dst) {
    if (v->is_global) {
        comp_emit_bx(fs, OP_GLOBAL, dst, (uint32_t)v->slot);
        return dst;
    }
    int ci = comp_capture_index(fs, v);
    if (ci >= 0) {
        comp_emit(fs, OP_GETCAP, dst, ci, 0);
        return dst;
    }
    return v->slot; // escaping local: its register holds the cell
}

void comp_var_load(FuncState *fs, Object *v, int dst) {
    bool agg = comp_type_is_aggregate(v->type);
    if (v->is_global) {
        comp_emit_bx(fs, agg ? OP_GLOBAL : OP_GETGLOBAL, dst, (uint32_t)v->slot);
        return;
    }
    int ci = comp_capture_index(fs, v);
    if (ci >= 0) {
        comp_emit(fs, agg ? OP_GETCAP : OP_GETCAPV, dst, ci, 0);
        return;
    }
    if (v->escapes && !agg)
        comp_emit(fs, OP_LOAD, dst, v->slot, 0);
    else
        comp_emit_move(fs, dst, v->slot);
}

LValue comp_lvalue_var(FuncState *fs, Object *v) {
    LValue lv = {.type = v->type, .var = v};
    if (!v || !v->name || strcmp(v->name, "_") == 0) {
        lv.kind = LV_BLANK;
        return lv;
    }
    if (v->is_global) {
        lv.kind = LV_GLOBAL;
        lv.a = v->slot;
        return lv;
    }
    int ci = comp_capture_index(fs, v);
    if (ci >= 0) {
        lv.kind = LV_CAP;
        lv.a = ci;
        return lv;
    }
    if (v->escapes) {
        lv.kind = LV_MEM;
        lv.a = v->slot;
        return lv;
    }
    lv.kind = LV_REG;
    lv.a = v->slot;
    return lv;
}

LValue comp_lvalue(FuncState *fs, Expr *e) {
    e = ast_unparen(e);
    LValue lv = {.type = e->tv};
    fs->access_expr = e; // names the sites of comp_lv_load/comp_lv_store (memevent)
    switch (e->kind) {
    case E_IDENT:
        return comp_lvalue_var(fs, e->obj);
    case E_SELECTOR: {
        if (e->sel.kind == SEL_PKG)
            return comp_lvalue_var(fs, e->sel.obj);
        Type *xt = e->x->tv;
        int base = xt->kind == K_POINTER ? comp_expr(fs, e->x, -1) : comp_addr(fs, e->x, -1);
        int off;
        Type *ft;
        base = comp_field_path(fs, base, xt, e->sel.path, e->sel.npath, &off, &ft);
        lv.kind = LV_MEM;
        lv.a = base;
        lv.off = off;
        return lv;
    }
    case E_INDEX: {
        Type *t = e->x->tv;
        if (t->kind == K_MAP) {
            lv.kind = LV_MAP;
            lv.a = comp_expr(fs, e->x, -1);
            lv.b = comp_expr_to(fs, e->y, t->key, -1);
            return lv;
        }
        if (t->kind == K_SLICE) {
            lv.kind = LV_SLICE;
            lv.a = comp_expr(fs, e->x, -1);
            lv.b = comp_index_operand(fs, e->y);
            return lv;
        }
        // array, or pointer to array
        Type *at = t->kind == K_POINTER ? t->elem->under : t;
        lv.kind = LV_ARRAY;
        if (t->kind == K_POINTER) {
            lv.a = comp_expr(fs, e->x, -1);
            comp_emit(fs, OP_NILCHECK, lv.a, 0, 0);
        } else {
            lv.a = comp_addr(fs, e->x, -1);
        }
        lv.b = comp_index_operand(fs, e->y);
        lv.alen = at->len;
        return lv;
    }
    case E_STAR:
        lv.kind = LV_MEM;
        lv.a = comp_expr(fs, e->x, -1);
        return lv;
    default:
        gol_fatal_internal("not assignable");
    }
}

static void store_through(FuncState *fs, int base, int off, int src, Type *t) {
    comp_emit_store_mem(fs, base, off, src, t);
}

void comp_lv_store(FuncState *fs, LValue *lv, int src) {
    int mark = fs->nactive;
    Type *t = lv->type;
    switch (lv->kind) {
    case LV_BLANK:
        break;
    case LV_REG:
        comp_emit_move(fs, lv->a, src);
        break;
    case LV_MEM:
        store_through(fs, lv->a, lv->off, src, t);
        break;
    case LV_CAP: {
        if (!comp_type_is_aggregate(t) && lv->off == 0) {
            comp_emit(fs, OP_SETCAPV, lv->a, src, 0);
            break;
        }
        int c = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_GETCAP, c, lv->a, 0);
        store_through(fs, c, lv->off, src, t);
        break;
    }
    case LV_GLOBAL: {
        if (!comp_type_is_aggregate(t)) {
            comp_emit_bx(fs, OP_SETGLOBAL, src, (uint32_t)lv->a);
            break;
        }
        int c = comp_reg_alloc(fs, 1);
        comp_emit_bx(fs, OP_GLOBAL, c, (uint32_t)lv->a);
        store_through(fs, c, 0, src, t);
        break;
    }
    case LV_SLICE:
        if (comp_type_is_aggregate(t)) {
            int p = comp_reg_alloc(fs, 1);
            comp_emit(fs, OP_ADDR_SL, p, lv->a, lv->b);
            comp_emit_xbx(fs, 0, (uint32_t)t->slots);
            comp_emit_copyn(fs, p, src, t->slots);
        } else {
            comp_emit(fs, OP_SETINDEX_SL, lv->a, lv->b, src);
        }
        break;
    case LV_ARRAY:
        if (comp_type_is_aggregate(t)) {
            int p = comp_reg_alloc(fs, 1);
            comp_emit_array(fs, OP_ADDR_A, p, lv->a, lv->b, t->slots, lv->alen);
            comp_emit_copyn(fs, p, src, t->slots);
        } else {
            comp_emit(fs, OP_SETINDEX_A, lv->a, lv->b, src);
            comp_emit_xbx(fs, 1, (uint32_t)lv->alen);
        }
        break;
    case LV_MAP:
        comp_emit(fs, OP_MAPSET, lv->a, lv->b, src);
        break;
    }
    comp_reg_free_to(fs, mark);
}

void comp_lv_load(FuncState *fs, LValue *lv, int dst) {
    int mark = fs->nactive;
    Type *t = lv->type;
    switch (lv->kind) {
    case LV_BLANK:
        break;
    case LV_REG:
        comp_emit_move(fs, dst, lv->a);
        break;
    case LV_MEM:
        comp_emit_load_mem(fs, lv->a, lv->off, dst, t);
        break;
    case LV_CAP: {
        int c = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_GETCAP, c, lv->a, 0);
        comp_emit_load_mem(fs, c, lv->off, dst, t);
        break;
    }
    case LV_GLOBAL:
        comp_emit_bx(fs, comp_type_is_aggregate(t) ? OP_GLOBAL : OP_GETGLOBAL, dst,
                     (uint32_t)lv->a);
        break;
    case LV_SLICE:
        if (comp_type_is_aggregate(t)) {
            comp_emit(fs, OP_ADDR_SL, dst, lv->a, lv->b);
            comp_emit_xbx(fs, 0, (uint32_t)t->slots);
        } else {
            comp_emit(fs, OP_INDEX_SL, dst, lv->a, lv->b);
        }
        break;
    case LV_ARRAY:
        comp_emit_array(fs, comp_type_is_aggregate(t) ? OP_ADDR_A : OP_INDEX_A, dst, lv->a, lv->b,
                        t->slots, lv->alen);
        break;
    case LV_MAP:
        comp_emit(fs, OP_MAPGET, dst, lv->a, lv->b);
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, t));
        break;
    }
    comp_reg_free_to(fs, mark);
}

int comp_addr(FuncState *fs, Expr *e, int dst) {
    e = ast_unparen(e);
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    if (e->kind == E_COMPOSITE) {
        comp_composite(fs, e, dst);
        if (!comp_type_is_aggregate(e->tv) && e->tv->kind != K_POINTER) {
            // &[]T{...} / &map[K]V{...}: the pointer needs a cell holding the value
            int c = comp_reg_alloc(fs, 1);
            comp_emit_bx(fs, OP_NEW, c, (uint32_t)comp_k_type(fs, e->tv));
            comp_emit(fs, OP_STORE, c, 0, dst);
            comp_emit_move(fs, dst, c);
        }
        comp_reg_free_to(fs, mark);
        return dst;
    }
    if (e->kind == E_IDENT || (e->kind == E_SELECTOR && e->sel.kind == SEL_PKG)) {
        Object *v = e->kind == E_IDENT ? e->obj : e->sel.obj;
        if (!v->escapes && !v->is_global && comp_capture_index(fs, v) < 0 &&
            comp_type_is_aggregate(v->type)) {
            comp_emit_move(fs, dst, v->slot); // a struct/array register is its storage
            return dst;
        }
        int c = var_cell(fs, v, dst);
        comp_emit_move(fs, dst, c);
        return dst;
    }
    LValue lv = comp_lvalue(fs, e);
    switch (lv.kind) {
    case LV_MEM:
        if (lv.off)
            comp_emit(fs, OP_ADDR, dst, lv.a, lv.off);
        else {
            comp_emit(fs, OP_NILCHECK, lv.a, 0, 0);
            comp_emit_move(fs, dst, lv.a);
        }
        break;
    case LV_SLICE:
        comp_emit(fs, OP_ADDR_SL, dst, lv.a, lv.b);
        comp_emit_xbx(fs, 0, (uint32_t)lv.type->slots);
        break;
    case LV_ARRAY:
        comp_emit_array(fs, OP_ADDR_A, dst, lv.a, lv.b, lv.type->slots, lv.alen);
        break;
    default:
        gol_fatal_internal("cannot take address");
    }
    comp_reg_free_to(fs, mark);
    return dst;
}
