// Package fnv implements FNV-1 and FNV-1a, non-cryptographic hash functions created by
// Glenn Fowler, Landon Curt Noll, and Phong Vo, in Go (32, 64 and 128 bits).
package fnv

import (
	"errors"
	"hash"
	"math/bits"
)

type (
	sum32   uint32
	sum32a  uint32
	sum64   uint64
	sum64a  uint64
	sum128  [2]uint64
	sum128a [2]uint64
)

const (
	offset32        = 2166136261
	offset64        = 14695981039346656037
	offset128Lower  = 0x62b821756295c58d
	offset128Higher = 0x6c62272e07bb0142
	prime32         = 16777619
	prime64         = 1099511628211
	prime128Lower   = 0x13b
	prime128Shift   = 24
)

// New32 returns a new 32-bit FNV-1 hash.Hash. Its Sum method will lay the value out in
// big-endian byte order.
func New32() hash.Hash32 {
	var s sum32 = offset32
	return &s
}

// New32a returns a new 32-bit FNV-1a hash.Hash.
func New32a() hash.Hash32 {
	var s sum32a = offset32
	return &s
}

// New64 returns a new 64-bit FNV-1 hash.Hash.
func New64() hash.Hash64 {
	var s sum64 = offset64
	return &s
}

// New64a returns a new 64-bit FNV-1a hash.Hash.
func New64a() hash.Hash64 {
	var s sum64a = offset64
	return &s
}

// New128 returns a new 128-bit FNV-1 hash.Hash.
func New128() hash.Hash {
	var s sum128
	s[0] = offset128Higher
	s[1] = offset128Lower
	return &s
}

// New128a returns a new 128-bit FNV-1a hash.Hash.
func New128a() hash.Hash {
	var s sum128a
	s[0] = offset128Higher
	s[1] = offset128Lower
	return &s
}

func (s *sum32) Reset()   { *s = offset32 }
func (s *sum32a) Reset()  { *s = offset32 }
func (s *sum64) Reset()   { *s = offset64 }
func (s *sum64a) Reset()  { *s = offset64 }
func (s *sum128) Reset()  { s[0] = offset128Higher; s[1] = offset128Lower }
func (s *sum128a) Reset() { s[0] = offset128Higher; s[1] = offset128Lower }

func (s *sum32) Sum32() uint32  { return uint32(*s) }
func (s *sum32a) Sum32() uint32 { return uint32(*s) }
func (s *sum64) Sum64() uint64  { return uint64(*s) }
func (s *sum64a) Sum64() uint64 { return uint64(*s) }

func (s *sum32) Write(data []byte) (int, error) {
	hash := *s
	for _, c := range data {
		hash *= prime32
		hash ^= sum32(c)
	}
	*s = hash
	return len(data), nil
}

func (s *sum32a) Write(data []byte) (int, error) {
	hash := *s
	for _, c := range data {
		hash ^= sum32a(c)
		hash *= prime32
	}
	*s = hash
	return len(data), nil
}

func (s *sum64) Write(data []byte) (int, error) {
	hash := *s
	for _, c := range data {
		hash *= prime64
		hash ^= sum64(c)
	}
	*s = hash
	return len(data), nil
}

func (s *sum64a) Write(data []byte) (int, error) {
	hash := *s
	for _, c := range data {
		hash ^= sum64a(c)
		hash *= prime64
	}
	*s = hash
	return len(data), nil
}

// mul128 multiplies the 128-bit value (hi, lo) by the FNV 128-bit prime.
func mul128(hi, lo uint64) (uint64, uint64) {
	h, l := bits.Mul64(prime128Lower, lo)
	h += lo<<prime128Shift + prime128Lower*hi
	return h, l
}

func (s *sum128) Write(data []byte) (int, error) {
	for _, c := range data {
		s[0], s[1] = mul128(s[0], s[1])
		s[1] ^= uint64(c)
	}
	return len(data), nil
}

func (s *sum128a) Write(data []byte) (int, error) {
	for _, c := range data {
		s[1] ^= uint64(c)
		s[0], s[1] = mul128(s[0], s[1])
	}
	return len(data), nil
}

func (s *sum32) Size() int   { return 4 }
func (s *sum32a) Size() int  { return 4 }
func (s *sum64) Size() int   { return 8 }
func (s *sum64a) Size() int  { return 8 }
func (s *sum128) Size() int  { return 16 }
func (s *sum128a) Size() int { return 16 }

func (s *sum32) BlockSize() int   { return 1 }
func (s *sum32a) BlockSize() int  { return 1 }
func (s *sum64) BlockSize() int   { return 1 }
func (s *sum64a) BlockSize() int  { return 1 }
func (s *sum128) BlockSize() int  { return 1 }
func (s *sum128a) BlockSize() int { return 1 }

func appendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func appendUint64(b []byte, v uint64) []byte {
	return appendUint32(appendUint32(b, uint32(v>>32)), uint32(v))
}

func (s *sum32) Sum(in []byte) []byte   { return appendUint32(in, uint32(*s)) }
func (s *sum32a) Sum(in []byte) []byte  { return appendUint32(in, uint32(*s)) }
func (s *sum64) Sum(in []byte) []byte   { return appendUint64(in, uint64(*s)) }
func (s *sum64a) Sum(in []byte) []byte  { return appendUint64(in, uint64(*s)) }
func (s *sum128) Sum(in []byte) []byte  { return appendUint64(appendUint64(in, s[0]), s[1]) }
func (s *sum128a) Sum(in []byte) []byte { return appendUint64(appendUint64(in, s[0]), s[1]) }

// The state formats of MarshalBinary: a magic string and the state, big-endian.
const (
	magic32   = "fnv\x01"
	magic32a  = "fnv\x02"
	magic64   = "fnv\x03"
	magic64a  = "fnv\x04"
	magic128  = "fnv\x05"
	magic128a = "fnv\x06"
)

func beUint64(b []byte) uint64 {
	return uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
		uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
}

// unmarshal checks a state of [size] bytes after magic and returns it as (hi, lo) words
// (lo alone for 4- and 8-byte states).
func unmarshal(b []byte, magic string, size int) (hi, lo uint64, err error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return 0, 0, errors.New("hash/fnv: invalid hash state identifier")
	}
	if len(b) != len(magic)+size {
		return 0, 0, errors.New("hash/fnv: invalid hash state size")
	}
	b = b[len(magic):]
	switch size {
	case 4:
		return 0, uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3]), nil
	case 8:
		return 0, beUint64(b), nil
	}
	return beUint64(b), beUint64(b[8:]), nil
}

func (s *sum32) AppendBinary(b []byte) ([]byte, error) {
	return appendUint32(append(b, magic32...), uint32(*s)), nil
}
func (s *sum32a) AppendBinary(b []byte) ([]byte, error) {
	return appendUint32(append(b, magic32a...), uint32(*s)), nil
}
func (s *sum64) AppendBinary(b []byte) ([]byte, error) {
	return appendUint64(append(b, magic64...), uint64(*s)), nil
}
func (s *sum64a) AppendBinary(b []byte) ([]byte, error) {
	return appendUint64(append(b, magic64a...), uint64(*s)), nil
}
func (s *sum128) AppendBinary(b []byte) ([]byte, error) {
	return appendUint64(appendUint64(append(b, magic128...), s[0]), s[1]), nil
}
func (s *sum128a) AppendBinary(b []byte) ([]byte, error) {
	return appendUint64(appendUint64(append(b, magic128a...), s[0]), s[1]), nil
}

func (s *sum32) MarshalBinary() ([]byte, error)   { return s.AppendBinary(make([]byte, 0, 8)) }
func (s *sum32a) MarshalBinary() ([]byte, error)  { return s.AppendBinary(make([]byte, 0, 8)) }
func (s *sum64) MarshalBinary() ([]byte, error)   { return s.AppendBinary(make([]byte, 0, 12)) }
func (s *sum64a) MarshalBinary() ([]byte, error)  { return s.AppendBinary(make([]byte, 0, 12)) }
func (s *sum128) MarshalBinary() ([]byte, error)  { return s.AppendBinary(make([]byte, 0, 20)) }
func (s *sum128a) MarshalBinary() ([]byte, error) { return s.AppendBinary(make([]byte, 0, 20)) }

func (s *sum32) UnmarshalBinary(b []byte) error {
	_, lo, err := unmarshal(b, magic32, 4)
	if err == nil {
		*s = sum32(lo)
	}
	return err
}

func (s *sum32a) UnmarshalBinary(b []byte) error {
	_, lo, err := unmarshal(b, magic32a, 4)
	if err == nil {
		*s = sum32a(lo)
	}
	return err
}

func (s *sum64) UnmarshalBinary(b []byte) error {
	_, lo, err := unmarshal(b, magic64, 8)
	if err == nil {
		*s = sum64(lo)
	}
	return err
}

func (s *sum64a) UnmarshalBinary(b []byte) error {
	_, lo, err := unmarshal(b, magic64a, 8)
	if err == nil {
		*s = sum64a(lo)
	}
	return err
}

func (s *sum128) UnmarshalBinary(b []byte) error {
	hi, lo, err := unmarshal(b, magic128, 16)
	if err == nil {
		s[0], s[1] = hi, lo
	}
	return err
}

func (s *sum128a) UnmarshalBinary(b []byte) error {
	hi, lo, err := unmarshal(b, magic128a, 16)
	if err == nil {
		s[0], s[1] = hi, lo
	}
	return err
}

// Clone returns an independent copy of the hash (Go 1.25).
func (s *sum32) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum32a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum64) Clone() (hash.Cloner, error)   { r := *s; return &r, nil }
func (s *sum64a) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128) Clone() (hash.Cloner, error)  { r := *s; return &r, nil }
func (s *sum128a) Clone() (hash.Cloner, error) { r := *s; return &r, nil }
