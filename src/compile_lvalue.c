// Variables and assignable locations: where a variable lives (register, heap cell, captured
// cell, global), loading and storing it, evaluating the operands of an assignable
// expression (field, element, map entry, *p) once, and taking addresses.
#include "compile_int.h"

int capture_index(FuncState *fs, Object *v) {
    Object *f = fs->fobj;
    if (!f || v->owner == f)
        return -1;
    for (int i = 0; i < f->captures.n; i++)
        if (f->captures.v[i] == v)
            return i;
    return -1;
}

int var_reg(FuncState *fs, Object *v) {
    if (v->is_global || v->escapes)
        return -1;
    if (capture_index(fs, v) >= 0)
        return -1;
    return v->slot;
}

// Register holding the storage pointer of an escaping/captured/global variable.
static int var_cell(FuncState *fs, Object *v, int dst) {
    if (v->is_global) {
        emit_bx(fs, OP_GLOBAL, dst, (uint32_t)v->slot);
        return dst;
    }
    int ci = capture_index(fs, v);
    if (ci >= 0) {
        emit(fs, OP_GETCAP, dst, ci, 0);
        return dst;
    }
    return v->slot; // escaping local: its register holds the cell
}

void var_load(FuncState *fs, Object *v, int dst) {
    bool agg = type_is_aggregate(v->type);
    if (v->is_global) {
        emit_bx(fs, agg ? OP_GLOBAL : OP_GETG, dst, (uint32_t)v->slot);
        return;
    }
    int ci = capture_index(fs, v);
    if (ci >= 0) {
        emit(fs, agg ? OP_GETCAP : OP_GETCAPV, dst, ci, 0);
        return;
    }
    if (v->escapes && !agg)
        emit(fs, OP_LOAD, dst, v->slot, 0);
    else
        emit_move(fs, dst, v->slot);
}

LValue clvalue_var(FuncState *fs, Object *v) {
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
    int ci = capture_index(fs, v);
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

LValue clvalue(FuncState *fs, Expr *e) {
    e = ast_unparen(e);
    LValue lv = {.type = e->tv};
    fs->access_expr = e; // names the sites of lv_load/lv_store (memevent)
    switch (e->kind) {
    case E_IDENT:
        return clvalue_var(fs, e->obj);
    case E_SELECTOR: {
        if (e->sel.kind == SEL_PKG)
            return clvalue_var(fs, e->sel.obj);
        Type *xt = e->x->tv;
        int base = xt->kind == K_POINTER ? cexpr(fs, e->x, -1) : caddr(fs, e->x, -1);
        int off;
        Type *ft;
        base = field_path(fs, base, xt, e->sel.path, e->sel.npath, &off, &ft);
        lv.kind = LV_MEM;
        lv.a = base;
        lv.off = off;
        return lv;
    }
    case E_INDEX: {
        Type *t = e->x->tv;
        if (t->kind == K_MAP) {
            lv.kind = LV_MAP;
            lv.a = cexpr(fs, e->x, -1);
            lv.b = cexpr_to(fs, e->y, t->key, -1);
            return lv;
        }
        if (t->kind == K_SLICE) {
            lv.kind = LV_SLICE;
            lv.a = cexpr(fs, e->x, -1);
            lv.b = cindex_operand(fs, e->y);
            return lv;
        }
        // array, or pointer to array
        Type *at = t->kind == K_POINTER ? t->elem->under : t;
        lv.kind = LV_ARRAY;
        if (t->kind == K_POINTER) {
            lv.a = cexpr(fs, e->x, -1);
            emit(fs, OP_NILCHECK, lv.a, 0, 0);
        } else {
            lv.a = caddr(fs, e->x, -1);
        }
        lv.b = cindex_operand(fs, e->y);
        lv.alen = at->len;
        return lv;
    }
    case E_STAR:
        lv.kind = LV_MEM;
        lv.a = cexpr(fs, e->x, -1);
        return lv;
    default:
        gol_fatal_internal("not assignable");
    }
}

static void store_through(FuncState *fs, int base, int off, int src, Type *t) {
    emit_store_mem(fs, base, off, src, t);
}

void lv_store(FuncState *fs, LValue *lv, int src) {
    int mark = fs->nactive;
    Type *t = lv->type;
    switch (lv->kind) {
    case LV_BLANK:
        break;
    case LV_REG:
        emit_move(fs, lv->a, src);
        break;
    case LV_MEM:
        store_through(fs, lv->a, lv->off, src, t);
        break;
    case LV_CAP: {
        if (!type_is_aggregate(t) && lv->off == 0) {
            emit(fs, OP_SETCAPV, lv->a, src, 0);
            break;
        }
        int c = reg_alloc(fs, 1);
        emit(fs, OP_GETCAP, c, lv->a, 0);
        store_through(fs, c, lv->off, src, t);
        break;
    }
    case LV_GLOBAL: {
        if (!type_is_aggregate(t)) {
            emit_bx(fs, OP_SETG, src, (uint32_t)lv->a);
            break;
        }
        int c = reg_alloc(fs, 1);
        emit_bx(fs, OP_GLOBAL, c, (uint32_t)lv->a);
        store_through(fs, c, 0, src, t);
        break;
    }
    case LV_SLICE:
        if (type_is_aggregate(t)) {
            int p = reg_alloc(fs, 1);
            emit(fs, OP_ADDR_SL, p, lv->a, lv->b);
            emit_x(fs, 0, t->slots, 0);
            emit_copyn(fs, p, src, t->slots);
        } else {
            emit(fs, OP_SETINDEX_SL, lv->a, lv->b, src);
        }
        break;
    case LV_ARRAY:
        if (type_is_aggregate(t)) {
            int p = reg_alloc(fs, 1);
            emit(fs, OP_ADDR_A, p, lv->a, lv->b);
            emit_xbx(fs, t->slots, (uint32_t)lv->alen);
            emit_copyn(fs, p, src, t->slots);
        } else {
            emit(fs, OP_SETINDEX_A, lv->a, lv->b, src);
            emit_xbx(fs, 1, (uint32_t)lv->alen);
        }
        break;
    case LV_MAP:
        emit(fs, OP_MAPSET, lv->a, lv->b, src);
        break;
    }
    reg_free_to(fs, mark);
}

void lv_load(FuncState *fs, LValue *lv, int dst) {
    int mark = fs->nactive;
    Type *t = lv->type;
    switch (lv->kind) {
    case LV_BLANK:
        break;
    case LV_REG:
        emit_move(fs, dst, lv->a);
        break;
    case LV_MEM:
        emit_load_mem(fs, lv->a, lv->off, dst, t);
        break;
    case LV_CAP: {
        int c = reg_alloc(fs, 1);
        emit(fs, OP_GETCAP, c, lv->a, 0);
        emit_load_mem(fs, c, lv->off, dst, t);
        break;
    }
    case LV_GLOBAL:
        emit_bx(fs, type_is_aggregate(t) ? OP_GLOBAL : OP_GETG, dst, (uint32_t)lv->a);
        break;
    case LV_SLICE:
        if (type_is_aggregate(t)) {
            emit(fs, OP_ADDR_SL, dst, lv->a, lv->b);
            emit_x(fs, 0, t->slots, 0);
        } else {
            emit(fs, OP_INDEX_SL, dst, lv->a, lv->b);
        }
        break;
    case LV_ARRAY:
        emit(fs, type_is_aggregate(t) ? OP_ADDR_A : OP_INDEX_A, dst, lv->a, lv->b);
        emit_xbx(fs, t->slots, (uint32_t)lv->alen);
        break;
    case LV_MAP:
        emit(fs, OP_MAPGET, dst, lv->a, lv->b);
        emit_xbx(fs, 0, (uint32_t)k_type(fs, t));
        break;
    }
    reg_free_to(fs, mark);
}

int caddr(FuncState *fs, Expr *e, int dst) {
    e = ast_unparen(e);
    int mark = fs->nactive;
    if (dst < 0)
        dst = reg_alloc(fs, 1), mark = fs->nactive;
    if (e->kind == E_COMPOSITE) {
        ccomposite(fs, e, dst);
        if (!type_is_aggregate(e->tv) && e->tv->kind != K_POINTER) {
            // &[]T{...} / &map[K]V{...}: the pointer needs a cell holding the value
            int c = reg_alloc(fs, 1);
            emit_bx(fs, OP_NEW, c, (uint32_t)k_type(fs, e->tv));
            emit(fs, OP_STORE, c, 0, dst);
            emit_move(fs, dst, c);
        }
        reg_free_to(fs, mark);
        return dst;
    }
    if (e->kind == E_IDENT || (e->kind == E_SELECTOR && e->sel.kind == SEL_PKG)) {
        Object *v = e->kind == E_IDENT ? e->obj : e->sel.obj;
        if (!v->escapes && !v->is_global && capture_index(fs, v) < 0 &&
            type_is_aggregate(v->type)) {
            emit_move(fs, dst, v->slot); // a struct/array register is its storage
            return dst;
        }
        int c = var_cell(fs, v, dst);
        emit_move(fs, dst, c);
        return dst;
    }
    LValue lv = clvalue(fs, e);
    switch (lv.kind) {
    case LV_MEM:
        if (lv.off)
            emit(fs, OP_ADDR, dst, lv.a, lv.off);
        else {
            emit(fs, OP_NILCHECK, lv.a, 0, 0);
            emit_move(fs, dst, lv.a);
        }
        break;
    case LV_SLICE:
        emit(fs, OP_ADDR_SL, dst, lv.a, lv.b);
        emit_x(fs, 0, lv.type->slots, 0);
        break;
    case LV_ARRAY:
        emit(fs, OP_ADDR_A, dst, lv.a, lv.b);
        emit_xbx(fs, lv.type->slots, (uint32_t)lv.alen);
        break;
    default:
        gol_fatal_internal("cannot take address");
    }
    reg_free_to(fs, mark);
    return dst;
}
