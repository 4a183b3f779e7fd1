// Go's quoting of strings and runes (strconv.Quote, QuoteToASCII, QuoteToGraphic, QuoteRune*,
// CanBackquote, Unquote, UnquoteChar), ported from Go 1.19 strconv/quote.go. Used by %q and
// %#v in fmt and by the strconv package.
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
// strconv.UnquoteChar on [n] bytes at [s]: decodes one character or escape; returns false
// on a syntax error, else sets *value, *multibyte and *used (bytes consumed).
bool quote_unquote_char(const char *s, size_t n, char quote, int32_t *value, bool *multibyte,
                        size_t *used);
// strconv.Unquote: appends the unquoted text to [out]; false on a syntax error.
bool quote_unquote(const char *s, size_t n, Buf *out);

#endif
