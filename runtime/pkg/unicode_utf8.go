// Package utf8 implements functions and constants to support text encoded in UTF-8, with
// Go's exact handling of invalid input. The decoders are natives over runtime/utf8.c.
package utf8

const (
	RuneError = '\uFFFD'     // the "error" Rune or "Unicode replacement character"
	RuneSelf  = 0x80         // characters below RuneSelf are represented as themselves in a single byte.
	MaxRune   = '\U0010FFFF' // Maximum valid Unicode code point.
	UTFMax    = 4            // maximum number of bytes of a UTF-8 encoded Unicode character.
)

func FullRune(p []byte) bool
func FullRuneInString(s string) bool
func DecodeRune(p []byte) (r rune, size int)
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func RuneLen(r rune) int
func RuneCount(p []byte) int
func RuneCountInString(s string) (n int)
func Valid(p []byte) bool
func ValidString(s string) bool
func ValidRune(r rune) bool

// RuneStart reports whether the byte could be the first byte of an encoded, possibly
// invalid rune.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// EncodeRune writes into p (which must be large enough) the UTF-8 encoding of the rune.
// It returns the number of bytes written.
func EncodeRune(p []byte, r rune) int {
	s := string(encodable(r))
	_ = p[len(s)-1] // Go panics with this index when p is too short
	return copy(p, s)
}

// AppendRune appends the UTF-8 encoding of r to the end of p and returns the extended
// buffer.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	return append(p, string(encodable(r))...)
}

func encodable(r rune) rune {
	if !ValidRune(r) {
		return RuneError
	}
	return r
}
