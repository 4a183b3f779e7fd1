// Package sync provides Go's basic synchronization primitives for gol. The struct layouts
// follow Go's (so zero values work and fmt prints what Go prints); Mutex, RWMutex and
// WaitGroup are natives (runtime/pkg/sync.c, a port of Go's algorithms over gol's
// semaphores, runtime/sema.c); Once, Cond, Map and Pool are written in Go on top of them.
// Blocking parks the goroutine, never a native thread.
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
type Mutex struct {
	state int32
	sema  uint32
}

// Lock locks m. If the lock is already in use, the calling goroutine blocks until the
// mutex is available.
func (m *Mutex) Lock()

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool

// Unlock unlocks m. It is a fatal error if m is not locked on entry to Unlock.
func (m *Mutex) Unlock()

// A RWMutex is a reader/writer mutual exclusion lock. The zero value is an unlocked mutex.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock()

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock()

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	rw.waitReaders()
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !rw.tryExcludeReaders() {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	rw.releaseReaders()
	rw.w.Unlock()
}

// RLocker returns a Locker interface that implements Lock and Unlock by calling
// rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// Writer half of Lock/Unlock after w is held (natives).
func (rw *RWMutex) waitReaders()
func (rw *RWMutex) tryExcludeReaders() bool
func (rw *RWMutex) releaseReaders()

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	state uint64 // high 32 bits: counter; low 32 bits: waiters
	sema  uint32
}

// Add adds delta, which may be negative, to the WaitGroup counter.
func (wg *WaitGroup) Add(delta int)

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done()

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait()

// Go calls f in a new goroutine and adds that task to the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Once is an object that will perform exactly one action.
type Once struct {
	done uint32
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first time for this
// instance of Once.
func (o *Once) Do(f func()) {
	if loadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer storeUint32(&o.done, 1)
		f()
	}
}

func loadUint32(addr *uint32) uint32
func storeUint32(addr *uint32, val uint32)

// Cond implements a condition variable, a rendezvous point for goroutines waiting for or
// announcing the occurrence of an event.
type Cond struct {
	L      Locker
	notify notifyList
}

type notifyList struct {
	wait   uint32
	notify uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling goroutine. After later
// resuming execution, Wait locks c.L before returning.
func (c *Cond) Wait() {
	t := runtime_notifyListAdd(&c.notify)
	c.L.Unlock()
	runtime_notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() { runtime_notifyListNotifyOne(&c.notify) }

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() { runtime_notifyListNotifyAll(&c.notify) }

func runtime_notifyListAdd(l *notifyList) uint32
func runtime_notifyListWait(l *notifyList, t uint32)
func runtime_notifyListNotifyOne(l *notifyList)
func runtime_notifyListNotifyAll(l *notifyList)

// Map is like a Go map[any]any but is safe for concurrent use by multiple goroutines.
// (gol: a map behind a Mutex.)
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value is present.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return value, ok
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present. Otherwise, it stores and
// returns the given value. The loaded result is true if the value was loaded.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return value, loaded
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Swap swaps the value for a key and returns the previous value if any.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	return previous, loaded
}

// CompareAndSwap swaps the old and new values for key if the value stored in the map is
// equal to old.
func (m *Map) CompareAndSwap(key, old, new any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		return true
	}
	return false
}

// Range calls f sequentially for each key and value present in the map. If f returns
// false, range stops the iteration. f may modify the map.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}

// A Pool is a set of temporary objects that may be individually saved and retrieved.
type Pool struct {
	mu    Mutex
	items []any
	// New optionally specifies a function to generate a value when Get would otherwise
	// return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool, and returns it
// to the caller. If the pool is empty, Get returns the result of calling p.New, if set.
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Clear deletes all the entries, resulting in an empty Map.
func (m *Map) Clear() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

// OnceFunc returns a function that invokes f only once. The returned function may be
// called concurrently. If f panics, the returned function will panic with the same value
// on every call.
func OnceFunc(f func()) func() {
	g := onceValues(func() (*byte, *byte) { f(); return nil, nil }, nil, nil)
	return func() { g() }
}

// OnceValue returns a function that invokes f only once and returns the value returned by
// f. The returned function may be called concurrently. If f panics, the returned function
// will panic with the same value on every call.
// (gol: a generic native, runtime/pkg/sync_once.c, over onceValue.)
func OnceValue[T any](f func() T) func() T

// OnceValues returns a function that invokes f only once and returns the values returned
// by f. The returned function may be called concurrently. If f panics, the returned
// function will panic with the same value on every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)

// onceValue is OnceValue over one-slot values of any type (sync_once.c passes f, whose
// result is a T, as a func() *byte; *byte keeps pointers visible to the collector). agg is
// the Type of T when T is a struct or array, whose storage each call must copy.
func onceValue(f func() *byte, agg *byte) func() *byte {
	g := onceValues(func() (*byte, *byte) { return f(), nil }, agg, nil)
	return func() *byte { r, _ := g(); return r }
}

// onceValues does the work of all the Once functions (for two one-slot results).
func onceValues(f func() (*byte, *byte), agg1, agg2 *byte) func() (*byte, *byte) {
	var (
		once   Once
		valid  bool
		p      any
		r1, r2 *byte
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p) // the first call sees f's panic directly
			}
		}()
		r1, r2 = f()
		f = nil // do not keep f alive
		valid = true
	}
	return func() (*byte, *byte) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return cloneSlot(agg1, r1), cloneSlot(agg2, r2)
	}
}

// cloneSlot returns v, or a copy of the struct or array storage v points to when agg is
// its Type.
func cloneSlot(agg *byte, v *byte) *byte

// setOnceHelpers hands onceValue and onceValues to the natives of OnceValue/OnceValues.
func setOnceHelpers(v func(func() *byte, *byte) func() *byte, vs func(func() (*byte, *byte), *byte, *byte) func() (*byte, *byte))

func init() {
	setOnceHelpers(onceValue, onceValues)
}
