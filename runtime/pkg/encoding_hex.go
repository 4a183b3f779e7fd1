// Package hex implements hexadecimal encoding and decoding (Go 1.23's API), in Go: Encode,
// Decode, the Append forms, streaming Encoder/Decoder, and Dump/Dumper in the format of
// `hexdump -C`. Error texts are Go's.
package hex

import (
	"errors"
	"io"
	"strings"
)

const hextable = "0123456789abcdef"

// ErrLength reports an attempt to decode an odd-length input using Decode or
// DecodeString. The stream-based Decoder returns io.ErrUnexpectedEOF instead of ErrLength.
var ErrLength = errors.New("encoding/hex: odd length hex string")

// InvalidByteError values describe errors resulting from an invalid byte in a hex string.
type InvalidByteError byte

func (e InvalidByteError) Error() string {
	return "encoding/hex: invalid byte: " + quoteU(rune(e))
}

// quoteU formats r as fmt's %#U does: U+0067 'g' (the quoted form only when printable).
func quoteU(r rune) string {
	s := strings.ToUpper(encodeUint(uint64(r)))
	for len(s) < 4 {
		s = "0" + s
	}
	s = "U+" + s
	if r >= 0x20 && r < 0x7f || r >= 0xa0 && r != 0xad {
		s += " '" + string(r) + "'"
	}
	return s
}

func encodeUint(x uint64) string {
	if x == 0 {
		return "0"
	}
	var b []byte
	for x > 0 {
		b = append([]byte{hextable[x&15]}, b...)
		x >>= 4
	}
	return string(b)
}

// EncodedLen returns the length of an encoding of n source bytes. Specifically, it returns n * 2.
func EncodedLen(n int) int { return n * 2 }

// Encode encodes src into EncodedLen(len(src)) bytes of dst and returns the number of
// bytes written to dst.
func Encode(dst, src []byte) int {
	i := encodeBlocks(dst, src)
	j := 2 * i
	for _, v := range src[i:] {
		dst[j] = hextable[v>>4]
		dst[j+1] = hextable[v&0x0f]
		j += 2
	}
	return len(src) * 2
}

// AppendEncode appends the hexadecimally encoded src to dst and returns the extended buffer.
func AppendEncode(dst, src []byte) []byte {
	for _, v := range src {
		dst = append(dst, hextable[v>>4], hextable[v&0x0f])
	}
	return dst
}

// EncodeToString returns the hexadecimal encoding of src.
func EncodeToString(src []byte) string {
	dst := make([]byte, EncodedLen(len(src)))
	Encode(dst, src)
	return string(dst)
}

// encodeBlocks encodes the bytes of src that fit in dst and returns their number
// (runtime/pkg/encoding_fast.c).
func encodeBlocks(dst, src []byte) int

// decodeBlocks decodes the leading valid digit pairs of src that fit in dst and returns
// the number of bytes written.
func decodeBlocks(dst, src []byte) int

// DecodedLen returns the length of a decoding of x source bytes. Specifically, it returns x / 2.
func DecodedLen(x int) int { return x / 2 }

// fromHex is the value of hex digit c, or 0xff when c is not one.
func fromHex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0xff
}

// Decode decodes src into DecodedLen(len(src)) bytes, returning the actual number of bytes
// written to dst. Decode expects that src contains only hexadecimal characters and that
// src has even length. If the input is malformed, Decode returns the number of bytes
// decoded before the error.
func Decode(dst, src []byte) (int, error) {
	i := decodeBlocks(dst, src)
	j := 2*i + 1
	for ; j < len(src); j += 2 {
		p, q := src[j-1], src[j]
		a, b := fromHex(p), fromHex(q)
		if a > 0x0f {
			return i, InvalidByteError(p)
		}
		if b > 0x0f {
			return i, InvalidByteError(q)
		}
		dst[i] = a<<4 | b
		i++
	}
	if len(src)%2 == 1 {
		// An invalid character is an earlier problem than the odd length.
		if fromHex(src[j-1]) > 0x0f {
			return i, InvalidByteError(src[j-1])
		}
		return i, ErrLength
	}
	return i, nil
}

// AppendDecode appends the hexadecimally decoded src to dst and returns the extended
// buffer. If the input is malformed, it returns the partially decoded src and an error.
func AppendDecode(dst, src []byte) ([]byte, error) {
	buf := make([]byte, DecodedLen(len(src)))
	n, err := Decode(buf, src)
	return append(dst, buf[:n]...), err
}

// DecodeString returns the bytes represented by the hexadecimal string s. If the input is
// malformed, DecodeString returns the bytes decoded before the error.
func DecodeString(s string) ([]byte, error) {
	src := []byte(s)
	n, err := Decode(src, src)
	return src[:n], err
}

// Dump returns a string that contains a hex dump of the given data. The format of the hex
// dump matches the output of `hexdump -C` on the command line.
func Dump(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	var buf strings.Builder
	// Each 16 bytes take 79 bytes of output (the last line possibly less).
	buf.Grow((1 + ((len(data) - 1) / 16)) * 79)
	dumper := Dumper(&buf)
	dumper.Write(data)
	dumper.Close()
	return buf.String()
}

const bufferSize = 1024

type encoder struct {
	w   io.Writer
	err error
	out [bufferSize]byte // output buffer
}

// NewEncoder returns an io.Writer that writes lowercase hexadecimal characters to w.
func NewEncoder(w io.Writer) io.Writer {
	return &encoder{w: w}
}

func (e *encoder) Write(p []byte) (n int, err error) {
	for len(p) > 0 && e.err == nil {
		chunkSize := bufferSize / 2
		if len(p) < chunkSize {
			chunkSize = len(p)
		}
		var written int
		encoded := Encode(e.out[:], p[:chunkSize])
		written, e.err = e.w.Write(e.out[:encoded])
		n += written / 2
		p = p[chunkSize:]
	}
	return n, e.err
}

type decoder struct {
	r   io.Reader
	err error
	in  []byte           // input buffer (encoded form)
	arr [bufferSize]byte // backing array for in
}

// NewDecoder returns an io.Reader that decodes hexadecimal characters from r. NewDecoder
// expects that r contain only an even number of hexadecimal characters.
func NewDecoder(r io.Reader) io.Reader {
	return &decoder{r: r}
}

func (d *decoder) Read(p []byte) (n int, err error) {
	// Fill the internal buffer with enough bytes to decode.
	if len(d.in) < 2 && d.err == nil {
		numCopy := copy(d.arr[:], d.in) // 0 or 1 bytes
		var numRead int
		numRead, d.err = d.r.Read(d.arr[numCopy:])
		d.in = d.arr[:numCopy+numRead]
		if d.err == io.EOF && len(d.in)%2 != 0 {
			if fromHex(d.in[len(d.in)-1]) > 0x0f {
				d.err = InvalidByteError(d.in[len(d.in)-1])
			} else {
				d.err = io.ErrUnexpectedEOF
			}
		}
	}
	if numAvail := len(d.in) / 2; len(p) > numAvail {
		p = p[:numAvail]
	}
	numDec, err := Decode(p, d.in[:len(p)*2])
	d.in = d.in[2*numDec:]
	if err != nil {
		d.in, d.err = nil, err // a decoding error discards the rest of the input
	}
	if len(d.in) < 2 {
		return numDec, d.err // errors show only once the buffer is consumed
	}
	return numDec, err
}

// Dumper returns a WriteCloser that writes a hex dump of all written data to w. The format
// of the dump matches the output of `hexdump -C` on the command line.
func Dumper(w io.Writer) io.WriteCloser {
	return &dumper{w: w}
}

type dumper struct {
	w          io.Writer
	rightChars [18]byte
	buf        [14]byte
	used       int  // number of bytes in the current line
	n          uint // number of bytes, total
	closed     bool
}

func toChar(b byte) byte {
	if b < 32 || b > 126 {
		return '.'
	}
	return b
}

// Write writes lines like
// 00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d  |./0123456789:;<=|
// (offset, 16 bytes with an extra space after the 8th, and the printable characters).
func (h *dumper) Write(data []byte) (n int, err error) {
	if h.closed {
		return 0, errors.New("encoding/hex: dumper closed")
	}
	for i := range data {
		if h.used == 0 {
			// A line starts with the offset in hex.
			h.buf[0] = byte(h.n >> 24)
			h.buf[1] = byte(h.n >> 16)
			h.buf[2] = byte(h.n >> 8)
			h.buf[3] = byte(h.n)
			Encode(h.buf[4:], h.buf[:4])
			h.buf[12] = ' '
			h.buf[13] = ' '
			if _, err = h.w.Write(h.buf[4:]); err != nil {
				return
			}
		}
		Encode(h.buf[:], data[i:i+1])
		h.buf[2] = ' '
		l := 3
		if h.used == 7 {
			h.buf[3] = ' '
			l = 4
		} else if h.used == 15 {
			h.buf[3] = ' '
			h.buf[4] = '|'
			l = 5
		}
		if _, err = h.w.Write(h.buf[:l]); err != nil {
			return
		}
		n++
		h.rightChars[h.used] = toChar(data[i])
		h.used++
		h.n++
		if h.used == 16 {
			h.rightChars[16] = '|'
			h.rightChars[17] = '\n'
			if _, err = h.w.Write(h.rightChars[:]); err != nil {
				return
			}
			h.used = 0
		}
	}
	return
}

// Close pads the last line and writes its characters column.
func (h *dumper) Close() (err error) {
	if h.closed {
		return
	}
	h.closed = true
	if h.used == 0 {
		return
	}
	pad := []byte("     |")
	nBytes := h.used
	for h.used < 16 {
		l := 3
		if h.used == 7 {
			l = 4
		} else if h.used == 15 {
			l = 5
			pad = []byte("    |")
		}
		if _, err = h.w.Write(pad[:l]); err != nil {
			return
		}
		h.used++
	}
	h.rightChars[nBytes] = '|'
	h.rightChars[nBytes+1] = '\n'
	_, err = h.w.Write(h.rightChars[:nBytes+2])
	return
}
