// strconv.IsPrint / strconv.IsGraphic with Go 1.19's Unicode tables (isprint.c).
#ifndef GOL_ISPRINT_H
#define GOL_ISPRINT_H

#include <stdbool.h>
#include <stdint.h>

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020 (a negative
// rune is not printable).
bool isprint_rune(int32_t r);
// strconv.IsGraphic: IsPrint plus the other Unicode space characters (Zs).
bool isprint_graphic(int32_t r);
// Whether [r] is one of the non-printable graphic characters (Go's isInGraphicList).
bool isprint_in_graphic_list(int32_t r);

#endif
