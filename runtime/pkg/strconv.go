// Package strconv implements conversions to and from string representations of basic
// data types for gol, with Go's exact results and error values. The number and quoting
// cores are native (runtime/pkg/strconv.c over runtime/numfmt.c, numparse.c, quote.c);
// the *NumError values are built here.
package strconv

import "errors"

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (e.g. ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error {
	return e.Err
}

// Error codes of the native parsers (runtime/numparse.h).
const (
	errOK = iota
	errSyntax
	errRange
	errBase
	errBitSize
)

func numError(fn, s string, code, base, bitSize int) error {
	switch code {
	case errSyntax:
		return &NumError{fn, s, ErrSyntax}
	case errRange:
		return &NumError{fn, s, ErrRange}
	case errBase:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case errBitSize:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return nil
}

func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
func parseFloat(s string, bitSize int) (float64, int)

// ParseInt interprets s in the given base (0, 2 to 36) and bit size (0 to 64).
func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, code := parseInt(s, base, bitSize)
	if code != errOK {
		return v, numError("ParseInt", s, code, base, bitSize)
	}
	return v, nil
}

// ParseUint is like ParseInt but for unsigned numbers; a sign prefix is not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code := parseUint(s, base, bitSize)
	if code != errOK {
		return v, numError("ParseUint", s, code, base, bitSize)
	}
	return v, nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != errOK {
		return int(v), numError("Atoi", s, code, 10, 0)
	}
	return int(v), nil
}

// ParseFloat converts s to a floating-point number of the given bit size (32 or 64).
func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != errOK {
		return v, numError("ParseFloat", s, code, 10, bitSize)
	}
	return v, nil
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// FormatBool returns "true" or "false" according to the value of b.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string

// FormatInt returns the string representation of i in the given base (2 to 36).
func FormatInt(i int64, base int) string

// FormatUint returns the string representation of i in the given base (2 to 36).
func FormatUint(i uint64, base int) string

// FormatFloat converts f to a string with format fmt ('b', 'e', 'E', 'f', 'g', 'G', 'x',
// 'X'), precision prec (-1: the fewest digits that read back exactly) and bit size.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

func quote(s string, ascii, graphic bool) string
func quoteRune(r rune, ascii, graphic bool) string

// Quote returns a double-quoted Go string literal representing s.
func Quote(s string) string {
	return quote(s, false, false)
}

// QuoteToASCII is like Quote but escapes every non-ASCII character.
func QuoteToASCII(s string) string {
	return quote(s, true, false)
}

// QuoteToGraphic is like Quote but keeps Unicode graphic characters unescaped.
func QuoteToGraphic(s string) string {
	return quote(s, false, true)
}

// QuoteRune returns a single-quoted Go character literal representing the rune.
func QuoteRune(r rune) string {
	return quoteRune(r, false, false)
}

func QuoteRuneToASCII(r rune) string {
	return quoteRune(r, true, false)
}

func QuoteRuneToGraphic(r rune) string {
	return quoteRune(r, false, true)
}

func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func AppendQuoteToASCII(dst []byte, s string) []byte {
	return append(dst, QuoteToASCII(s)...)
}

func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}

func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}

func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return append(dst, QuoteToGraphic(s)...)
}

func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToGraphic(r)...)
}

// CanBackquote reports whether s can be represented unchanged as a raw string literal.
func CanBackquote(s string) bool

// IsPrint reports whether the rune is printable, as Go defines it.
func IsPrint(r rune) bool

// IsGraphic reports whether the rune is a Unicode graphic character.
func IsGraphic(r rune) bool

func unquote(s string) (string, bool)
func unquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)

// Unquote interprets s as a single-quoted, double-quoted or backquoted Go literal and
// returns the value it represents.
func Unquote(s string) (string, error) {
	t, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return t, nil
}

// QuotedPrefix returns the quoted string (as understood by Unquote) at the prefix of s, with
// its quotes and escapes as written; ErrSyntax if s does not start with one.
func QuotedPrefix(s string) (string, error) {
	if len(s) < 2 {
		return "", ErrSyntax
	}
	quote := s[0]
	switch quote {
	case '`':
		for i := 1; i < len(s); i++ {
			if s[i] == '`' {
				return s[:i+1], nil
			}
		}
		return "", ErrSyntax
	case '"', '\'':
		in := s[1:]
		for len(in) > 0 && in[0] != quote {
			if in[0] == '\n' {
				return "", ErrSyntax
			}
			_, _, rest, err := UnquoteChar(in, quote)
			if err != nil {
				return "", ErrSyntax
			}
			in = rest
			if quote == '\'' { // a character literal holds one character
				break
			}
		}
		if len(in) == 0 || in[0] != quote {
			return "", ErrSyntax
		}
		return s[:len(s)-len(in)+1], nil
	}
	return "", ErrSyntax
}

// UnquoteChar decodes the first character or escape sequence of s.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	v, mb, t, ok := unquoteChar(s, quote)
	if !ok {
		return 0, false, "", ErrSyntax
	}
	return v, mb, t, nil
}

// FormatComplex converts the complex number c to a string of the form (a+bi) where a and b
// are the real and imaginary parts, formatted as FormatFloat does with bit size
// bitSize/2 (bitSize is 64 for complex64 and 128 for complex128).
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize >>= 1
	im := FormatFloat(imag(c), fmt, prec, bitSize)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, bitSize) + im + "i)"
}

// prefixLenFold is the length of the common prefix of s and word, ignoring case (word is
// lower case).
func prefixLenFold(s, word string) int {
	n := 0
	for n < len(s) && n < len(word) && (s[n]|0x20) == word[n] {
		n++
	}
	return n
}

// specialLen is the length of the "inf", "infinity" or "nan" prefix of s (with a sign for
// the infinities), as Go's special, or 0.
func specialLen(s string) int {
	if len(s) == 0 {
		return 0
	}
	sign := 0
	if s[0] == '+' || s[0] == '-' {
		sign = 1
	} else if (s[0] | 0x20) == 'n' {
		if prefixLenFold(s, "nan") == 3 {
			return 3
		}
		return 0
	}
	n := prefixLenFold(s[sign:], "infinity")
	if 3 < n && n < 8 {
		n = 3
	}
	if n == 3 || n == 8 {
		return sign + n
	}
	return 0
}

func isDigitIn(c byte, hex bool) bool {
	return '0' <= c && c <= '9' || hex && 'a' <= (c|0x20) && (c|0x20) <= 'f'
}

// floatPrefixLen is the length of the longest prefix of s that Go's readFloat accepts as
// the syntax of a number (underscores are checked by parseFloat), or 0.
func floatPrefixLen(s string) int {
	if n := specialLen(s); n > 0 {
		return n
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	hex := false
	expChar := byte('e')
	if i+2 < len(s) && s[i] == '0' && (s[i+1]|0x20) == 'x' {
		hex, expChar = true, 'p'
		i += 2
	}
	sawdot, sawdigits := false, false
	for ; i < len(s); i++ {
		if c := s[i]; c == '_' {
			continue
		} else if c == '.' && !sawdot {
			sawdot = true
			continue
		} else if isDigitIn(c, hex) {
			sawdigits = true
			continue
		}
		break
	}
	if !sawdigits {
		return 0
	}
	if i < len(s) && (s[i]|0x20) == expChar {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return 0
		}
		for i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_') {
			i++
		}
	} else if hex {
		return 0
	}
	return i
}

// parseFloatPrefix parses the float at the start of s: its value, its length and the
// error code (errSyntax when no float starts there).
func parseFloatPrefix(s string, bitSize int) (float64, int, int) {
	n := floatPrefixLen(s)
	if n == 0 {
		return 0, 0, errSyntax
	}
	v, code := parseFloat(s[:n], bitSize)
	return v, n, code
}

// ParseComplex converts the string s to a complex number with the precision specified by
// bitSize: 64 for complex64, or 128 for complex128. s may be N, Ni, or N±Ni, optionally in
// parentheses. An out-of-range part gives ±Inf with a *NumError whose Err is ErrRange.
func ParseComplex(s string, bitSize int) (complex128, error) {
	size := 64
	if bitSize == 64 {
		size = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var pending error
	re, n, code := parseFloatPrefix(s, size)
	if code == errRange {
		pending = &NumError{"ParseComplex", orig, ErrRange}
	} else if code != errOK {
		return 0, &NumError{"ParseComplex", orig, ErrSyntax}
	}
	s = s[n:]
	if len(s) == 0 {
		return complex(re, 0), pending
	}
	switch s[0] {
	case '+':
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), pending
		}
		return 0, &NumError{"ParseComplex", orig, ErrSyntax}
	default:
		return 0, &NumError{"ParseComplex", orig, ErrSyntax}
	}
	im, n, code := parseFloatPrefix(s, size)
	if code == errRange {
		pending = &NumError{"ParseComplex", orig, ErrRange}
	} else if code != errOK {
		return 0, &NumError{"ParseComplex", orig, ErrSyntax}
	}
	if s[n:] != "i" {
		return 0, &NumError{"ParseComplex", orig, ErrSyntax}
	}
	return complex(re, im), pending
}
