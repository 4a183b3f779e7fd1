// UTF-8 with Go's exact semantics (unicode/utf8): an invalid or truncated sequence decodes
// as U+FFFD with width 1; surrogate halves (U+D800..U+DFFF) and values above U+10FFFF are
// not valid runes and encode as U+FFFD. Used by range over strings, []rune(s), string(r),
// and the unicode/utf8 package. Pure functions on byte buffers; no allocation.
#ifndef GOL_UTF8_H
#define GOL_UTF8_H

#include <stdbool.h>
#include <stdint.h>

#define UTF8_MAX 4             // utf8.UTFMax
#define UTF8_RUNE_ERROR 0xFFFD // utf8.RuneError
#define UTF8_MAX_RUNE 0x10FFFF // unicode.MaxRune

// Decode the first rune of [s] ([n] bytes): stores it in *r and returns its width; an
// invalid sequence gives U+FFFD and 1; n <= 0 gives U+FFFD and 0 (utf8.DecodeRune).
int utf8_decode(const uint8_t *s, int64_t n, int32_t *r);
// Decode the last rune of [s] (utf8.DecodeLastRune), same conventions.
int utf8_decode_last(const uint8_t *s, int64_t n, int32_t *r);
// Encode [r] into [buf] (room for UTF8_MAX bytes) and return the byte count; an invalid
// rune (negative, surrogate, > U+10FFFF, or any int64 outside int32) writes U+FFFD.
int utf8_encode(uint8_t *buf, int64_t r);
// Bytes utf8_encode writes for [r] (3 for an invalid rune).
int utf8_encoded_len(int64_t r);
// utf8.RuneLen: bytes needed to encode [r], or -1 if r is not a valid rune.
int utf8_rune_len(int64_t r);
// utf8.ValidRune.
bool utf8_valid_rune(int64_t r);
// utf8.RuneCount: the number of runes (invalid bytes count one each) in [n] bytes at [s].
int64_t utf8_count(const uint8_t *s, int64_t n);
// utf8.Valid: whether [s] is entirely valid UTF-8.
bool utf8_valid(const uint8_t *s, int64_t n);
// utf8.FullRune: whether [s] begins with a full (possibly invalid) encoding of a rune.
bool utf8_full_rune(const uint8_t *s, int64_t n);
// utf8.RuneStart: whether [b] could be the first byte of an encoding.
static inline bool utf8_rune_start(uint8_t b) {
    return (b & 0xC0) != 0x80;
}

#endif
