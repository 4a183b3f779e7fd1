// Go's quoting of strings and runes (strconv.Quote, QuoteToASCII, QuoteToGraphic, QuoteRune*,
// CanBackquote, Unquote, UnquoteChar), ported from Go 1.19 strconv/quote.go, and the one
// decoder of escape sequences. Used by %q and %#v in fmt, by fmt's scanning, by the strconv
// package, and by the front end (the lexer's checks and constant literals).
#ifndef GOL_QUOTE_H
#define GOL_QUOTE_H

#include "buf.h"

// Append [s] ([n] bytes) in [quote] quotes with Go escapes. [ascii]: escape every non-ASCII
// rune (QuoteToASCII); [graphic]: keep Unicode graphic characters (QuoteToGraphic).
// Invalid UTF-8 bytes are written as \xNN.
void quote_string(Buf *b, const char *s, size_t n, char quote, bool ascii, bool graphic);
// Append rune [r] quoted (QuoteRune etc.); an invalid rune is quoted as U+FFFD.
void quote_rune(Buf *b, int64_t r, char quote, bool ascii, bool graphic);
// strconv.CanBackquote.
bool quote_can_backquote(const char *s, size_t n);
// What quote_escape found; each error is worded by the caller (the compiler's messages,
// or strconv's ErrSyntax).
typedef enum EscapeStatus {
    ESC_OK,
    ESC_SHORT,          // the input ended inside the escape
    ESC_UNKNOWN,        // no such escape (\q; \' in a string and \" in a rune literal)
    ESC_BAD_DIGIT,      // s[*used] is not a digit of the escape's base
    ESC_OCTAL_RANGE,    // an octal escape above 255 (*value holds it)
    ESC_BAD_CODE_POINT, // \u or \U of a surrogate half or past U+10FFFF (*value holds it)
} EscapeStatus;

// Decode the escape sequence at [s] ([n] bytes, s[0] == '\\') inside a literal quoted by
// [quote] ('"' or '\'', whose own quote may be escaped; another byte for neither). Sets
// *value, *used (the escape's length; where decoding stopped on ESC_SHORT and
// ESC_BAD_DIGIT) and *is_byte (\x and octal escapes: one byte, not a UTF-8 encoded rune).
EscapeStatus quote_escape(const char *s, size_t n, char quote, uint32_t *value, size_t *used,
                          bool *is_byte);
// The value of hex digit [c] (0-9, a-f, A-F); -1 for any other character.
int quote_unhex(int32_t c);
// strconv.UnquoteChar on [n] bytes at [s]: decodes one character or escape; returns false
// on a syntax error, else sets *value, *multibyte and *used (bytes consumed).
bool quote_unquote_char(const char *s, size_t n, char quote, int32_t *value, bool *multibyte,
                        size_t *used);
// strconv.Unquote: appends the unquoted text to [out]; false on a syntax error.
bool quote_unquote(const char *s, size_t n, Buf *out);

#endif
