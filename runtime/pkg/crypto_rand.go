// Package rand implements a cryptographically secure random number generator (Go 1.24's
// API: Read never fails, Text). The bytes come from the kernel's getrandom(2)
// (runtime/pkg/crypto_rand.c).
package rand

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
