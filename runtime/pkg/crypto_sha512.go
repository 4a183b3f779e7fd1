// Package sha512 implements the SHA-384, SHA-512, SHA-512/224, and SHA-512/256 hash
// algorithms as defined in FIPS 180-4, computed by Nettle (runtime/pkg/crypto_digest.c).
package sha512

import "hash"

const (
	// Size is the size, in bytes, of a SHA-512 checksum.
	Size = 64
	// Size224 is the size, in bytes, of a SHA-512/224 checksum.
	Size224 = 28
	// Size256 is the size, in bytes, of a SHA-512/256 checksum.
	Size256 = 32
	// Size384 is the size, in bytes, of a SHA-384 checksum.
	Size384 = 48
	// BlockSize is the block size, in bytes, of the SHA-512/224, SHA-512/256, SHA-384 and
	// SHA-512 hash functions.
	BlockSize = 128
)

// New returns a new hash.Hash computing the SHA-512 checksum.
func New() hash.Hash { return newDigest(5, Size, BlockSize) }

// New384 returns a new hash.Hash computing the SHA-384 checksum.
func New384() hash.Hash { return newDigest(4, Size384, BlockSize) }

// New512_224 returns a new hash.Hash computing the SHA-512/224 checksum.
func New512_224() hash.Hash { return newDigest(6, Size224, BlockSize) }

// New512_256 returns a new hash.Hash computing the SHA-512/256 checksum.
func New512_256() hash.Hash { return newDigest(7, Size256, BlockSize) }

// Sum512 returns the SHA512 checksum of the data.
func Sum512(data []byte) [Size]byte {
	var out [Size]byte
	copy(out[:], sumData(5, data))
	return out
}

// Sum384 returns the SHA384 checksum of the data.
func Sum384(data []byte) [Size384]byte {
	var out [Size384]byte
	copy(out[:], sumData(4, data))
	return out
}

// Sum512_224 returns the Sum512/224 checksum of the data.
func Sum512_224(data []byte) [Size224]byte {
	var out [Size224]byte
	copy(out[:], sumData(6, data))
	return out
}

// Sum512_256 returns the Sum512/256 checksum of the data.
func Sum512_256(data []byte) [Size256]byte {
	var out [Size256]byte
	copy(out[:], sumData(7, data))
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
