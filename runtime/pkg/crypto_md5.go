// Package md5 implements the MD5 hash algorithm as defined in RFC 1321, computed by
// Nettle (runtime/pkg/crypto_digest.c). MD5 is cryptographically broken and should not be
// used for secure applications.
package md5

import "hash"

// The size of an MD5 checksum in bytes.
const Size = 16

// The blocksize of MD5 in bytes.
const BlockSize = 64

// New returns a new hash.Hash computing the MD5 checksum.
func New() hash.Hash { return newDigest(0, Size, BlockSize) }

// Sum returns the MD5 checksum of the data.
func Sum(data []byte) [Size]byte {
	var out [Size]byte
	copy(out[:], sumData(0, data))
	return out
}

// digest is a running hash: Nettle's context for algorithm alg (crypto_digest.c).
type digest struct {
	alg       int
	size      int
	blockSize int
	ctx       []uint64
}

func ctxNew(alg int) []uint64
func ctxWrite(alg int, ctx []uint64, p []byte)
func ctxSum(alg int, ctx []uint64) []byte
func sumData(alg int, data []byte) []byte

func newDigest(alg, size, blockSize int) *digest {
	return &digest{alg: alg, size: size, blockSize: blockSize, ctx: ctxNew(alg)}
}

// Write adds p to the running hash; it never returns an error.
func (d *digest) Write(p []byte) (int, error) {
	ctxWrite(d.alg, d.ctx, p)
	return len(p), nil
}

// Sum appends the current hash to b and returns the resulting slice. It does not change
// the underlying hash state.
func (d *digest) Sum(b []byte) []byte { return append(b, ctxSum(d.alg, d.ctx)...) }

// Reset resets the Hash to its initial state.
func (d *digest) Reset() { d.ctx = ctxNew(d.alg) }

// Size returns the number of bytes Sum will return.
func (d *digest) Size() int { return d.size }

// BlockSize returns the hash's underlying block size.
func (d *digest) BlockSize() int { return d.blockSize }
