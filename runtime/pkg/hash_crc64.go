// Package crc64 implements the 64-bit cyclic redundancy check, or CRC-64, checksum, in Go
// with one 256-entry table per polynomial (ISO, ECMA or any other).
package crc64

import (
	"errors"
	"hash"
)

// The size of a CRC-64 checksum in bytes.
const Size = 8

// Predefined polynomials.
const (
	// The ISO polynomial, defined in ISO 3309 and used in HDLC.
	ISO = 0xD800000000000000
	// The ECMA polynomial, defined in ECMA 182.
	ECMA = 0xC96C5795D7870F42
)

// Table is a 256-word table representing the polynomial for efficient processing.
type Table [256]uint64

var isoTable, ecmaTable *Table

// MakeTable returns a Table constructed from the specified polynomial. The contents of
// this Table must not be modified.
func MakeTable(poly uint64) *Table {
	switch poly {
	case ISO:
		if isoTable == nil {
			isoTable = makeTable(ISO)
		}
		return isoTable
	case ECMA:
		if ecmaTable == nil {
			ecmaTable = makeTable(ECMA)
		}
		return ecmaTable
	}
	return makeTable(poly)
}

func makeTable(poly uint64) *Table {
	t := new(Table)
	for i := 0; i < 256; i++ {
		crc := uint64(i)
		for j := 0; j < 8; j++ {
			if crc&1 == 1 {
				crc = (crc >> 1) ^ poly
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return t
}

// digest represents the partial evaluation of a checksum.
type digest struct {
	crc uint64
	tab *Table
}

// New creates a new hash.Hash64 computing the CRC-64 checksum using the polynomial
// represented by the Table. Its Sum method will lay the value out in big-endian byte order.
func New(tab *Table) hash.Hash64 { return &digest{0, tab} }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 1 }

func (d *digest) Reset() { d.crc = 0 }

func update(crc uint64, tab *Table, p []byte) uint64 {
	crc = ^crc
	for _, v := range p {
		crc = tab[byte(crc)^v] ^ (crc >> 8)
	}
	return ^crc
}

// Update returns the result of adding the bytes in p to the crc.
func Update(crc uint64, tab *Table, p []byte) uint64 {
	return update(crc, tab, p)
}

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = update(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum64() uint64 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	s := d.Sum64()
	return append(in, byte(s>>56), byte(s>>48), byte(s>>40), byte(s>>32), byte(s>>24), byte(s>>16), byte(s>>8), byte(s))
}

// Checksum returns the CRC-64 checksum of data using the polynomial represented by the
// Table.
func Checksum(data []byte, tab *Table) uint64 { return update(0, tab, data) }

const (
	magic         = "crc\x02"
	marshaledSize = len(magic) + 8 + 8
)

func appendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32), byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func beUint64(b []byte) uint64 {
	return uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
		uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
}

// AppendBinary appends the state (a magic string, the table's checksum and the crc) to b.
func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = appendUint64(b, tableSum(d.tab))
	return appendUint64(b, d.crc), nil
}

// MarshalBinary returns the state in Go's format.
func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, marshaledSize))
}

// UnmarshalBinary restores a state written with the same table.
func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/crc64: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("hash/crc64: invalid hash state size")
	}
	if tableSum(d.tab) != beUint64(b[4:]) {
		return errors.New("hash/crc64: tables do not match")
	}
	d.crc = beUint64(b[12:])
	return nil
}

// Clone returns an independent copy of the hash (Go 1.25).
func (d *digest) Clone() (hash.Cloner, error) {
	r := *d
	return &r, nil
}

// tableSum returns the ISO checksum of table t (its entries big-endian).
func tableSum(t *Table) uint64 {
	b := make([]byte, 0, 2048)
	if t != nil {
		for _, x := range t {
			b = appendUint64(b, x)
		}
	}
	return Checksum(b, MakeTable(ISO))
}
