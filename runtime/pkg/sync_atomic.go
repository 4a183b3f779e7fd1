// Package atomic provides low-level atomic memory primitives (import path sync/atomic).
// The functions are natives (runtime/pkg/sync_atomic.c) working on the 8-byte slot that
// holds the value; 32-bit values keep their canonical sign- or zero-extended slot form.
// The typed wrappers (Int32, Int64, ... Bool, Value) follow Go 1.19's type.go.
package atomic

func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func LoadUintptr(addr *uintptr) (val uintptr)

func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func StoreUintptr(addr *uintptr, val uintptr)

func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

// And and Or (Go 1.23) apply the bitwise operation with mask and return the old value.
func AndInt32(addr *int32, mask int32) (old int32)
func AndInt64(addr *int64, mask int64) (old int64)
func AndUint32(addr *uint32, mask uint32) (old uint32)
func AndUint64(addr *uint64, mask uint64) (old uint64)
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)

func OrInt32(addr *int32, mask int32) (old int32)
func OrInt64(addr *int64, mask int64) (old int64)
func OrUint32(addr *uint32, mask uint32) (old uint32)
func OrUint64(addr *uint64, mask uint64) (old uint64)
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// noCopy and align64 are zero-sized markers, as in Go (they make %v print like Go's).
type noCopy struct{}

type align64 struct{}

// A Bool is an atomic boolean value. The zero value is false.
type Bool struct {
	_ noCopy
	v uint32
}

func (x *Bool) Load() bool     { return LoadUint32(&x.v) != 0 }
func (x *Bool) Store(val bool) { StoreUint32(&x.v, b32(val)) }
func (x *Bool) Swap(new bool) (old bool) {
	return SwapUint32(&x.v, b32(new)) != 0
}
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// An Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	_ noCopy
	v int32
}

func (x *Int32) Load() int32           { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)       { StoreInt32(&x.v, val) }
func (x *Int32) Swap(new int32) int32  { return SwapInt32(&x.v, new) }
func (x *Int32) Add(delta int32) int32 { return AddInt32(&x.v, delta) }
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }
func (x *Int32) Or(mask int32) (old int32)  { return OrInt32(&x.v, mask) }

// An Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	_ noCopy
	_ align64
	v int64
}

func (x *Int64) Load() int64           { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)       { StoreInt64(&x.v, val) }
func (x *Int64) Swap(new int64) int64  { return SwapInt64(&x.v, new) }
func (x *Int64) Add(delta int64) int64 { return AddInt64(&x.v, delta) }
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }
func (x *Int64) Or(mask int64) (old int64)  { return OrInt64(&x.v, mask) }

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	_ noCopy
	v uint32
}

func (x *Uint32) Load() uint32            { return LoadUint32(&x.v) }
func (x *Uint32) Store(val uint32)        { StoreUint32(&x.v, val) }
func (x *Uint32) Swap(new uint32) uint32  { return SwapUint32(&x.v, new) }
func (x *Uint32) Add(delta uint32) uint32 { return AddUint32(&x.v, delta) }
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }
func (x *Uint32) Or(mask uint32) (old uint32)  { return OrUint32(&x.v, mask) }

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	_ noCopy
	_ align64
	v uint64
}

func (x *Uint64) Load() uint64            { return LoadUint64(&x.v) }
func (x *Uint64) Store(val uint64)        { StoreUint64(&x.v, val) }
func (x *Uint64) Swap(new uint64) uint64  { return SwapUint64(&x.v, new) }
func (x *Uint64) Add(delta uint64) uint64 { return AddUint64(&x.v, delta) }
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }
func (x *Uint64) Or(mask uint64) (old uint64)  { return OrUint64(&x.v, mask) }

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	_ noCopy
	v uintptr
}

func (x *Uintptr) Load() uintptr             { return LoadUintptr(&x.v) }
func (x *Uintptr) Store(val uintptr)         { StoreUintptr(&x.v, val) }
func (x *Uintptr) Swap(new uintptr) uintptr  { return SwapUintptr(&x.v, new) }
func (x *Uintptr) Add(delta uintptr) uintptr { return AddUintptr(&x.v, delta) }
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }
func (x *Uintptr) Or(mask uintptr) (old uintptr)  { return OrUintptr(&x.v, mask) }

// A Value provides an atomic load and store of a consistently typed value.
// The zero value for a Value returns nil from Load.
type Value struct {
	v any
}

// Load returns the value set by the most recent Store, or nil if there has been none.
func (v *Value) Load() (val any)

// Store sets the value of the Value v to val. All calls to Store for a given Value must
// use values of the same concrete type; storing nil panics.
func (v *Value) Store(val any)

// Swap stores new into Value and returns the previous value (nil if empty).
func (v *Value) Swap(new any) (old any)

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool)

// A Pointer is an atomic pointer of type *T (Go 1.19). The zero value is a nil *T. It is
// a generic type with Go methods over generic natives that work on the pointer's slot.
type Pointer[T any] struct {
	_ [0]*T
	_ noCopy
	v *T
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T { return loadPointer(&x.v) }

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) { storePointer(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) { return swapPointer(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	return casPointer(&x.v, old, new)
}

func loadPointer[T any](addr **T) *T
func storePointer[T any](addr **T, val *T)
func swapPointer[T any](addr **T, new *T) *T
func casPointer[T any](addr **T, old, new *T) bool
