// Package reflect implements Go's run-time reflection for gol: Type (over gol's own run-time
// type descriptors, src/types.h) and Value (a typed pointer to a value's storage). The
// walking, reading and writing of values is native (runtime/pkg/reflect*.c); the small
// types (Kind, ChanDir, StructTag, StructField, Method, MapIter, ValueError) are Go.
package reflect

import "strconv"

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Name() string
	PkgPath() string
	String() string
	Kind() Kind
	Size() uintptr
	Align() int
	FieldAlign() int
	Bits() int
	Elem() Type
	Key() Type
	Len() int
	NumField() int
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByIndex(index []int) StructField
	NumMethod() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	NumIn() int
	In(i int) Type
	NumOut() int
	Out(i int) Type
	IsVariadic() bool
	ChanDir() ChanDir
}

// rtype is never allocated by Go code: a *rtype is a gol type descriptor (a C Type *),
// and all its methods are native.
type rtype struct {
	_ int
}

func (t *rtype) Name() string
func (t *rtype) PkgPath() string
func (t *rtype) String() string
func (t *rtype) kind() int
func (t *rtype) Size() uintptr
func (t *rtype) Align() int
func (t *rtype) FieldAlign() int
func (t *rtype) Bits() int
func (t *rtype) elem(method string) *rtype
func (t *rtype) key() *rtype
func (t *rtype) Len() int
func (t *rtype) NumField() int
func (t *rtype) fieldInfo(i int) (name, pkgPath string, typ *rtype, tag string, offset int, embedded bool)
func (t *rtype) NumMethod() int
func (t *rtype) methodInfo(i int) (name string, typ *rtype, fn Value)
func (t *rtype) Comparable() bool
func (t *rtype) NumIn() int
func (t *rtype) in(i int) *rtype
func (t *rtype) NumOut() int
func (t *rtype) out(i int) *rtype
func (t *rtype) IsVariadic() bool
func (t *rtype) ChanDir() ChanDir
func (t *rtype) implements(u *rtype) bool
func (t *rtype) assignableTo(u *rtype) bool
func (t *rtype) convertibleTo(u *rtype) bool

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

func (t *rtype) Kind() Kind { return Kind(t.kind()) }

func (t *rtype) Elem() Type { return toType(t.elem("reflect.Type.Elem")) }

func (t *rtype) Key() Type { return toType(t.key()) }

func (t *rtype) In(i int) Type { return toType(t.in(i)) }

func (t *rtype) Out(i int) Type { return toType(t.out(i)) }

func (t *rtype) Field(i int) StructField {
	name, pkg, typ, tag, off, emb := t.fieldInfo(i)
	return StructField{Name: name, PkgPath: pkg, Type: toType(typ), Tag: StructTag(tag),
		Offset: uintptr(off), Index: []int{i}, Anonymous: emb}
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	return fieldByName(t, name)
}

func (t *rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 {
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
		}
		f = ft.Field(x)
		ft = f.Type
	}
	return f
}

// VisibleFields returns all the visible fields in t, which must be a struct type: the
// fields of embedded structs too, in breadth-first order, minus those hidden by a
// shallower field of the same name (Go 1.17).
func VisibleFields(t Type) []StructField {
	if t == nil {
		panic("reflect: VisibleFields(nil)")
	}
	if t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type")
	}
	w := &visibleFieldsWalker{byName: map[string]int{}, visiting: map[Type]bool{}}
	w.walk(t)
	j := 0
	for i := range w.fields {
		f := &w.fields[i]
		if f.Name == "" {
			continue
		}
		if i != j {
			w.fields[j] = *f
		}
		j++
	}
	return w.fields[:j]
}

type visibleFieldsWalker struct {
	byName   map[string]int
	visiting map[Type]bool
	fields   []StructField
	index    []int
}

func (w *visibleFieldsWalker) walk(t Type) {
	if w.visiting[t] {
		return
	}
	w.visiting[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		w.index = append(w.index, i)
		add := true
		if oldIndex, ok := w.byName[f.Name]; ok {
			old := &w.fields[oldIndex]
			if len(w.index) == len(old.Index) {
				old.Name = ""
				add = false
			} else if len(w.index) < len(old.Index) {
				old.Name = ""
			} else {
				add = false
			}
		}
		if add {
			f.Index = append([]int(nil), w.index...)
			w.byName[f.Name] = len(w.fields)
			w.fields = append(w.fields, f)
		}
		if f.Anonymous {
			if f.Type.Kind() == Pointer {
				f.Type = f.Type.Elem()
			}
			if f.Type.Kind() == Struct {
				w.walk(f.Type)
			}
		}
		w.index = w.index[:len(w.index)-1]
	}
	delete(w.visiting, t)
}

func (t *rtype) Method(i int) Method {
	name, typ, fn := t.methodInfo(i)
	m := Method{Name: name, Type: toType(typ), Func: fn, Index: i}
	return m
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	n := t.NumMethod()
	for i := 0; i < n; i++ {
		if m := t.Method(i); m.Name == name {
			return m, true
		}
	}
	return Method{}, false
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return t.implements(u.(*rtype))
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return t.assignableTo(u.(*rtype))
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return t.convertibleTo(u.(*rtype))
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return f.PkgPath == ""
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Func    Value
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool {
	return m.PkgPath == ""
}

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and whether the key
// was present; the tag is `key:"value"` pairs separated by spaces, as Go parses it.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
}

// fieldByName finds a field by Go's rules for embedded structs: the shallowest depth
// wins, and two at the same depth hide each other.
func fieldByName(t *rtype, name string) (StructField, bool) {
	type scan struct {
		t     *rtype
		index []int
	}
	current := []scan{}
	next := []scan{{t: t}}
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current, next = next, nil
		count := map[*rtype]int{}
		var result StructField
		found := 0
		for _, s := range current {
			if visited[s.t] {
				continue
			}
			visited[s.t] = true
			for i := 0; i < s.t.NumField(); i++ {
				f := s.t.Field(i)
				index := append(append([]int{}, s.index...), i)
				if f.Name == name {
					if count[s.t] > 0 || found > 0 {
						return StructField{}, false
					}
					f.Index = index
					result = f
					found++
					continue
				}
				if !f.Anonymous {
					continue
				}
				ft := f.Type.(*rtype)
				if ft.Kind() == Pointer {
					ft = ft.elem("")
				}
				if ft.Kind() == Struct {
					count[ft]++
					if count[ft] == 1 {
						next = append(next, scan{t: ft, index: index})
					}
				}
			}
		}
		if found > 0 {
			return result, true
		}
	}
	return StructField{}, false
}

// A ValueError occurs when a Value method is invoked on a Value that does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func newValueError(method string, k int) error {
	return &ValueError{Method: method, Kind: Kind(k)}
}

// Value is the reflection interface to a Go value: its type, the address of its storage,
// and flags (addressable, read-only, method value). The zero Value is invalid.
type Value struct {
	typ  *rtype
	ptr  *rtype
	flag uintptr
}

const (
	flagAddr   = 1
	flagRO     = 2
	flagMethod = 4
	flagEmbRO  = 8 // an unexported embedded field: its exported fields are usable
	flagAnyRO  = flagRO | flagEmbRO
)

func setup(v any, t any, newErr func(string, int) error)

func init() {
	setup(Value{}, (*rtype)(nil), newValueError)
}

// TypeOf returns the dynamic type of i; nil for a nil interface.
func TypeOf(i any) Type {
	return toType(typeOf(i))
}

func typeOf(i any) *rtype

// ValueOf returns a new Value holding the concrete value stored in i.
func ValueOf(i any) Value

// PtrTo returns the pointer type with element t.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type { return toType(ptrTo(t.(*rtype))) }

func ptrTo(t *rtype) *rtype

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type { return toType(sliceOf(t.(*rtype))) }

func sliceOf(t *rtype) *rtype

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type { return toType(mapOf(key.(*rtype), elem.(*rtype))) }

func mapOf(k, e *rtype) *rtype

// DeepEqual reports whether x and y are "deeply equal" (Go's rules, cycles included).
func DeepEqual(x, y any) bool

// New returns a Value representing a pointer to a new zero value for the specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	return newValue(typ.(*rtype))
}

func newValue(t *rtype) Value

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	return zero(typ.(*rtype))
}

func zero(t *rtype) Value

// MakeSlice creates a new zero-initialized slice value for the specified slice type.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	return makeSlice(typ.(*rtype), len, cap)
}

func makeSlice(t *rtype, len, cap int) Value

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and room for n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	return makeMap(typ.(*rtype), n)
}

func makeMap(t *rtype, n int) Value

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	return makeChan(typ.(*rtype), buffer)
}

func makeChan(t *rtype, n int) Value

// Indirect returns the value that v points to (v itself if v is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe("unknown method", Slice) // Go names the caller only for Value methods
	for _, e := range x {
		e.mustBeExported("reflect.Append")
	}
	return appendValues(s, x)
}

func appendValues(s Value, x []Value) Value

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.mustBe("unknown method", Slice)
	t.mustBe("unknown method", Slice)
	if s.Type().Elem() != t.Type().Elem() {
		panic("reflect.AppendSlice: " + s.Type().String() + " != " + t.Type().String())
	}
	return appendSlice(s, t)
}

func appendSlice(s, t Value) Value

// Copy copies the contents of src into dst until either dst has been filled or src has
// been exhausted, and returns the number of elements copied.
func Copy(dst, src Value) int

// Swapper returns a function that swaps the elements in the provided slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	n := v.Len()
	tmp := New(v.Type().Elem()).Elem()
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		a, b := v.Index(i), v.Index(j)
		tmp.Set(a)
		a.Set(b)
		b.Set(tmp)
	}
}

func (v Value) mustBe(method string, k Kind) {
	if v.Kind() != k {
		panic(&ValueError{Method: method, Kind: v.Kind()})
	}
}

func (v Value) mustBeExported(method string) {
	if v.typ == nil {
		panic(&ValueError{Method: method, Kind: Invalid})
	}
	if v.flag&flagAnyRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

// IsValid reports whether v represents a value.
func (v Value) IsValid() bool { return v.typ != nil }

// Kind returns v's Kind (Invalid for the zero Value).
func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return Kind(v.typ.kind())
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{Method: "reflect.Value.Type", Kind: Invalid})
	}
	return v.typ
}

// CanAddr reports whether the value's address can be obtained with Addr.
func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

// CanSet reports whether the value of v can be changed.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagAnyRO) == flagAddr }

// CanInterface reports whether Interface can be used without panicking.
func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{Method: "reflect.Value.CanInterface", Kind: Invalid})
	}
	return v.flag&flagAnyRO == 0
}

func (v Value) Interface() any
func (v Value) Bool() bool
func (v Value) Int() int64
func (v Value) Uint() uint64
func (v Value) Float() float64
func (v Value) String() string
func (v Value) Bytes() []byte
func (v Value) Len() int
func (v Value) Cap() int
func (v Value) Index(i int) Value
func (v Value) Field(i int) Value
func (v Value) NumField() int
func (v Value) Elem() Value
func (v Value) IsNil() bool
func (v Value) IsZero() bool
func (v Value) Addr() Value
func (v Value) Pointer() uintptr
func (v Value) MapKeys() []Value
func (v Value) MapIndex(key Value) Value
func (v Value) SetMapIndex(key, elem Value)
func (v Value) Set(x Value)
func (v Value) SetInt(x int64)
func (v Value) SetUint(x uint64)
func (v Value) SetFloat(x float64)
func (v Value) SetString(x string)
func (v Value) SetBool(x bool)
func (v Value) SetBytes(x []byte)
func (v Value) SetLen(n int)
func (v Value) SetZero()
func (v Value) Slice(i, j int) Value
func (v Value) NumMethod() int
func (v Value) Method(i int) Value
func (v Value) Call(in []Value) []Value
func (v Value) convert(t *rtype) Value
func (v Value) OverflowInt(x int64) bool
func (v Value) OverflowUint(x uint64) bool
func (v Value) OverflowFloat(x float64) bool
func (v Value) canConvert(t *rtype) bool
func (v Value) Comparable() bool

// Convert returns the value v converted to type t, or panics as Go does when the
// conversion is not allowed.
func (v Value) Convert(t Type) Value { return v.convert(t.(*rtype)) }

// CanConvert reports whether v can be converted to type t.
func (v Value) CanConvert(t Type) bool { return v.canConvert(t.(*rtype)) }

// CanInt reports whether Int can be used without panicking.
func (v Value) CanInt() bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

// CanUint reports whether Uint can be used without panicking.
func (v Value) CanUint() bool {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

// CanFloat reports whether Float can be used without panicking.
func (v Value) CanFloat() bool {
	k := v.Kind()
	return k == Float32 || k == Float64
}

// FieldByName returns the struct field with the given name (the zero Value if none).
func (v Value) FieldByName(name string) Value {
	v.mustBe("reflect.Value.FieldByName", Struct)
	if f, ok := fieldByName(v.typ, name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// FieldByIndex returns the nested field corresponding to index.
func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem("").Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// MethodByName returns a function value corresponding to v's method with the given name.
func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{Method: "reflect.Value.MethodByName", Kind: Invalid})
	}
	m, ok := v.typ.MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// CallSlice calls the variadic function v with the input arguments in, assigning the
// slice in[len(in)-1] to v's final variadic argument.
func (v Value) CallSlice(in []Value) []Value {
	return v.callSlice(in)
}

func (v Value) callSlice(in []Value) []Value

// A MapIter is an iterator for ranging over a map (see Value.MapRange).
type MapIter struct {
	m    Value
	keys []Value
	i    int
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{Method: "reflect.Value.MapRange", Kind: v.Kind()})
	}
	return &MapIter{m: v, i: -1}
}

// Next advances the map iterator and reports whether there is another entry.
func (it *MapIter) Next() bool {
	if !it.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if it.i == -1 {
		it.keys = it.m.MapKeys()
	} else if it.i >= len(it.keys) {
		panic("MapIter.Next called on exhausted iterator")
	}
	it.i++
	for it.i < len(it.keys) && !it.m.MapIndex(it.keys[it.i]).IsValid() {
		it.i++ // deleted during iteration
	}
	return it.i < len(it.keys)
}

// Key returns the key of the iterator's current map entry.
func (it *MapIter) Key() Value {
	if it.i < 0 || it.i >= len(it.keys) {
		panic("MapIter.Key called before Next")
	}
	return it.keys[it.i]
}

// Value returns the value of the iterator's current map entry.
func (it *MapIter) Value() Value {
	if it.i < 0 || it.i >= len(it.keys) {
		panic("MapIter.Value called before Next")
	}
	return it.m.MapIndex(it.keys[it.i])
}

// Reset modifies it to iterate over v.
func (it *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe("reflect.MapIter.Reset", Map)
	}
	it.m = v
	it.keys = nil
	it.i = -1
}

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{Method: method, Kind: Invalid})
	}
	if v.flag&flagAnyRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// Grow increases the slice's capacity, if necessary, to guarantee space for another n
// elements (growing as append does).
func (v Value) Grow(n int) {
	v.mustBeAssignable("reflect.Value.Grow")
	v.mustBe("reflect.Value.Grow", Slice)
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	if v.Len()+n > v.Cap() {
		l := v.Len()
		v.Set(appendSlice(v, MakeSlice(v.Type(), n, n)))
		v.SetLen(l)
	}
}

// Clear clears the contents of a map or zeros the contents of a slice.
func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		z := Zero(v.Type().Elem())
		for i := 0; i < v.Len(); i++ {
			v.Index(i).Set(z)
		}
	case Map:
		for _, k := range v.MapKeys() {
			v.SetMapIndex(k, Value{})
		}
	default:
		panic(&ValueError{Method: "reflect.Value.Clear", Kind: v.Kind()})
	}
}

// Equal reports whether v is equal to u, as == would for the values they hold.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.Type() != u.Type() {
		return false
	}
	switch v.Kind() {
	case Bool:
		return v.Bool() == u.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == u.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == u.Uint()
	case Float32, Float64:
		return v.Float() == u.Float()
	case String:
		return v.String() == u.String()
	case Chan, Pointer, UnsafePointer:
		return v.Pointer() == u.Pointer()
	case Array:
		vl := v.Len()
		if vl == 0 {
			if !v.Type().Elem().Comparable() {
				break
			}
			return true
		}
		for i := 0; i < vl; i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	}
	panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
}
