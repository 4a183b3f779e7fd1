// The encoder of encoding/json (Go's encode.go): Marshal, MarshalIndent, Marshaler and
// TextMarshaler, omitempty/omitzero/string, ES6 floats, string escaping and base64.
package json

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
