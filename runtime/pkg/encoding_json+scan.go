// Syntax checking over the C scanner (encoding_json.c) with Go's SyntaxError texts, and
// Valid, Compact, Indent and HTMLEscape.
package json

import (
	"bytes"
	"strconv"
)

// ---- scanning, Valid, Compact, Indent ----

// scanValue reads one value from the start of data (encoding_json.c): see there.
func scanValue(data []byte, mode int) (end int, ctx string, c int, off int)

const (
	scanStream    = 0 // more input may follow
	scanStreamEnd = 1 // the stream has ended
	scanWhole     = 2 // a whole document
)

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func syntaxError(ctx string, c int, off int) *SyntaxError {
	if c < 0 {
		return &SyntaxError{ctx, int64(off)}
	}
	return &SyntaxError{"invalid character " + quoteChar(byte(c)) + " " + ctx, int64(off)}
}

func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n')
}

// checkValid verifies that data is exactly one JSON value (with surrounding space).
func checkValid(data []byte) error {
	end, ctx, c, off := scanValue(data, scanWhole)
	if ctx != "" {
		return syntaxError(ctx, c, off)
	}
	if end < 0 {
		return &SyntaxError{"unexpected end of JSON input", int64(len(data))}
	}
	for i := end; i < len(data); i++ {
		if !isSpace(data[i]) {
			return syntaxError("after top-level value", int(data[i]), i+1)
		}
	}
	return nil
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool {
	return checkValid(data) == nil
}

// appendCompact appends src without insignificant space, escaping HTML characters and
// U+2028/U+2029 inside strings when escape is set.
func appendCompact(dst, src []byte, escape bool) ([]byte, error) {
	if err := checkValid(src); err != nil {
		return dst, err
	}
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if !inStr {
			if isSpace(c) {
				continue
			}
			if c == '"' {
				inStr = true
			}
			dst = append(dst, c)
			continue
		}
		switch {
		case c == '\\':
			dst = append(dst, c, src[i+1])
			i++
			continue
		case c == '"':
			inStr = false
		case escape && (c == '<' || c == '>' || c == '&'):
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			continue
		case escape && c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
			i += 2
			continue
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// Compact appends to dst the JSON-encoded src with insignificant space characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	b, err := appendCompact(nil, src, false)
	if err == nil {
		dst.Write(b)
	}
	return err
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and U+2029 characters
// inside string literals changed to \u003c, \u003e, \u0026, \u2028, \u2029.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF]})
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF]})
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

func appendNewline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for i := 0; i < depth; i++ {
		dst = append(dst, indent...)
	}
	return dst
}

// appendIndent appends src indented: each element of an object or array on a new line
// starting with prefix and one copy of indent per nesting level; empty ones stay {} / [].
func appendIndent(dst, src []byte, prefix, indent string) ([]byte, error) {
	if err := checkValid(src); err != nil {
		return dst, err
	}
	needIndent := false
	depth := 0
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			dst = append(dst, c)
			if c == '\\' {
				dst = append(dst, src[i+1])
				i++
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		if isSpace(c) {
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			dst = appendNewline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			inStr = true
			dst = append(dst, c)
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				dst = appendNewline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst, nil
}

// Indent appends to dst an indented form of the JSON-encoded src.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	b, err := appendIndent(nil, src, prefix, indent)
	if err == nil {
		dst.Write(b)
	}
	return err
}

// isValidNumber reports whether s is a valid JSON number literal.
func isValidNumber(s string) bool {
	if s == "" {
		return false
	}
	end, ctx, _, _ := scanValue([]byte(s), scanWhole)
	return ctx == "" && end == len(s) && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
}
