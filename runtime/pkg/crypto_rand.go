// Package rand implements a cryptographically secure random number generator (Go 1.24's
// API: Read never fails, Text, Int, Prime). The bytes come from the kernel's getrandom(2)
// (runtime/pkg/crypto_rand.c).
package rand

import (
	"errors"
	"io"
	"math/big"
)

// Reader is a global, shared instance of a cryptographically secure random number
// generator: getrandom(2) on Linux.
var Reader reader

type reader struct{}

// fill fills b with random bytes from the kernel.
func fill(b []byte)

// Read fills b with cryptographically secure random bytes. It never returns an error,
// and always fills b entirely.
func (reader) Read(b []byte) (n int, err error) {
	fill(b)
	return len(b), nil
}

// Read fills b with cryptographically secure random bytes. It never returns an error,
// and always fills b entirely.
func Read(b []byte) (n int, err error) {
	fill(b)
	return len(b), nil
}

const base32alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// Text returns a cryptographically random string using the standard RFC 4648 base32
// alphabet for use when a secret string, token, password, or other text is needed. The
// result contains at least 128 bits of randomness (26 characters).
func Text() string {
	src := make([]byte, 26)
	Read(src)
	for i := range src {
		src[i] = base32alphabet[src[i]%32]
	}
	return string(src)
}

// Int returns a uniform random value in [0, max). It panics if max <= 0, and returns an
// error if rand.Read returns one.
func Int(rand io.Reader, max *big.Int) (n *big.Int, err error) {
	if max.Sign() <= 0 {
		panic("crypto/rand: argument to Int is <= 0")
	}
	n = new(big.Int)
	n.Sub(max, n.SetUint64(1))
	bitLen := n.BitLen() // the bits needed for a value < max
	if bitLen == 0 {
		return // the only valid result is 0
	}
	k := (bitLen + 7) / 8 // bytes needed
	b := uint(bitLen % 8) // bits used in the most significant byte
	if b == 0 {
		b = 8
	}
	bytes := make([]byte, k)
	for {
		if _, err = io.ReadFull(rand, bytes); err != nil {
			return nil, err
		}
		// Clear the unused top bits so that most candidates are < max.
		bytes[0] &= uint8(int(1<<b) - 1)
		n.SetBytes(bytes)
		if n.Cmp(max) < 0 {
			return
		}
	}
}

// Prime returns a number of the given bit length that is prime with high probability.
// Prime will return error for any error returned by rand.Read or if bits < 2.
func Prime(rand io.Reader, bits int) (*big.Int, error) {
	if bits < 2 {
		return nil, errors.New("crypto/rand: prime size must be at least 2-bit")
	}
	b := uint(bits % 8)
	if b == 0 {
		b = 8
	}
	bytes := make([]byte, (bits+7)/8)
	p := new(big.Int)
	for {
		if _, err := io.ReadFull(rand, bytes); err != nil {
			return nil, err
		}
		// At most bits bits, with the top two set (so that the product of two such
		// primes has exactly 2*bits bits), and odd.
		bytes[0] &= uint8(int(1<<b) - 1)
		if b >= 2 {
			bytes[0] |= 3 << (b - 2)
		} else {
			bytes[0] |= 1
			if len(bytes) > 1 {
				bytes[1] |= 0x80
			}
		}
		bytes[len(bytes)-1] |= 1
		p.SetBytes(bytes)
		if p.ProbablyPrime(20) {
			return p, nil
		}
	}
}
