// Package sha256 implements the SHA224 and SHA256 hash algorithms as defined in FIPS
// 180-4, computed by Nettle (runtime/pkg/crypto_digest.c).
package sha256

import "hash"

// The size of a SHA256 checksum in bytes.
const Size = 32

// The size of a SHA224 checksum in bytes.
const Size224 = 28

// The blocksize of SHA256 and SHA224 in bytes.
const BlockSize = 64

// New returns a new hash.Hash computing the SHA256 checksum.
func New() hash.Hash { return newDigest(3, Size, BlockSize) }

// New224 returns a new hash.Hash computing the SHA224 checksum.
func New224() hash.Hash { return newDigest(2, Size224, BlockSize) }

// Sum256 returns the SHA256 checksum of the data.
func Sum256(data []byte) [Size]byte {
	var out [Size]byte
	copy(out[:], sumData(3, data))
	return out
}

// Sum224 returns the SHA224 checksum of the data.
func Sum224(data []byte) [Size224]byte {
	var out [Size224]byte
	copy(out[:], sumData(2, data))
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
