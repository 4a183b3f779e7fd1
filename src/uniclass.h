// Unicode character classes for Go identifiers (uniclass.c).
#ifndef GOL_UNICLASS_H
#define GOL_UNICLASS_H

#include <stdbool.h>
#include <stdint.h>

// unicode.IsLetter(c) / unicode.IsDigit(c) exactly as Go defines them.
bool uni_is_letter(uint32_t c);
bool uni_is_digit(uint32_t c);

#endif
