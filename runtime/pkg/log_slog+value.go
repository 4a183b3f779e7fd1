// slog's Attr and Value (Go 1.23's attr.go and value.go): a Value holds a number, a string
// or an any, and its Kind; LogValuers are resolved at most 100 times deep.
package slog

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// An Attr is a key-value pair.
type Attr struct {
	Key   string
	Value Value
}

// String returns an Attr for a string value.
func String(key, value string) Attr { return Attr{key, StringValue(value)} }

// Int64 returns an Attr for an int64.
func Int64(key string, value int64) Attr { return Attr{key, Int64Value(value)} }

// Int converts an int to an int64 and returns an Attr with that value.
func Int(key string, value int) Attr { return Int64(key, int64(value)) }

// Uint64 returns an Attr for a uint64.
func Uint64(key string, v uint64) Attr { return Attr{key, Uint64Value(v)} }

// Float64 returns an Attr for a floating-point number.
func Float64(key string, v float64) Attr { return Attr{key, Float64Value(v)} }

// Bool returns an Attr for a bool.
func Bool(key string, v bool) Attr { return Attr{key, BoolValue(v)} }

// Time returns an Attr for a time.Time. It discards the monotonic portion.
func Time(key string, v time.Time) Attr { return Attr{key, TimeValue(v)} }

// Duration returns an Attr for a time.Duration.
func Duration(key string, v time.Duration) Attr { return Attr{key, DurationValue(v)} }

// Group returns an Attr for a Group Value. The first argument is the key; the remaining
// arguments are converted to Attrs as in Logger.Log.
func Group(key string, args ...any) Attr {
	return Attr{key, GroupValue(argsToAttrSlice(args)...)}
}

// GroupAttrs returns an Attr for a Group Value consisting of the given Attrs (Go 1.25).
func GroupAttrs(key string, attrs ...Attr) Attr { return Attr{key, GroupValue(attrs...)} }

func argsToAttrSlice(args []any) []Attr {
	var attr Attr
	var attrs []Attr
	for len(args) > 0 {
		attr, args = argsToAttr(args)
		attrs = append(attrs, attr)
	}
	return attrs
}

// Any returns an Attr for the supplied value. See AnyValue for how values are treated.
func Any(key string, value any) Attr { return Attr{key, AnyValue(value)} }

// Equal reports whether a and b have equal keys and values.
func (a Attr) Equal(b Attr) bool { return a.Key == b.Key && a.Value.Equal(b.Value) }

func (a Attr) String() string { return a.Key + "=" + a.Value.String() }

func (a Attr) isEmpty() bool {
	return a.Key == "" && a.Value.num == 0 && a.Value.s == "" && a.Value.any == nil
}

// A Value can represent any Go value, but unlike type any, it can represent most small
// values without an allocation. The zero Value corresponds to nil.
type Value struct {
	_   [0]func() // disallow ==
	num uint64
	s   string
	// any is the Kind for numbers, bools, durations and strings; a timeTime, a
	// groupAttrs, a kind (a Kind stored as KindAny), or the value itself.
	any any
}

type (
	timeTime   time.Time
	groupAttrs []Attr
	kind       Kind
)

// Kind is the kind of a Value.
type Kind int

const (
	KindAny Kind = iota
	KindBool
	KindDuration
	KindFloat64
	KindInt64
	KindString
	KindTime
	KindUint64
	KindGroup
	KindLogValuer
)

var kindStrings = []string{
	"Any", "Bool", "Duration", "Float64", "Int64", "String", "Time", "Uint64", "Group",
	"LogValuer",
}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindStrings) {
		return kindStrings[k]
	}
	return "<unknown slog.Kind>"
}

// Kind returns v's Kind.
func (v Value) Kind() Kind {
	switch x := v.any.(type) {
	case Kind:
		return x
	case timeTime:
		return KindTime
	case groupAttrs:
		return KindGroup
	case LogValuer:
		return KindLogValuer
	default:
		return KindAny
	}
}

// StringValue returns a new Value for a string.
func StringValue(value string) Value { return Value{s: value, any: KindString} }

// IntValue returns a Value for an int.
func IntValue(v int) Value { return Int64Value(int64(v)) }

// Int64Value returns a Value for an int64.
func Int64Value(v int64) Value { return Value{num: uint64(v), any: KindInt64} }

// Uint64Value returns a Value for a uint64.
func Uint64Value(v uint64) Value { return Value{num: v, any: KindUint64} }

// Float64Value returns a Value for a floating-point number.
func Float64Value(v float64) Value { return Value{num: math.Float64bits(v), any: KindFloat64} }

// BoolValue returns a Value for a bool.
func BoolValue(v bool) Value {
	u := uint64(0)
	if v {
		u = 1
	}
	return Value{num: u, any: KindBool}
}

// TimeValue returns a Value for a time.Time. It discards the monotonic portion.
func TimeValue(v time.Time) Value { return Value{any: timeTime(v.Round(0))} }

// DurationValue returns a Value for a time.Duration.
func DurationValue(v time.Duration) Value {
	return Value{num: uint64(v.Nanoseconds()), any: KindDuration}
}

// GroupValue returns a new Value for a list of Attrs. Empty groups are left out.
func GroupValue(as ...Attr) Value {
	if n := countEmptyGroups(as); n > 0 {
		as2 := make([]Attr, 0, len(as)-n)
		for _, a := range as {
			if !a.Value.isEmptyGroup() {
				as2 = append(as2, a)
			}
		}
		as = as2
	}
	return Value{num: uint64(len(as)), any: groupAttrs(as)}
}

func countEmptyGroups(as []Attr) int {
	n := 0
	for _, a := range as {
		if a.Value.isEmptyGroup() {
			n++
		}
	}
	return n
}

// AnyValue returns a Value for the supplied value: numbers, strings, bools, durations
// and times get their own kinds, []Attr a group, anything else KindAny.
func AnyValue(v any) Value {
	switch v := v.(type) {
	case string:
		return StringValue(v)
	case int:
		return Int64Value(int64(v))
	case uint:
		return Uint64Value(uint64(v))
	case int64:
		return Int64Value(v)
	case uint64:
		return Uint64Value(v)
	case bool:
		return BoolValue(v)
	case time.Duration:
		return DurationValue(v)
	case time.Time:
		return TimeValue(v)
	case uint8:
		return Uint64Value(uint64(v))
	case uint16:
		return Uint64Value(uint64(v))
	case uint32:
		return Uint64Value(uint64(v))
	case uintptr:
		return Uint64Value(uint64(v))
	case int8:
		return Int64Value(int64(v))
	case int16:
		return Int64Value(int64(v))
	case int32:
		return Int64Value(int64(v))
	case float64:
		return Float64Value(v)
	case float32:
		return Float64Value(float64(v))
	case []Attr:
		return GroupValue(v...)
	case Kind:
		return Value{any: kind(v)}
	case Value:
		return v
	default:
		return Value{any: v}
	}
}

// Any returns v's value as an any.
func (v Value) Any() any {
	switch v.Kind() {
	case KindAny:
		if k, ok := v.any.(kind); ok {
			return Kind(k)
		}
		return v.any
	case KindLogValuer:
		return v.any
	case KindGroup:
		return v.group()
	case KindInt64:
		return int64(v.num)
	case KindUint64:
		return v.num
	case KindFloat64:
		return v.float()
	case KindString:
		return v.s
	case KindBool:
		return v.num == 1
	case KindDuration:
		return time.Duration(int64(v.num))
	default: // KindTime
		return v.time()
	}
}

// String returns Value's value as a string, formatted like fmt.Sprint. Unlike the
// methods Int64, Float64, and so on, which panic if v is of the wrong kind, String
// never panics.
func (v Value) String() string {
	if v.Kind() == KindString {
		return v.s
	}
	return string(v.append(nil))
}

func (v Value) wantKind(w Kind) {
	if g := v.Kind(); g != w {
		panic(fmt.Sprintf("Value kind is %s, not %s", g, w))
	}
}

// Int64 returns v's value as an int64. It panics if v is not a signed integer.
func (v Value) Int64() int64 {
	v.wantKind(KindInt64)
	return int64(v.num)
}

// Uint64 returns v's value as a uint64. It panics if v is not an unsigned integer.
func (v Value) Uint64() uint64 {
	v.wantKind(KindUint64)
	return v.num
}

// Bool returns v's value as a bool. It panics if v is not a bool.
func (v Value) Bool() bool {
	v.wantKind(KindBool)
	return v.num == 1
}

// Duration returns v's value as a time.Duration. It panics if v is not a time.Duration.
func (v Value) Duration() time.Duration {
	v.wantKind(KindDuration)
	return time.Duration(int64(v.num))
}

// Float64 returns v's value as a float64. It panics if v is not a float64.
func (v Value) Float64() float64 {
	v.wantKind(KindFloat64)
	return v.float()
}

func (v Value) float() float64 { return math.Float64frombits(v.num) }

// Time returns v's value as a time.Time. It panics if v is not a time.Time.
func (v Value) Time() time.Time {
	v.wantKind(KindTime)
	return v.time()
}

func (v Value) time() time.Time { return time.Time(v.any.(timeTime)) }

// LogValuer returns v's value as a LogValuer. It panics if v is not a LogValuer.
func (v Value) LogValuer() LogValuer { return v.any.(LogValuer) }

// Group returns v's value as a []Attr. It panics if v's Kind is not KindGroup.
func (v Value) Group() []Attr {
	if g, ok := v.any.(groupAttrs); ok {
		return []Attr(g)
	}
	panic("Group: bad kind")
}

func (v Value) group() []Attr { return []Attr(v.any.(groupAttrs)) }

// Equal reports whether v and w represent the same Go value.
func (v Value) Equal(w Value) bool {
	k1, k2 := v.Kind(), w.Kind()
	if k1 != k2 {
		return false
	}
	switch k1 {
	case KindInt64, KindUint64, KindBool, KindDuration:
		return v.num == w.num
	case KindString:
		return v.s == w.s
	case KindFloat64:
		return v.float() == w.float()
	case KindTime:
		return v.time().Equal(w.time())
	case KindAny, KindLogValuer:
		return v.any == w.any // may panic if non-comparable
	default: // KindGroup
		return slices.EqualFunc(v.group(), w.group(), Attr.Equal)
	}
}

func (v Value) isEmptyGroup() bool {
	g, ok := v.any.(groupAttrs)
	return ok && len(g) == 0
}

// append appends a text representation of v to dst.
func (v Value) append(dst []byte) []byte {
	switch v.Kind() {
	case KindString:
		return append(dst, v.s...)
	case KindInt64:
		return strconv.AppendInt(dst, int64(v.num), 10)
	case KindUint64:
		return strconv.AppendUint(dst, v.num, 10)
	case KindFloat64:
		return strconv.AppendFloat(dst, v.float(), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.num == 1)
	case KindDuration:
		return append(dst, time.Duration(int64(v.num)).String()...)
	case KindTime:
		return append(dst, v.time().String()...)
	case KindGroup:
		return fmt.Append(dst, v.group())
	default:
		return fmt.Append(dst, v.any)
	}
}

// A LogValuer is any Go value that can convert itself into a Value for logging.
type LogValuer interface {
	LogValue() Value
}

const maxLogValues = 100

// Resolve repeatedly calls LogValue on v while it implements LogValuer, and returns the
// result. If v resolves to a group, the group's attributes' values are not resolved. If
// LogValue panics, Resolve returns an error value; after 100 calls it gives up with one.
func (v Value) Resolve() (rv Value) {
	orig := v
	defer func() {
		if r := recover(); r != nil {
			rv = AnyValue(fmt.Errorf("LogValue panicked\n%s", stack(3, 5)))
		}
	}()
	for i := 0; i < maxLogValues; i++ {
		if v.Kind() != KindLogValuer {
			return v
		}
		v = v.LogValuer().LogValue()
	}
	return AnyValue(fmt.Errorf("LogValue called too many times on Value of type %T", orig.Any()))
}

func stack(skip, nFrames int) string {
	pcs := make([]uintptr, nFrames+1)
	n := runtime.Callers(skip+1, pcs)
	if n == 0 {
		return "(no stack)"
	}
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	i := 0
	for {
		frame, more := frames.Next()
		fmt.Fprintf(&b, "called from %s (%s:%d)\n", frame.Function, frame.File, frame.Line)
		if !more {
			break
		}
		i++
		if i >= nFrames {
			fmt.Fprintf(&b, "(rest of stack elided)\n")
			break
		}
	}
	return b.String()
}
