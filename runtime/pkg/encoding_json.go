// Package json implements encoding and decoding of JSON as Go's encoding/json does, written
// for gol on top of package reflect: Marshal/Unmarshal with struct tags and Go's field
// dominance rules, Marshaler/Unmarshaler and TextMarshaler/TextUnmarshaler, streams
// (Encoder, Decoder with Token), Indent/Compact/HTMLEscape/Valid, and Go's error types and
// texts. Syntax errors come from a validating scanner (scan) that reports the same messages
// and offsets as Go's state machine; decoding then walks text known to be valid.
package json

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ---- errors ----

// A SyntaxError is a description of a JSON syntax error; Offset is the number of bytes
// read before the error occurred.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

// An UnmarshalTypeError describes a JSON value that was not appropriate for a value of a
// specific Go type.
type UnmarshalTypeError struct {
	Value  string
	Type   reflect.Type
	Offset int64
	Struct string
	Field  string
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to Unmarshal.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == nil {
		return "json: Unmarshal(nil)"
	}
	if e.Type.Kind() != reflect.Pointer {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

// An UnsupportedTypeError is returned by Marshal when attempting to encode an unsupported
// value type.
type UnsupportedTypeError struct {
	Type reflect.Type
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting to encode an unsupported
// value.
type UnsupportedValueError struct {
	Value reflect.Value
	Str   string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// A MarshalerError represents an error from calling a MarshalJSON or MarshalText method.
type MarshalerError struct {
	Type       reflect.Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	srcFunc := e.sourceFunc
	if srcFunc == "" {
		srcFunc = "MarshalJSON"
	}
	return "json: error calling " + srcFunc + " for type " + e.Type.String() + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *MarshalerError) Unwrap() error { return e.Err }

// ---- interfaces and small types ----

// Marshaler is the interface implemented by types that can marshal themselves into valid
// JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// Unmarshaler is the interface implemented by types that can unmarshal a JSON description
// of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// RawMessage is a raw encoded JSON value.
type RawMessage []byte

// MarshalJSON returns m as the JSON encoding of m.
func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

// UnmarshalJSON sets *m to a copy of data.
func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("json.RawMessage: UnmarshalJSON on nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

// A Number represents a JSON number literal.
type Number string

// String returns the literal text of the number.
func (n Number) String() string { return string(n) }

// Float64 returns the number as a float64.
func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(string(n), 64)
}

// Int64 returns the number as an int64.
func (n Number) Int64() (int64, error) {
	return strconv.ParseInt(string(n), 10, 64)
}

// A Token holds a value of one of these types: Delim, bool, float64, Number, string, nil.
type Token any

// A Delim is a JSON array or object delimiter, one of [ ] { or }.
type Delim rune

func (d Delim) String() string { return string(d) }

var (
	marshalerType       = reflect.TypeOf((*Marshaler)(nil)).Elem()
	unmarshalerType     = reflect.TypeOf((*Unmarshaler)(nil)).Elem()
	textMarshalerType   = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	numberType          = reflect.TypeOf(Number(""))
)

// ---- struct fields ----

type field struct {
	name      string
	tag       bool
	index     []int
	typ       reflect.Type
	omitEmpty bool
	omitZero  bool
	quoted    bool
}

type structFields struct {
	list   []field
	byName map[string]int
}

var fieldCache struct {
	mu sync.Mutex
	m  map[reflect.Type]*structFields
}

func cachedTypeFields(t reflect.Type) *structFields {
	fieldCache.mu.Lock()
	f := fieldCache.m[t]
	fieldCache.mu.Unlock()
	if f != nil {
		return f
	}
	f = typeFields(t)
	fieldCache.mu.Lock()
	if fieldCache.m == nil {
		fieldCache.m = map[reflect.Type]*structFields{}
	}
	fieldCache.m[t] = f
	fieldCache.mu.Unlock()
	return f
}

func parseTag(tag string) (string, string) {
	name, opt, _ := strings.Cut(tag, ",")
	return name, opt
}

func tagHas(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func lessByIndex(a, b []int) bool {
	for k, x := range a {
		if k >= len(b) {
			return false
		}
		if x != b[k] {
			return x < b[k]
		}
	}
	return len(a) < len(b)
}

// typeFields returns the fields JSON should recognize for struct type t, by Go's rules:
// breadth-first through embedded structs, the shallowest (then tagged) field of a name wins,
// and names that stay ambiguous are dropped.
func typeFields(t reflect.Type) *structFields {
	var current []field
	next := []field{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []field
	for len(next) > 0 {
		current, next = next, nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts := parseTag(tag)
				if !isValidTag(name) {
					name = ""
				}
				index := make([]int, len(f.index)+1)
				copy(index, f.index)
				index[len(f.index)] = i
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if tagHas(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					nf := field{name: name, tag: tagged, index: index, typ: ft,
						omitEmpty: tagHas(opts, "omitempty"), omitZero: tagHas(opts, "omitzero"), quoted: quoted}
					fields = append(fields, nf)
					if count[f.typ] > 1 {
						fields = append(fields, nf)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, field{name: ft.Name(), index: index, typ: ft})
				}
			}
		}
	}
	sort.Slice(fields, func(i, j int) bool {
		x, y := fields[i], fields[j]
		if x.name != y.name {
			return x.name < y.name
		}
		if len(x.index) != len(y.index) {
			return len(x.index) < len(y.index)
		}
		if x.tag != y.tag {
			return x.tag
		}
		return lessByIndex(x.index, y.index)
	})
	var out []field
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		if j-i == 1 {
			out = append(out, fields[i])
		} else if len(fields[i].index) != len(fields[i+1].index) || fields[i].tag != fields[i+1].tag {
			out = append(out, fields[i]) // the dominant field
		}
		i = j
	}
	sort.Slice(out, func(i, j int) bool { return lessByIndex(out[i].index, out[j].index) })
	sf := &structFields{list: out, byName: map[string]int{}}
	for i, f := range out {
		sf.byName[f.name] = i
	}
	return sf
}

// lookup finds the field for a JSON key: exact name first, then case-insensitively.
func (sf *structFields) lookup(key string) *field {
	if i, ok := sf.byName[key]; ok {
		return &sf.list[i]
	}
	for i := range sf.list {
		if strings.EqualFold(sf.list[i].name, key) {
			return &sf.list[i]
		}
	}
	return nil
}

// ---- encoding ----

type encOpts struct {
	quoted     bool
	escapeHTML bool
}

type encodeState struct {
	buf      []byte
	ptrLevel int
	ptrSeen  map[uintptr]bool
}

// jsonError wraps an error so that marshal's recover can tell it from a runtime panic.
type jsonError struct{ err error }

func (e *encodeState) fail(err error) {
	panic(jsonError{err})
}

func (e *encodeState) marshal(v any, opts encOpts) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(jsonError); ok {
				err = je.err
			} else {
				panic(r)
			}
		}
	}()
	e.reflectValue(reflect.ValueOf(v), opts)
	return nil
}

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	e := &encodeState{}
	if err := e.marshal(v, encOpts{escapeHTML: true}); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendIndent(nil, b, prefix, indent)
}

func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// isZeroValue is omitzero's test: an IsZero() bool method if the type has one, else
// reflect's IsZero.
func isZeroValue(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return true
		}
		return z.IsZero()
	}
	return v.IsZero()
}

func (e *encodeState) reflectValue(v reflect.Value, opts encOpts) {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return
	}
	t := v.Type()
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(marshalerType) {
		e.callMarshaler(v.Addr(), opts)
		return
	}
	if t.Implements(marshalerType) {
		e.callMarshaler(v, opts)
		return
	}
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(textMarshalerType) {
		e.callTextMarshaler(v.Addr(), opts)
		return
	}
	if t.Implements(textMarshalerType) {
		e.callTextMarshaler(v, opts)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendBool(e.buf, v.Bool())
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Float32, reflect.Float64:
		e.float(v, opts)
	case reflect.String:
		e.stringValue(v, opts)
	case reflect.Interface:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.reflectValue(v.Elem(), opts)
	case reflect.Struct:
		e.structValue(v, opts)
	case reflect.Map:
		e.mapValue(v, opts)
	case reflect.Slice:
		e.sliceValue(v, opts)
	case reflect.Array:
		e.arrayValue(v, opts)
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.enterCycle(v)
		e.reflectValue(v.Elem(), opts)
		e.ptrLevel--
	default:
		e.fail(&UnsupportedTypeError{t})
	}
}

// enterCycle counts one more level of pointer/map/slice nesting; past 1000 levels it
// starts remembering pointers, and meeting one again is Go's cycle error.
func (e *encodeState) enterCycle(v reflect.Value) {
	e.ptrLevel++
	if e.ptrLevel <= 1000 {
		return
	}
	p := v.Pointer()
	if e.ptrSeen == nil {
		e.ptrSeen = map[uintptr]bool{}
	}
	if e.ptrSeen[p] {
		e.fail(&UnsupportedValueError{v, fmt.Sprintf("encountered a cycle via %s", v.Type())})
	}
	e.ptrSeen[p] = true
}

func (e *encodeState) callMarshaler(v reflect.Value, opts encOpts) {
	if v.Kind() == reflect.Pointer && v.IsNil() || v.Kind() == reflect.Interface && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	m, ok := v.Interface().(Marshaler)
	if !ok {
		e.buf = append(e.buf, "null"...)
		return
	}
	b, err := m.MarshalJSON()
	if err == nil {
		e.buf, err = appendCompact(e.buf, b, opts.escapeHTML)
	}
	if err != nil {
		e.fail(&MarshalerError{v.Type(), err, "MarshalJSON"})
	}
}

func (e *encodeState) callTextMarshaler(v reflect.Value, opts encOpts) {
	if v.Kind() == reflect.Pointer && v.IsNil() || v.Kind() == reflect.Interface && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	m, ok := v.Interface().(encoding.TextMarshaler)
	if !ok {
		e.buf = append(e.buf, "null"...)
		return
	}
	b, err := m.MarshalText()
	if err != nil {
		e.fail(&MarshalerError{v.Type(), err, "MarshalText"})
	}
	e.buf = appendString(e.buf, string(b), opts.escapeHTML)
}

func (e *encodeState) float(v reflect.Value, opts encOpts) {
	bits := 64
	if v.Kind() == reflect.Float32 {
		bits = 32
	}
	f := v.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(&UnsupportedValueError{v, strconv.FormatFloat(f, 'g', -1, bits)})
	}
	if opts.quoted {
		e.buf = append(e.buf, '"')
	}
	e.buf = appendFloat(e.buf, f, bits)
	if opts.quoted {
		e.buf = append(e.buf, '"')
	}
}

// appendFloat formats like ES6: 'f' between 1e-6 and 1e21, else 'e' with a short exponent.
func appendFloat(b []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

func (e *encodeState) stringValue(v reflect.Value, opts encOpts) {
	if v.Type() == numberType {
		s := v.String()
		if s == "" {
			s = "0"
		}
		if !isValidNumber(s) {
			e.fail(fmt.Errorf("json: invalid number literal %q", s))
		}
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = append(e.buf, s...)
		if opts.quoted {
			e.buf = append(e.buf, '"')
		}
		return
	}
	if opts.quoted {
		e.buf = appendString(e.buf, string(appendString(nil, v.String(), opts.escapeHTML)), false)
		return
	}
	e.buf = appendString(e.buf, v.String(), opts.escapeHTML)
}

func (e *encodeState) structValue(v reflect.Value, opts encOpts) {
	next := byte('{')
	fields := cachedTypeFields(v.Type())
FieldLoop:
	for i := range fields.list {
		f := &fields.list[i]
		fv := v
		for _, ix := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue FieldLoop
				}
				fv = fv.Elem()
			}
			fv = fv.Field(ix)
		}
		if f.omitEmpty && isEmptyValue(fv) || f.omitZero && isZeroValue(fv) {
			continue
		}
		e.buf = append(e.buf, next)
		next = ','
		e.buf = appendString(e.buf, f.name, opts.escapeHTML)
		e.buf = append(e.buf, ':')
		e.reflectValue(fv, encOpts{quoted: f.quoted, escapeHTML: opts.escapeHTML})
	}
	if next == '{' {
		e.buf = append(e.buf, "{}"...)
	} else {
		e.buf = append(e.buf, '}')
	}
}

func (e *encodeState) mapValue(v reflect.Value, opts encOpts) {
	kt := v.Type().Key()
	switch kt.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
	default:
		if !kt.Implements(textMarshalerType) {
			e.fail(&UnsupportedTypeError{v.Type()})
		}
	}
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.enterCycle(v)
	type kv struct {
		ks string
		v  reflect.Value
	}
	keys := v.MapKeys()
	sv := make([]kv, len(keys))
	for i, k := range keys {
		s, err := resolveKeyName(k)
		if err != nil {
			e.fail(fmt.Errorf("json: encoding error for type %q: %q", v.Type().String(), err.Error()))
		}
		sv[i] = kv{s, v.MapIndex(k)}
	}
	sort.Slice(sv, func(i, j int) bool { return sv[i].ks < sv[j].ks })
	e.buf = append(e.buf, '{')
	for i, p := range sv {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendString(e.buf, p.ks, opts.escapeHTML)
		e.buf = append(e.buf, ':')
		e.reflectValue(p.v, opts)
	}
	e.buf = append(e.buf, '}')
	e.ptrLevel--
}

func resolveKeyName(k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return "", nil
		}
		b, err := tm.MarshalText()
		return string(b), err
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	}
	return strconv.FormatUint(k.Uint(), 10), nil
}

func (e *encodeState) sliceValue(v reflect.Value, opts encOpts) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	et := v.Type().Elem()
	if et.Kind() == reflect.Uint8 {
		p := reflect.PointerTo(et)
		if !p.Implements(marshalerType) && !p.Implements(textMarshalerType) {
			e.buf = append(e.buf, '"')
			e.buf = appendBase64(e.buf, v.Bytes())
			e.buf = append(e.buf, '"')
			return
		}
	}
	e.enterCycle(v)
	e.arrayValue(v, opts)
	e.ptrLevel--
}

func (e *encodeState) arrayValue(v reflect.Value, opts encOpts) {
	e.buf = append(e.buf, '[')
	n := v.Len()
	for i := 0; i < n; i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.reflectValue(v.Index(i), opts)
	}
	e.buf = append(e.buf, ']')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: control characters, quotes and backslashes
// escaped, invalid UTF-8 as \ufffd, U+2028/U+2029 escaped, and <, >, & too when
// escapeHTML.
func appendString(dst []byte, s string, escapeHTML bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && (!escapeHTML || b != '<' && b != '>' && b != '&') {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func appendBase64(dst, src []byte) []byte {
	for len(src) >= 3 {
		v := uint(src[0])<<16 | uint(src[1])<<8 | uint(src[2])
		dst = append(dst, base64Std[v>>18&0x3F], base64Std[v>>12&0x3F], base64Std[v>>6&0x3F], base64Std[v&0x3F])
		src = src[3:]
	}
	switch len(src) {
	case 2:
		v := uint(src[0])<<16 | uint(src[1])<<8
		dst = append(dst, base64Std[v>>18&0x3F], base64Std[v>>12&0x3F], base64Std[v>>6&0x3F], '=')
	case 1:
		v := uint(src[0]) << 16
		dst = append(dst, base64Std[v>>18&0x3F], base64Std[v>>12&0x3F], '=', '=')
	}
	return dst
}

// decodeBase64 decodes standard base64 with padding, ignoring \r and \n as Go does; the
// error is Go's base64.CorruptInputError text.
func decodeBase64(s []byte) ([]byte, error) {
	var out []byte
	var quad [4]byte
	n := 0
	pad := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' || c == '\n' {
			continue
		}
		if c == '=' {
			if n < 2 {
				return nil, fmt.Errorf("illegal base64 data at input byte %d", i)
			}
			pad = 4 - n
			// the rest must be padding (and newlines)
			k := 0
			for j := i; j < len(s); j++ {
				if s[j] == '=' {
					k++
				} else if s[j] != '\r' && s[j] != '\n' {
					return nil, fmt.Errorf("illegal base64 data at input byte %d", j)
				}
			}
			if k != pad {
				return nil, fmt.Errorf("illegal base64 data at input byte %d", len(s))
			}
			break
		}
		d := strings.IndexByte(base64Std, c)
		if d < 0 {
			return nil, fmt.Errorf("illegal base64 data at input byte %d", i)
		}
		quad[n] = byte(d)
		n++
		if n == 4 {
			out = append(out, quad[0]<<2|quad[1]>>4, quad[1]<<4|quad[2]>>2, quad[2]<<6|quad[3])
			n = 0
		}
	}
	switch {
	case pad == 0 && n != 0:
		return nil, fmt.Errorf("illegal base64 data at input byte %d", len(s))
	case pad == 2:
		out = append(out, quad[0]<<2|quad[1]>>4)
	case pad == 1:
		out = append(out, quad[0]<<2|quad[1]>>4, quad[1]<<4|quad[2]>>2)
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

// ---- scanning, Valid, Compact, Indent ----

// scanValue reads one value from the start of data (encoding_json.c): see there.
func scanValue(data []byte, mode int) (end int, ctx string, c int, off int)

const (
	scanStream    = 0 // more input may follow
	scanStreamEnd = 1 // the stream has ended
	scanWhole     = 2 // a whole document
)

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func syntaxError(ctx string, c int, off int) *SyntaxError {
	if c < 0 {
		return &SyntaxError{ctx, int64(off)}
	}
	return &SyntaxError{"invalid character " + quoteChar(byte(c)) + " " + ctx, int64(off)}
}

func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n')
}

// checkValid verifies that data is exactly one JSON value (with surrounding space).
func checkValid(data []byte) error {
	end, ctx, c, off := scanValue(data, scanWhole)
	if ctx != "" {
		return syntaxError(ctx, c, off)
	}
	if end < 0 {
		return &SyntaxError{"unexpected end of JSON input", int64(len(data))}
	}
	for i := end; i < len(data); i++ {
		if !isSpace(data[i]) {
			return syntaxError("after top-level value", int(data[i]), i+1)
		}
	}
	return nil
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool {
	return checkValid(data) == nil
}

// appendCompact appends src without insignificant space, escaping HTML characters and
// U+2028/U+2029 inside strings when escape is set.
func appendCompact(dst, src []byte, escape bool) ([]byte, error) {
	if err := checkValid(src); err != nil {
		return dst, err
	}
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if !inStr {
			if isSpace(c) {
				continue
			}
			if c == '"' {
				inStr = true
			}
			dst = append(dst, c)
			continue
		}
		switch {
		case c == '\\':
			dst = append(dst, c, src[i+1])
			i++
			continue
		case c == '"':
			inStr = false
		case escape && (c == '<' || c == '>' || c == '&'):
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			continue
		case escape && c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
			i += 2
			continue
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// Compact appends to dst the JSON-encoded src with insignificant space characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	b, err := appendCompact(nil, src, false)
	if err == nil {
		dst.Write(b)
	}
	return err
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and U+2029 characters
// inside string literals changed to \u003c, \u003e, \u0026, \u2028, \u2029.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF]})
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF]})
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

func appendNewline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for i := 0; i < depth; i++ {
		dst = append(dst, indent...)
	}
	return dst
}

// appendIndent appends src indented: each element of an object or array on a new line
// starting with prefix and one copy of indent per nesting level; empty ones stay {} / [].
func appendIndent(dst, src []byte, prefix, indent string) ([]byte, error) {
	if err := checkValid(src); err != nil {
		return dst, err
	}
	needIndent := false
	depth := 0
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			dst = append(dst, c)
			if c == '\\' {
				dst = append(dst, src[i+1])
				i++
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		if isSpace(c) {
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			dst = appendNewline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			inStr = true
			dst = append(dst, c)
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				dst = appendNewline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst, nil
}

// Indent appends to dst an indented form of the JSON-encoded src.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	b, err := appendIndent(nil, src, prefix, indent)
	if err == nil {
		dst.Write(b)
	}
	return err
}

// isValidNumber reports whether s is a valid JSON number literal.
func isValidNumber(s string) bool {
	if s == "" {
		return false
	}
	end, ctx, _, _ := scanValue([]byte(s), scanWhole)
	return ctx == "" && end == len(s) && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
}

// ---- decoding ----

// Unmarshal parses the JSON-encoded data and stores the result in the value pointed to by v.
func Unmarshal(data []byte, v any) error {
	if err := checkValid(data); err != nil {
		return err
	}
	d := &decodeState{data: data}
	return d.unmarshal(v)
}

type errorContext struct {
	Struct     reflect.Type
	FieldStack []string
}

// decodeState walks data, which checkValid has accepted.
type decodeState struct {
	data                  []byte
	off                   int
	ctx                   errorContext
	savedError            error
	useNumber             bool
	disallowUnknownFields bool
}

func (d *decodeState) unmarshal(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &InvalidUnmarshalError{reflect.TypeOf(v)}
	}
	d.skipSpace()
	if err := d.value(rv); err != nil {
		return d.addErrorContext(err)
	}
	return d.savedError
}

func (d *decodeState) skipSpace() {
	for d.off < len(d.data) && isSpace(d.data[d.off]) {
		d.off++
	}
}

// saveError records the first error, which Unmarshal returns once it has decoded the rest.
func (d *decodeState) saveError(err error) {
	if d.savedError == nil {
		d.savedError = d.addErrorContext(err)
	}
}

func (d *decodeState) addErrorContext(err error) error {
	if d.ctx.Struct != nil || len(d.ctx.FieldStack) > 0 {
		if e, ok := err.(*UnmarshalTypeError); ok {
			e.Struct = d.ctx.Struct.Name()
			e.Field = strings.Join(d.ctx.FieldStack, ".")
		}
	}
	return err
}

// skip moves past the value at d.off.
func (d *decodeState) skip() {
	end, _, _, _ := scanValue(d.data[d.off:], scanWhole)
	d.off += end
}

func (d *decodeState) typeError(what string, t reflect.Type, off int) {
	d.saveError(&UnmarshalTypeError{Value: what, Type: t, Offset: int64(off)})
}

// value decodes the value at d.off into v (v invalid: skip it).
func (d *decodeState) value(v reflect.Value) error {
	d.skipSpace()
	if !v.IsValid() {
		d.skip()
		return nil
	}
	switch d.data[d.off] {
	case '[':
		return d.array(v)
	case '{':
		return d.object(v)
	}
	start := d.off
	d.skip()
	return d.literalStore(d.data[start:d.off], v, false)
}

// indirect walks down v through pointers (allocating them) and non-empty interfaces to the
// value to set, stopping at an Unmarshaler or TextUnmarshaler (Go's indirect).
func indirect(v reflect.Value, decodingNull bool) (Unmarshaler, encoding.TextUnmarshaler, reflect.Value) {
	v0 := v
	haveAddr := false
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		haveAddr = true
		v = v.Addr()
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && !e.IsNil() && (!decodingNull || e.Elem().Kind() == reflect.Pointer) {
				haveAddr = false
				v = e
				continue
			}
		}
		if v.Kind() != reflect.Pointer {
			break
		}
		if decodingNull && v.CanSet() {
			break
		}
		if v.Elem().Kind() == reflect.Interface && v.Elem().Elem() == v {
			v = v.Elem()
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if v.Type().NumMethod() > 0 && v.CanInterface() {
			if u, ok := v.Interface().(Unmarshaler); ok {
				return u, nil, reflect.Value{}
			}
			if !decodingNull {
				if u, ok := v.Interface().(encoding.TextUnmarshaler); ok {
					return nil, u, reflect.Value{}
				}
			}
		}
		if haveAddr {
			v = v0
			haveAddr = false
		} else {
			v = v.Elem()
		}
	}
	return nil, nil, v
}

func (d *decodeState) array(v reflect.Value) error {
	u, ut, pv := indirect(v, false)
	start := d.off
	if u != nil {
		d.skip()
		return u.UnmarshalJSON(d.data[start:d.off])
	}
	if ut != nil {
		d.typeError("array", v.Type(), start+1)
		d.skip()
		return nil
	}
	v = pv
	switch v.Kind() {
	case reflect.Interface:
		if v.NumMethod() == 0 {
			d.off++
			v.Set(reflect.ValueOf(d.arrayInterface()))
			return nil
		}
		d.typeError("array", v.Type(), start+1)
		d.skip()
		return nil
	case reflect.Array, reflect.Slice:
	default:
		d.typeError("array", v.Type(), start+1)
		d.skip()
		return nil
	}
	d.off++
	i := 0
	for {
		d.skipSpace()
		if d.data[d.off] == ']' {
			break
		}
		if v.Kind() == reflect.Slice {
			if i >= v.Cap() {
				nv := reflect.MakeSlice(v.Type(), v.Len(), 2*v.Cap()+4)
				reflect.Copy(nv, v)
				v.Set(nv)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
		}
		var err error
		if i < v.Len() {
			err = d.value(v.Index(i))
		} else {
			err = d.value(reflect.Value{})
		}
		if err != nil {
			return err
		}
		i++
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
			continue
		}
		break
	}
	d.off++ // ']'
	if i < v.Len() {
		if v.Kind() == reflect.Array {
			for ; i < v.Len(); i++ {
				v.Index(i).SetZero()
			}
		} else {
			v.SetLen(i)
		}
	}
	if i == 0 && v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

func (d *decodeState) readString() string {
	start := d.off
	d.skip()
	s, _ := unquote(d.data[start:d.off])
	return s
}

func (d *decodeState) object(v reflect.Value) error {
	u, ut, pv := indirect(v, false)
	start := d.off
	if u != nil {
		d.skip()
		return u.UnmarshalJSON(d.data[start:d.off])
	}
	if ut != nil {
		d.typeError("object", v.Type(), start+1)
		d.skip()
		return nil
	}
	v = pv
	t := v.Type()
	if v.Kind() == reflect.Interface && v.NumMethod() == 0 {
		d.off++
		v.Set(reflect.ValueOf(d.objectInterface()))
		return nil
	}
	var fields *structFields
	switch v.Kind() {
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
				d.typeError("object", t, start+1)
				d.skip()
				return nil
			}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
	case reflect.Struct:
		fields = cachedTypeFields(t)
	default:
		d.typeError("object", t, start+1)
		d.skip()
		return nil
	}
	d.off++
	var mapElem reflect.Value
	orig := d.ctx
	origDepth := len(d.ctx.FieldStack)
	for {
		d.skipSpace()
		if d.data[d.off] == '}' {
			break
		}
		keyStart := d.off
		key := d.readString()
		keyEnd := d.off
		var subv reflect.Value
		destring := false
		if v.Kind() == reflect.Map {
			if !mapElem.IsValid() {
				mapElem = reflect.New(t.Elem()).Elem()
			} else {
				mapElem.SetZero()
			}
			subv = mapElem
		} else if f := fields.lookup(key); f != nil {
			subv = v
			destring = f.quoted
			for _, ix := range f.index {
				if subv.Kind() == reflect.Pointer {
					if subv.IsNil() {
						if !subv.CanSet() {
							d.saveError(fmt.Errorf("json: cannot set embedded pointer to unexported struct: %v", subv.Type().Elem()))
							subv = reflect.Value{}
							destring = false
							break
						}
						subv.Set(reflect.New(subv.Type().Elem()))
					}
					subv = subv.Elem()
				}
				subv = subv.Field(ix)
			}
			d.ctx.FieldStack = append(d.ctx.FieldStack[:origDepth:origDepth], f.name)
			d.ctx.Struct = t
		} else if d.disallowUnknownFields {
			d.saveError(fmt.Errorf("json: unknown field %q", key))
		}
		d.skipSpace()
		d.off++ // ':'
		d.skipSpace()
		if destring {
			if err := d.quotedValue(subv); err != nil {
				return err
			}
		} else if err := d.value(subv); err != nil {
			return err
		}
		if v.Kind() == reflect.Map {
			if err := d.storeMapEntry(v, t, key, d.data[keyStart:keyEnd], keyStart, subv); err != nil {
				return err
			}
		}
		d.ctx.FieldStack = d.ctx.FieldStack[:origDepth]
		d.ctx.Struct = orig.Struct
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
			continue
		}
		break
	}
	d.off++ // '}'
	return nil
}

// quotedValue decodes a `,string` field: the JSON value must be a string holding a literal.
func (d *decodeState) quotedValue(v reflect.Value) error {
	start := d.off
	d.skip()
	item := d.data[start:d.off]
	switch item[0] {
	case 'n':
		return d.literalStore(item, v, false)
	case '"':
		s, _ := unquote(item)
		return d.literalStore([]byte(s), v, true)
	}
	d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into %v", v.Type()))
	return nil
}

func (d *decodeState) storeMapEntry(v reflect.Value, t reflect.Type, key string, item []byte, start int, subv reflect.Value) error {
	kt := t.Key()
	var kv reflect.Value
	if reflect.PointerTo(kt).Implements(textUnmarshalerType) {
		kv = reflect.New(kt)
		if err := d.literalStore(item, kv, true); err != nil {
			return err
		}
		kv = kv.Elem()
	} else {
		switch kt.Kind() {
		case reflect.String:
			kv = reflect.New(kt).Elem()
			kv.SetString(key)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(key, 10, 64)
			if err != nil || kt.Kind() != reflect.Int64 && reflect.Zero(kt).OverflowInt(n) {
				d.typeError("number "+key, kt, start+1)
				return nil
			}
			kv = reflect.New(kt).Elem()
			kv.SetInt(n)
		default:
			n, err := strconv.ParseUint(key, 10, 64)
			if err != nil || reflect.Zero(kt).OverflowUint(n) {
				d.typeError("number "+key, kt, start+1)
				return nil
			}
			kv = reflect.New(kt).Elem()
			kv.SetUint(n)
		}
	}
	if kv.IsValid() {
		v.SetMapIndex(kv, subv)
	}
	return nil
}

func (d *decodeState) invalidString(item []byte, v reflect.Value) error {
	return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.Type())
}

// literalStore decodes the literal item into v; fromQuoted is a `,string` field's content.
func (d *decodeState) literalStore(item []byte, v reflect.Value, fromQuoted bool) error {
	if len(item) == 0 {
		d.saveError(d.invalidString(item, v))
		return nil
	}
	isNull := item[0] == 'n'
	u, ut, pv := indirect(v, isNull)
	if u != nil {
		return u.UnmarshalJSON(item)
	}
	if ut != nil {
		if item[0] != '"' {
			if fromQuoted {
				d.saveError(d.invalidString(item, v))
				return nil
			}
			val := "number"
			switch item[0] {
			case 'n':
				val = "null"
			case 't', 'f':
				val = "bool"
			}
			d.typeError(val, v.Type(), d.off)
			return nil
		}
		s, ok := unquote(item)
		if !ok {
			return d.invalidString(item, v)
		}
		return ut.UnmarshalText([]byte(s))
	}
	v = pv
	switch c := item[0]; c {
	case 'n':
		if fromQuoted && string(item) != "null" {
			d.saveError(d.invalidString(item, v))
			break
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.SetZero()
		}
	case 't', 'f':
		value := item[0] == 't'
		if fromQuoted && string(item) != "true" && string(item) != "false" {
			d.saveError(d.invalidString(item, v))
			break
		}
		switch v.Kind() {
		case reflect.Bool:
			v.SetBool(value)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(value))
				break
			}
			d.typeError("bool", v.Type(), d.off)
		default:
			if fromQuoted {
				d.saveError(d.invalidString(item, v))
			} else {
				d.typeError("bool", v.Type(), d.off)
			}
		}
	case '"':
		s, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return d.invalidString(item, v)
			}
			return &SyntaxError{"invalid string literal", int64(d.off)}
		}
		switch v.Kind() {
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				d.typeError("string", v.Type(), d.off)
				break
			}
			b, err := decodeBase64([]byte(s))
			if err != nil {
				d.saveError(err)
				break
			}
			v.SetBytes(b)
		case reflect.String:
			if v.Type() == numberType && !isValidNumber(s) {
				return fmt.Errorf("json: invalid number literal, trying to unmarshal %q into Number", item)
			}
			v.SetString(s)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(s))
				break
			}
			d.typeError("string", v.Type(), d.off)
		default:
			d.typeError("string", v.Type(), d.off)
		}
	default:
		if c != '-' && (c < '0' || c > '9') {
			return d.invalidString(item, v)
		}
		s := string(item)
		if fromQuoted && !isValidNumber(s) {
			return d.invalidString(item, v)
		}
		switch v.Kind() {
		case reflect.Interface:
			n, err := d.convertNumber(s)
			if err != nil {
				d.saveError(err)
				break
			}
			if v.NumMethod() != 0 {
				d.typeError("number", v.Type(), d.off)
				break
			}
			v.Set(reflect.ValueOf(n))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v.OverflowInt(n) {
				d.typeError("number "+s, v.Type(), d.off)
				break
			}
			v.SetInt(n)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			n, err := strconv.ParseUint(s, 10, 64)
			if err != nil || v.OverflowUint(n) {
				d.typeError("number "+s, v.Type(), d.off)
				break
			}
			v.SetUint(n)
		case reflect.Float32, reflect.Float64:
			n, err := strconv.ParseFloat(s, v.Type().Bits())
			if err != nil || v.OverflowFloat(n) {
				d.typeError("number "+s, v.Type(), d.off)
				break
			}
			v.SetFloat(n)
		default:
			if v.Kind() == reflect.String && v.Type() == numberType {
				v.SetString(s)
				break
			}
			if fromQuoted {
				return d.invalidString(item, v)
			}
			d.typeError("number", v.Type(), d.off)
		}
	}
	return nil
}

func (d *decodeState) convertNumber(s string) (any, error) {
	if d.useNumber {
		return Number(s), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &UnmarshalTypeError{Value: "number " + s, Type: reflect.TypeOf(0.0), Offset: int64(d.off)}
	}
	return f, nil
}

// valueInterface decodes the value at d.off as an any: map[string]any, []any, float64
// (or Number), string, bool or nil.
func (d *decodeState) valueInterface() any {
	d.skipSpace()
	switch d.data[d.off] {
	case '[':
		d.off++
		return d.arrayInterface()
	case '{':
		d.off++
		return d.objectInterface()
	}
	start := d.off
	d.skip()
	item := d.data[start:d.off]
	switch item[0] {
	case 'n':
		return nil
	case 't':
		return true
	case 'f':
		return false
	case '"':
		s, _ := unquote(item)
		return s
	}
	n, err := d.convertNumber(string(item))
	if err != nil {
		d.saveError(err)
	}
	return n
}

func (d *decodeState) arrayInterface() []any {
	v := make([]any, 0)
	for {
		d.skipSpace()
		if d.data[d.off] == ']' {
			break
		}
		v = append(v, d.valueInterface())
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
			continue
		}
		break
	}
	d.off++
	return v
}

func (d *decodeState) objectInterface() map[string]any {
	m := make(map[string]any)
	for {
		d.skipSpace()
		if d.data[d.off] == '}' {
			break
		}
		key := d.readString()
		d.skipSpace()
		d.off++ // ':'
		m[key] = d.valueInterface()
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
			continue
		}
		break
	}
	d.off++
	return m
}

func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote converts a quoted JSON string literal to its text: escapes decoded, surrogate
// pairs joined, lone surrogates and invalid UTF-8 as U+FFFD.
func unquote(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	s = s[1 : len(s)-1]
	var b []byte
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			r++
			if r >= len(s) {
				return "", false
			}
			switch s[r] {
			case '"', '\\', '/', '\'':
				b = append(b, s[r])
				r++
			case 'b':
				b = append(b, '\b')
				r++
			case 'f':
				b = append(b, '\f')
				r++
			case 'n':
				b = append(b, '\n')
				r++
			case 'r':
				b = append(b, '\r')
				r++
			case 't':
				b = append(b, '\t')
				r++
			case 'u':
				r--
				rr := getu4(s[r:])
				if rr < 0 {
					return "", false
				}
				r += 6
				if rr >= 0xD800 && rr < 0xE000 {
					rr1 := getu4(s[r:])
					if rr < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000 {
						b = utf8.AppendRune(b, (rr-0xD800)<<10|(rr1-0xDC00)+0x10000)
						r += 6
						break
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
			default:
				return "", false
			}
		case c == '"' || c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			b = utf8.AppendRune(b, rr)
		}
	}
	return string(b), true
}

// ---- streams ----

// An Encoder writes JSON values to an output stream.
type Encoder struct {
	w          io.Writer
	err        error
	escapeHTML bool
	prefix     string
	indent     string
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, followed by a newline character.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	e := &encodeState{}
	if err := e.marshal(v, encOpts{escapeHTML: enc.escapeHTML}); err != nil {
		return err
	}
	b := e.buf
	if enc.prefix != "" || enc.indent != "" {
		var err error
		b, err = appendIndent(nil, b, enc.prefix, enc.indent)
		if err != nil {
			return err
		}
	}
	b = append(b, '\n')
	if _, err := enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent instructs the encoder to format each subsequent encoded value as if indented
// by the package-level function Indent(dst, src, prefix, indent).
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.prefix = prefix
	enc.indent = indent
}

// SetEscapeHTML specifies whether problematic HTML characters should be escaped inside
// JSON quoted strings.
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
}

const (
	tokenTopValue = iota
	tokenArrayStart
	tokenArrayValue
	tokenArrayComma
	tokenObjectStart
	tokenObjectKey
	tokenObjectColon
	tokenObjectValue
	tokenObjectComma
)

// A Decoder reads and decodes JSON values from an input stream.
type Decoder struct {
	r                     io.Reader
	buf                   []byte
	scanp                 int   // start of unread data in buf
	scanned               int64 // bytes dropped from the front of buf
	err                   error
	tokenState            int
	tokenStack            []int
	useNumber             bool
	disallowUnknownFields bool
}

// NewDecoder returns a new decoder that reads from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// UseNumber causes the Decoder to unmarshal a number into an interface value as a Number
// instead of as a float64.
func (dec *Decoder) UseNumber() { dec.useNumber = true }

// DisallowUnknownFields causes the Decoder to return an error when the destination is a
// struct and the input contains object keys which do not match any non-ignored, exported
// fields in the destination.
func (dec *Decoder) DisallowUnknownFields() { dec.disallowUnknownFields = true }

// Decode reads the next JSON-encoded value from its input and stores it in the value
// pointed to by v.
func (dec *Decoder) Decode(v any) error {
	if dec.err != nil {
		return dec.err
	}
	if err := dec.tokenPrepareForDecode(); err != nil {
		return err
	}
	if !dec.tokenValueAllowed() {
		return &SyntaxError{msg: "not at beginning of value", Offset: dec.InputOffset()}
	}
	n, err := dec.readValue()
	if err != nil {
		return err
	}
	d := &decodeState{data: dec.buf[dec.scanp : dec.scanp+n], useNumber: dec.useNumber,
		disallowUnknownFields: dec.disallowUnknownFields}
	dec.scanp += n
	err = d.unmarshal(v)
	dec.tokenValueEnd()
	return err
}

// Buffered returns a reader of the data remaining in the Decoder's buffer.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf[dec.scanp:])
}

// InputOffset returns the input stream byte offset of the current decoder position.
func (dec *Decoder) InputOffset() int64 {
	return dec.scanned + int64(dec.scanp)
}

// readValue finds the end of the next value in buf, reading more input as needed, and
// returns its length from scanp (leading space included).
func (dec *Decoder) readValue() (int, error) {
	var err error
	for {
		data := dec.buf[dec.scanp:]
		mode := scanStream
		if err != nil {
			mode = scanStreamEnd
		}
		end, ctx, c, off := scanValue(data, mode)
		if ctx != "" {
			dec.err = syntaxError(ctx, c, int(dec.InputOffset())+off)
			return 0, dec.err
		}
		if end >= 0 {
			return end, nil
		}
		if err != nil {
			if err == io.EOF {
				for _, b := range data {
					if !isSpace(b) {
						err = io.ErrUnexpectedEOF
						break
					}
				}
			}
			dec.err = err
			return 0, err
		}
		err = dec.refill()
	}
}

func (dec *Decoder) refill() error {
	if dec.scanp > 0 {
		dec.scanned += int64(dec.scanp)
		n := copy(dec.buf, dec.buf[dec.scanp:])
		dec.buf = dec.buf[:n]
		dec.scanp = 0
	}
	const minRead = 512
	if cap(dec.buf)-len(dec.buf) < minRead {
		nb := make([]byte, len(dec.buf), 2*cap(dec.buf)+minRead)
		copy(nb, dec.buf)
		dec.buf = nb
	}
	n, err := dec.r.Read(dec.buf[len(dec.buf):cap(dec.buf)])
	dec.buf = dec.buf[0 : len(dec.buf)+n]
	return err
}

func (dec *Decoder) peek() (byte, error) {
	var err error
	for {
		for i := dec.scanp; i < len(dec.buf); i++ {
			c := dec.buf[i]
			if isSpace(c) {
				continue
			}
			dec.scanp = i
			return c, nil
		}
		if err != nil {
			return 0, err
		}
		err = dec.refill()
	}
}

func (dec *Decoder) tokenPrepareForDecode() error {
	switch dec.tokenState {
	case tokenArrayComma:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ',' {
			return &SyntaxError{"expected comma after array element", dec.InputOffset()}
		}
		dec.scanp++
		dec.tokenState = tokenArrayValue
	case tokenObjectColon:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ':' {
			return &SyntaxError{"expected colon after object key", dec.InputOffset()}
		}
		dec.scanp++
		dec.tokenState = tokenObjectValue
	}
	return nil
}

func (dec *Decoder) tokenValueAllowed() bool {
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		return true
	}
	return false
}

func (dec *Decoder) tokenValueEnd() {
	switch dec.tokenState {
	case tokenArrayStart, tokenArrayValue:
		dec.tokenState = tokenArrayComma
	case tokenObjectValue:
		dec.tokenState = tokenObjectComma
	}
}

func (dec *Decoder) pop() {
	dec.tokenState = dec.tokenStack[len(dec.tokenStack)-1]
	dec.tokenStack = dec.tokenStack[:len(dec.tokenStack)-1]
	dec.tokenValueEnd()
}

// Token returns the next JSON token in the input stream. At the end of the input stream,
// Token returns nil, io.EOF.
func (dec *Decoder) Token() (Token, error) {
	for {
		c, err := dec.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenStack = append(dec.tokenStack, dec.tokenState)
			if c == '[' {
				dec.tokenState = tokenArrayStart
			} else {
				dec.tokenState = tokenObjectStart
			}
			return Delim(c), nil
		case ']':
			if dec.tokenState != tokenArrayStart && dec.tokenState != tokenArrayComma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.pop()
			return Delim(']'), nil
		case '}':
			if dec.tokenState != tokenObjectStart && dec.tokenState != tokenObjectComma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.pop()
			return Delim('}'), nil
		case ':':
			if dec.tokenState != tokenObjectColon {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = tokenObjectValue
			continue
		case ',':
			if dec.tokenState == tokenArrayComma {
				dec.scanp++
				dec.tokenState = tokenArrayValue
				continue
			}
			if dec.tokenState == tokenObjectComma {
				dec.scanp++
				dec.tokenState = tokenObjectKey
				continue
			}
			return dec.tokenError(c)
		case '"':
			if dec.tokenState == tokenObjectStart || dec.tokenState == tokenObjectKey {
				var x string
				old := dec.tokenState
				dec.tokenState = tokenTopValue
				err := dec.Decode(&x)
				dec.tokenState = old
				if err != nil {
					return nil, err
				}
				dec.tokenState = tokenObjectColon
				return x, nil
			}
		}
		if !dec.tokenValueAllowed() {
			return dec.tokenError(c)
		}
		var x any
		if err := dec.Decode(&x); err != nil {
			return nil, err
		}
		return x, nil
	}
}

func (dec *Decoder) tokenError(c byte) (Token, error) {
	var context string
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		context = " looking for beginning of value"
	case tokenArrayComma:
		context = " after array element"
	case tokenObjectKey:
		context = " looking for beginning of object key string"
	case tokenObjectColon:
		context = " after object key"
	case tokenObjectComma:
		context = " after object key:value pair"
	}
	return nil, &SyntaxError{"invalid character " + quoteChar(c) + context, dec.InputOffset()}
}

// More reports whether there is another element in the current array or object being
// parsed.
func (dec *Decoder) More() bool {
	c, err := dec.peek()
	return err == nil && c != ']' && c != '}'
}
