// The decoder of encoding/json (Go's decode.go): Unmarshal into values through reflect,
// Unmarshaler/TextUnmarshaler, type errors with Go's offsets and field paths.
package json

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
