// Package sha3 implements the SHA-3 hash algorithms and the SHAKE and cSHAKE extendable
// output functions of FIPS 202 and SP 800-185, with Go 1.24's API. The sponge is Go's
// (crypto/internal/fips140/sha3); its loops and Nettle's Keccak-f[1600] permutation are
// natives (runtime/pkg/crypto_sha3.c).
package sha3

import (
	"errors"
	"hash"
)

const (
	dsbyteSHA3   = 0x06
	dsbyteShake  = 0x1f
	dsbyteCShake = 0x04

	rateK256 = (1600 - 256) / 8
	rateK448 = (1600 - 448) / 8
	rateK512 = (1600 - 512) / 8
	rateK768 = (1600 - 768) / 8
	rateK1024 = (1600 - 1024) / 8

	magicSHA3   = "sha\x08"
	magicShake  = "sha\x09"
	magicCShake = "sha\x0a"
	// magic || rate || main state || n || sponge direction
	marshaledSize = len(magicSHA3) + 1 + 200 + 1 + 1
)

func absorb(a []uint64, n, rate int, p []byte) int
func padPermute(a []uint64, n, rate int, ds byte)
func squeeze(a []uint64, n, rate int, out []byte) int

// digest is the sponge: a[n:rate] is the buffer (space to absorb into, or output left).
type digest struct {
	a         []uint64 // the 25 lanes of Keccak's state
	n, rate   int
	dsbyte    byte
	outputLen int
	squeezing bool
}

func newDigest(rate, outputLen int, ds byte) digest {
	return digest{a: make([]uint64, 25), rate: rate, outputLen: outputLen, dsbyte: ds}
}

func (d *digest) reset() {
	for i := range d.a {
		d.a[i] = 0
	}
	d.n = 0
	d.squeezing = false
}

func (d *digest) clone() digest {
	r := *d
	r.a = append([]uint64(nil), d.a...)
	return r
}

func (d *digest) write(p []byte) (int, error) {
	if d.squeezing {
		panic("sha3: Write after Read")
	}
	d.n = absorb(d.a, d.n, d.rate, p)
	return len(p), nil
}

func (d *digest) read(out []byte) (int, error) {
	if !d.squeezing {
		padPermute(d.a, d.n, d.rate, d.dsbyte)
		d.n = 0
		d.squeezing = true
	}
	d.n = squeeze(d.a, d.n, d.rate, out)
	return len(out), nil
}

func (d *digest) sum(b []byte) []byte {
	if d.squeezing {
		panic("sha3: Sum after Read")
	}
	dup := d.clone()
	out := make([]byte, dup.outputLen)
	dup.read(out)
	return append(b, out...)
}

func (d *digest) appendBinary(b []byte) []byte {
	switch d.dsbyte {
	case dsbyteSHA3:
		b = append(b, magicSHA3...)
	case dsbyteShake:
		b = append(b, magicShake...)
	default:
		b = append(b, magicCShake...)
	}
	b = append(b, byte(d.rate))
	for _, w := range d.a {
		for i := 0; i < 8; i++ {
			b = append(b, byte(w>>(8*i)))
		}
	}
	dir := byte(0)
	if d.squeezing {
		dir = 1
	}
	return append(b, byte(d.n), dir)
}

func (d *digest) unmarshalBinary(b []byte) error {
	if len(b) != marshaledSize {
		return errors.New("sha3: invalid hash state")
	}
	magic := string(b[:len(magicSHA3)])
	b = b[len(magicSHA3):]
	switch {
	case magic == magicSHA3 && d.dsbyte == dsbyteSHA3:
	case magic == magicShake && d.dsbyte == dsbyteShake:
	case magic == magicCShake && d.dsbyte == dsbyteCShake:
	default:
		return errors.New("sha3: invalid hash state identifier")
	}
	if int(b[0]) != d.rate {
		return errors.New("sha3: invalid hash state function")
	}
	b = b[1:]
	for i := range d.a {
		var w uint64
		for j := 7; j >= 0; j-- {
			w = w<<8 | uint64(b[8*i+j])
		}
		d.a[i] = w
	}
	b = b[200:]
	n, dir := int(b[0]), b[1]
	if n > d.rate {
		return errors.New("sha3: invalid hash state")
	}
	d.n = n
	if dir > 1 {
		return errors.New("sha3: invalid hash state")
	}
	d.squeezing = dir == 1
	return nil
}

// SHA3 is an instance of a SHA-3 hash. It implements hash.Hash.
type SHA3 struct {
	s digest
}

// New224 creates a new SHA3-224 hash.
func New224() *SHA3 { return &SHA3{newDigest(rateK448, 28, dsbyteSHA3)} }

// New256 creates a new SHA3-256 hash.
func New256() *SHA3 { return &SHA3{newDigest(rateK512, 32, dsbyteSHA3)} }

// New384 creates a new SHA3-384 hash.
func New384() *SHA3 { return &SHA3{newDigest(rateK768, 48, dsbyteSHA3)} }

// New512 creates a new SHA3-512 hash.
func New512() *SHA3 { return &SHA3{newDigest(rateK1024, 64, dsbyteSHA3)} }

// Sum224 returns the SHA3-224 hash of data.
func Sum224(data []byte) [28]byte {
	var out [28]byte
	h := New224()
	h.Write(data)
	copy(out[:], h.Sum(nil))
	return out
}

// Sum256 returns the SHA3-256 hash of data.
func Sum256(data []byte) [32]byte {
	var out [32]byte
	h := New256()
	h.Write(data)
	copy(out[:], h.Sum(nil))
	return out
}

// Sum384 returns the SHA3-384 hash of data.
func Sum384(data []byte) [48]byte {
	var out [48]byte
	h := New384()
	h.Write(data)
	copy(out[:], h.Sum(nil))
	return out
}

// Sum512 returns the SHA3-512 hash of data.
func Sum512(data []byte) [64]byte {
	var out [64]byte
	h := New512()
	h.Write(data)
	copy(out[:], h.Sum(nil))
	return out
}

// Write absorbs more data into the hash's state.
func (s *SHA3) Write(p []byte) (n int, err error) { return s.s.write(p) }

// Sum appends the current hash to b and returns the resulting slice.
func (s *SHA3) Sum(b []byte) []byte { return s.s.sum(b) }

// Reset resets the hash to its initial state.
func (s *SHA3) Reset() { s.s.reset() }

// Size returns the number of bytes Sum will produce.
func (s *SHA3) Size() int { return s.s.outputLen }

// BlockSize returns the hash's rate.
func (s *SHA3) BlockSize() int { return s.s.rate }

// MarshalBinary implements encoding.BinaryMarshaler.
func (s *SHA3) MarshalBinary() ([]byte, error) {
	return s.s.appendBinary(make([]byte, 0, marshaledSize)), nil
}

// AppendBinary implements encoding.BinaryAppender.
func (s *SHA3) AppendBinary(p []byte) ([]byte, error) { return s.s.appendBinary(p), nil }

// UnmarshalBinary implements encoding.BinaryUnmarshaler.
func (s *SHA3) UnmarshalBinary(data []byte) error { return s.s.unmarshalBinary(data) }

// Clone implements hash.Cloner (Go 1.25).
func (s *SHA3) Clone() (hash.Cloner, error) { return &SHA3{s.s.clone()}, nil }

// SHAKE is an instance of a SHAKE extendable output function.
type SHAKE struct {
	d         digest
	initBlock []byte // N and S encoded, for cSHAKE; nil for SHAKE
}

// NewSHAKE128 creates a new SHAKE128 XOF.
func NewSHAKE128() *SHAKE { return &SHAKE{d: newDigest(rateK256, 32, dsbyteShake)} }

// NewSHAKE256 creates a new SHAKE256 XOF.
func NewSHAKE256() *SHAKE { return &SHAKE{d: newDigest(rateK512, 64, dsbyteShake)} }

// NewCSHAKE128 creates a new cSHAKE128 XOF. When N and S are both empty, this is
// equivalent to NewSHAKE128.
func NewCSHAKE128(N, S []byte) *SHAKE {
	if len(N) == 0 && len(S) == 0 {
		return NewSHAKE128()
	}
	return newCShake(N, S, rateK256, 32)
}

// NewCSHAKE256 creates a new cSHAKE256 XOF. When N and S are both empty, this is
// equivalent to NewSHAKE256.
func NewCSHAKE256(N, S []byte) *SHAKE {
	if len(N) == 0 && len(S) == 0 {
		return NewSHAKE256()
	}
	return newCShake(N, S, rateK512, 64)
}

func newCShake(N, S []byte, rate, outputLen int) *SHAKE {
	c := &SHAKE{d: newDigest(rate, outputLen, dsbyteCShake)}
	c.initBlock = make([]byte, 0, 9+len(N)+9+len(S))
	c.initBlock = append(c.initBlock, leftEncode(uint64(len(N))*8)...)
	c.initBlock = append(c.initBlock, N...)
	c.initBlock = append(c.initBlock, leftEncode(uint64(len(S))*8)...)
	c.initBlock = append(c.initBlock, S...)
	c.d.write(bytepad(c.initBlock, c.d.rate))
	return c
}

// leftEncode is SP 800-185's left_encode: x big-endian in as few bytes as possible (at
// least one), after a byte giving their count.
func leftEncode(x uint64) []byte {
	n := 1
	for t := x >> 8; t != 0; t >>= 8 {
		n++
	}
	b := make([]byte, n+1)
	b[0] = byte(n)
	for i := n; i >= 1; i-- {
		b[i] = byte(x)
		x >>= 8
	}
	return b
}

func bytepad(data []byte, rate int) []byte {
	out := make([]byte, 0, 9+len(data)+rate-1)
	out = append(out, leftEncode(uint64(rate))...)
	out = append(out, data...)
	if padlen := rate - len(out)%rate; padlen < rate {
		out = append(out, make([]byte, padlen)...)
	}
	return out
}

// SumSHAKE128 applies the SHAKE128 extendable output function to data and returns an
// output of the given length in bytes.
func SumSHAKE128(data []byte, length int) []byte {
	out := make([]byte, length)
	h := NewSHAKE128()
	h.Write(data)
	h.Read(out)
	return out
}

// SumSHAKE256 applies the SHAKE256 extendable output function to data and returns an
// output of the given length in bytes.
func SumSHAKE256(data []byte, length int) []byte {
	out := make([]byte, length)
	h := NewSHAKE256()
	h.Write(data)
	h.Read(out)
	return out
}

// Write absorbs more data into the XOF's state. It panics if any output has already
// been read.
func (s *SHAKE) Write(p []byte) (n int, err error) { return s.d.write(p) }

// Read squeezes more output from the XOF. Any call to Write after a call to Read will
// panic.
func (s *SHAKE) Read(p []byte) (n int, err error) { return s.d.read(p) }

// Reset resets the XOF to its initial state.
func (s *SHAKE) Reset() {
	s.d.reset()
	if len(s.initBlock) != 0 {
		s.d.write(bytepad(s.initBlock, s.d.rate))
	}
}

// BlockSize returns the rate of the XOF.
func (s *SHAKE) BlockSize() int { return s.d.rate }

// MarshalBinary implements encoding.BinaryMarshaler.
func (s *SHAKE) MarshalBinary() ([]byte, error) {
	return s.AppendBinary(make([]byte, 0, marshaledSize+len(s.initBlock)))
}

// AppendBinary implements encoding.BinaryAppender.
func (s *SHAKE) AppendBinary(b []byte) ([]byte, error) {
	b = s.d.appendBinary(b)
	return append(b, s.initBlock...), nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler.
func (s *SHAKE) UnmarshalBinary(b []byte) error {
	if len(b) < marshaledSize {
		return errors.New("sha3: invalid hash state")
	}
	if err := s.d.unmarshalBinary(b[:marshaledSize]); err != nil {
		return err
	}
	s.initBlock = append([]byte(nil), b[marshaledSize:]...)
	return nil
}
