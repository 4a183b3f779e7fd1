// Natives of package unicode (runtime/pkg/unicode.go): table lookups by id, the IsX
// predicates, case mapping and folding, over unitab.c.
#include "isprint.h"
#include "native.h"
#include "unitab.h"

#define RUNE(a) ((int32_t)(a).i)

static RtStatus nat_table_id(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = unitab_find(str_data(a[0].p), (size_t)str_len(a[0].p));
    return RT_OK;
}

static RtStatus nat_is_table(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = unitab_is((int)a[0].i, RUNE(a[1]));
    return RT_OK;
}

// One native per predicate, all of the same shape.
#define PRED(name, expr)                                                                       \
    static RtStatus name(G *g, Slot *a, Slot *res) {                                           \
        GOL_UNUSED(g);                                                                         \
        int32_t r = RUNE(a[0]);                                                                \
        res[0].i = (expr);                                                                     \
        return RT_OK;                                                                          \
    }
PRED(nat_is_letter, unitab_is_letter(r))
PRED(nat_is_upper, unitab_is_upper(r))
PRED(nat_is_lower, unitab_is_lower(r))
PRED(nat_is_title, unitab_is_title(r))
PRED(nat_is_digit, unitab_is_digit(r))
PRED(nat_is_number, unitab_is_number(r))
PRED(nat_is_mark, unitab_is_mark(r))
PRED(nat_is_punct, unitab_is_punct(r))
PRED(nat_is_symbol, unitab_is_symbol(r))
PRED(nat_is_space, unitab_is_space(r))
PRED(nat_is_control, unitab_is_control(r))
PRED(nat_is_print, isprint_rune(r))
PRED(nat_is_graphic, isprint_graphic(r))
PRED(nat_simple_fold, unitab_simple_fold(r))
#undef PRED

static RtStatus nat_to(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t c = a[0].i;
    res[0].i = c < 0 || c > 2 ? 0xFFFD : unitab_to((int)c, RUNE(a[1]));
    return RT_OK;
}

static const NativeEntry unicode_natives[] = {
    {"unicode.tableID", nat_table_id},
    {"unicode.isTable", nat_is_table},
    {"unicode.IsLetter", nat_is_letter},
    {"unicode.IsUpper", nat_is_upper},
    {"unicode.IsLower", nat_is_lower},
    {"unicode.IsTitle", nat_is_title},
    {"unicode.IsDigit", nat_is_digit},
    {"unicode.IsNumber", nat_is_number},
    {"unicode.IsMark", nat_is_mark},
    {"unicode.IsPunct", nat_is_punct},
    {"unicode.IsSymbol", nat_is_symbol},
    {"unicode.IsSpace", nat_is_space},
    {"unicode.IsControl", nat_is_control},
    {"unicode.IsPrint", nat_is_print},
    {"unicode.IsGraphic", nat_is_graphic},
    {"unicode.SimpleFold", nat_simple_fold},
    {"unicode.To", nat_to},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(unicode_natives)
