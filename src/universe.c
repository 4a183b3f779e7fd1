// The predeclared identifiers (spec "Predeclared identifiers"): basic types, byte and rune as
// aliases of uint8 and int32, any, error, comparable (refused by the checker where used),
// true/false/iota, nil and the builtin functions. types_init builds them once.
#include "types.h"

#include "constant.h"
#include "object.h"

Type *types_comparable;

static Type *basic(Kind k, const char *name) {
    Type *t = type_named(name, NULL, NULL);
    t->kind = k;
    t->under = t;
    t->incomplete = false;
    t->slots = 1;
    t->comparable = true;
    t->has_ptrs = k == K_STRING || k == K_UNSAFEPTR || k == K_UNTYPED_NIL || k == K_COMPLEX64 ||
                  k == K_COMPLEX128; // runtime/complex.h: a pointer to the pair
    return t;
}

static void def_type(const char *name, Type *t) {
    Object *o = obj_new(OBJ_TYPE, name, POS_NONE, t);
    if (!t->obj && t->name && strcmp(t->name, name) == 0)
        t->obj = o;
    scope_insert(universe, o);
}

static void def_basic_types(void) {
    static const struct { Kind k; const char *name; } tab[] = {
        {K_BOOL, "bool"}, {K_INT, "int"}, {K_INT8, "int8"}, {K_INT16, "int16"},
        {K_INT32, "int32"}, {K_INT64, "int64"}, {K_UINT, "uint"}, {K_UINT8, "uint8"},
        {K_UINT16, "uint16"}, {K_UINT32, "uint32"}, {K_UINT64, "uint64"},
        {K_UINTPTR, "uintptr"}, {K_FLOAT32, "float32"}, {K_FLOAT64, "float64"},
        {K_COMPLEX64, "complex64"}, {K_COMPLEX128, "complex128"}, {K_STRING, "string"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        types_basic[tab[i].k] = basic(tab[i].k, tab[i].name);
        def_type(tab[i].name, types_basic[tab[i].k]);
    }
    static const struct { Kind k; const char *name; } untyped[] = {
        {K_INVALID, "invalid type"}, {K_UNSAFEPTR, "unsafe.Pointer"},
        {K_UNTYPED_BOOL, "untyped bool"}, {K_UNTYPED_INT, "untyped int"},
        {K_UNTYPED_RUNE, "untyped rune"}, {K_UNTYPED_FLOAT, "untyped float"},
        {K_UNTYPED_COMPLEX, "untyped complex"},
        {K_UNTYPED_STRING, "untyped string"}, {K_UNTYPED_NIL, "untyped nil"},
    };
    for (size_t i = 0; i < sizeof untyped / sizeof untyped[0]; i++)
        types_basic[untyped[i].k] = basic(untyped[i].k, untyped[i].name);
    types_basic[K_INVALID]->comparable = false;
    def_type("byte", types_basic[K_UINT8]);
    def_type("rune", types_basic[K_INT32]);
}

static void def_error(void) {
    types_error = type_named("error", NULL, NULL);
    Object *m = obj_new(OBJ_FUNC, "Error", POS_NONE, NULL);
    Type *str = types_basic[K_STRING];
    m->type = type_func(NULL, 0, &str, 1, false);
    m->is_iface_method = true;
    IMethod im = {.name = "Error", .sig = m->type, .obj = m};
    type_set_underlying(types_error, type_interface(&im, 1));
    def_type("error", types_error);
    m->recv_type = types_error;
}

static void def_const(const char *name, Type *t, ConstVal *v) {
    Object *o = obj_new(OBJ_CONST, name, POS_NONE, t);
    o->cval = v;
    scope_insert(universe, o);
}

static void def_builtins(void) {
    static const struct { Builtin b; const char *name; } tab[] = {
        {BI_APPEND, "append"}, {BI_CAP, "cap"}, {BI_CLEAR, "clear"}, {BI_CLOSE, "close"},
        {BI_COMPLEX, "complex"}, {BI_COPY, "copy"}, {BI_DELETE, "delete"}, {BI_IMAG, "imag"},
        {BI_LEN, "len"}, {BI_MAKE, "make"}, {BI_MAX, "max"}, {BI_MIN, "min"}, {BI_NEW, "new"},
        {BI_PANIC, "panic"}, {BI_PRINT, "print"}, {BI_PRINTLN, "println"}, {BI_REAL, "real"},
        {BI_RECOVER, "recover"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        Object *o = obj_new(OBJ_BUILTIN, tab[i].name, POS_NONE, types_basic[K_INVALID]);
        o->builtin = tab[i].b;
        scope_insert(universe, o);
    }
}

void types_init(void) {
    if (universe)
        return;
    universe = scope_new(NULL, NULL);
    def_basic_types();
    types_empty_iface = type_interface(NULL, 0);
    def_type("any", types_empty_iface);
    def_error();
    types_comparable = type_named("comparable", NULL, NULL);
    type_set_underlying(types_comparable, types_empty_iface);
    def_type("comparable", types_comparable);
    def_const("true", types_basic[K_UNTYPED_BOOL], cv_bool(true));
    def_const("false", types_basic[K_UNTYPED_BOOL], cv_bool(false));
    def_const("iota", types_basic[K_UNTYPED_INT], cv_int(0));
    scope_insert(universe, obj_new(OBJ_NIL, "nil", POS_NONE, types_basic[K_UNTYPED_NIL]));
    def_builtins();
}
