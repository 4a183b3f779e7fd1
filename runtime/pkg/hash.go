// Package hash provides interfaces for hash functions (Go's hash.Hash, Hash32, Hash64),
// implemented by hash/fnv, hash/crc32 and the crypto digests.
package hash

import "io"

// Hash is the common interface implemented by all hash functions.
type Hash interface {
	// Write (via the embedded io.Writer interface) adds more data to the running hash.
	// It never returns an error.
	io.Writer

	// Sum appends the current hash to b and returns the resulting slice.
	// It does not change the underlying hash state.
	Sum(b []byte) []byte

	// Reset resets the Hash to its initial state.
	Reset()

	// Size returns the number of bytes Sum will return.
	Size() int

	// BlockSize returns the hash's underlying block size.
	BlockSize() int
}

// Hash32 is the common interface implemented by all 32-bit hash functions.
type Hash32 interface {
	Hash
	Sum32() uint32
}

// Hash64 is the common interface implemented by all 64-bit hash functions.
type Hash64 interface {
	Hash
	Sum64() uint64
}

// A Cloner is a hash function whose state can be cloned, returning a value with
// equivalent and independent state (Go 1.25). If a hash can only determine at runtime if
// it can be cloned (e.g. if it wraps another hash), Clone may return an error wrapping
// errors.ErrUnsupported.
type Cloner interface {
	Hash
	Clone() (Cloner, error)
}

// XOF (extendable output function) is a hash function with arbitrary or unlimited output
// length (Go 1.25).
type XOF interface {
	// Write absorbs more data into the XOF's state. It panics if called after Read.
	io.Writer
	// Read reads more output from the XOF. It may return io.EOF if there is a limit to
	// the XOF output length.
	io.Reader
	// Reset resets the XOF to its initial state.
	Reset()
	// BlockSize returns the XOF's underlying block size.
	BlockSize() int
}
