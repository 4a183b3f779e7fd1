// slog's Handler interface and the machinery the Text and JSON handlers share (Go 1.23's
// handler.go): attributes pre-formatted by WithAttrs, groups opened by WithGroup (a key
// prefix "g." for text, a nested object for JSON), ReplaceAttr, and the built-in keys.
package slog

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"
)

// A Handler handles log records produced by a Logger. Any of its methods may be called
// concurrently with itself or with other methods.
type Handler interface {
	// Enabled reports whether the handler handles records at the given level.
	Enabled(context.Context, Level) bool
	// Handle handles the Record. It will only be called when Enabled returns true.
	Handle(context.Context, Record) error
	// WithAttrs returns a new Handler whose attributes consist of both the receiver's
	// attributes and the arguments.
	WithAttrs(attrs []Attr) Handler
	// WithGroup returns a new Handler with the given group appended to the receiver's
	// existing groups.
	WithGroup(name string) Handler
}

// HandlerOptions are options for a TextHandler or JSONHandler. A zero HandlerOptions
// consists entirely of default values.
type HandlerOptions struct {
	// AddSource causes the handler to compute the source code position of the log
	// statement and add a SourceKey attribute to the output.
	AddSource bool
	// Level reports the minimum record level that will be logged. If Level is nil,
	// the handler assumes LevelInfo.
	Level Leveler
	// ReplaceAttr is called to rewrite each non-group attribute before it is logged.
	// If ReplaceAttr returns a zero Attr, the attribute is discarded.
	ReplaceAttr func(groups []string, a Attr) Attr
}

// Keys for "built-in" attributes.
const (
	TimeKey    = "time"
	LevelKey   = "level"
	MessageKey = "msg"
	SourceKey  = "source"
)

type commonHandler struct {
	json              bool // true => output JSON; false => output text
	opts              HandlerOptions
	preformattedAttrs []byte
	// groupPrefix (text only) holds the prefix for groups that were already
	// pre-formatted: a WithGroup followed by a WithAttrs.
	groupPrefix string
	groups      []string    // all groups started from WithGroup
	nOpenGroups int         // the number of groups opened in preformattedAttrs
	mu          *sync.Mutex // shared by all clones; guards writes to w
	w           io.Writer
}

func (h *commonHandler) clone() *commonHandler {
	return &commonHandler{
		json:              h.json,
		opts:              h.opts,
		preformattedAttrs: slices.Clip(h.preformattedAttrs),
		groupPrefix:       h.groupPrefix,
		groups:            slices.Clip(h.groups),
		nOpenGroups:       h.nOpenGroups,
		w:                 h.w,
		mu:                h.mu,
	}
}

// enabled reports whether l is greater than or equal to the minimum level.
func (h *commonHandler) enabled(l Level) bool {
	minLevel := LevelInfo
	if h.opts.Level != nil {
		minLevel = h.opts.Level.Level()
	}
	return l >= minLevel
}

func (h *commonHandler) withAttrs(as []Attr) *commonHandler {
	if countEmptyGroups(as) == len(as) {
		return h
	}
	h2 := h.clone()
	state := h2.newHandleState(&h2.preformattedAttrs, "")
	state.prefix = []byte(h.groupPrefix)
	if pfa := h2.preformattedAttrs; len(pfa) > 0 {
		state.sep = h.attrSep()
		if h2.json && pfa[len(pfa)-1] == '{' {
			state.sep = ""
		}
	}
	pos := len(*state.buf)
	state.openGroups()
	if !state.appendAttrs(as) {
		*state.buf = (*state.buf)[:pos]
	} else {
		h2.groupPrefix = string(state.prefix)
		h2.nOpenGroups = len(h2.groups)
	}
	return h2
}

func (h *commonHandler) withGroup(name string) *commonHandler {
	if name == "" {
		return h
	}
	h2 := h.clone()
	h2.groups = append(h2.groups, name)
	return h2
}

// handle is Handle of TextHandler and JSONHandler: one line, one Write.
func (h *commonHandler) handle(r Record) error {
	var buf []byte
	state := h.newHandleState(&buf, "")
	if h.json {
		buf = append(buf, '{')
	}
	// Built-in attributes. They are not in a group.
	stateGroups := state.groups
	state.groups = nil
	rep := h.opts.ReplaceAttr
	if !r.Time.IsZero() {
		val := r.Time.Round(0)
		if rep == nil {
			state.appendKey(TimeKey)
			state.appendTime(val)
		} else {
			state.appendAttr(Time(TimeKey, val))
		}
	}
	if rep == nil {
		state.appendKey(LevelKey)
		state.appendString(r.Level.String())
	} else {
		state.appendAttr(Any(LevelKey, r.Level))
	}
	if h.opts.AddSource {
		src := r.Source()
		if src == nil {
			src = &Source{}
		}
		state.appendAttr(Any(SourceKey, src))
	}
	if rep == nil {
		state.appendKey(MessageKey)
		state.appendString(r.Message)
	} else {
		state.appendAttr(String(MessageKey, r.Message))
	}
	state.groups = stateGroups
	state.appendNonBuiltIns(r)
	buf = append(buf, '\n')

	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := h.w.Write(buf)
	return err
}

func (s *handleState) appendNonBuiltIns(r Record) {
	if pfa := s.h.preformattedAttrs; len(pfa) > 0 {
		*s.buf = append(*s.buf, s.sep...)
		*s.buf = append(*s.buf, pfa...)
		s.sep = s.h.attrSep()
		if s.h.json && pfa[len(pfa)-1] == '{' {
			s.sep = ""
		}
	}
	// Attrs in Record are in the groups started by WithGroup; a record with no Attrs
	// opens no groups.
	nOpenGroups := s.h.nOpenGroups
	if r.NumAttrs() > 0 {
		s.prefix = append(s.prefix, s.h.groupPrefix...)
		pos := len(*s.buf)
		s.openGroups()
		nOpenGroups = len(s.h.groups)
		empty := true
		r.Attrs(func(a Attr) bool {
			if s.appendAttr(a) {
				empty = false
			}
			return true
		})
		if empty {
			*s.buf = (*s.buf)[:pos]
			nOpenGroups = s.h.nOpenGroups
		}
	}
	if s.h.json {
		for range s.h.groups[:nOpenGroups] {
			*s.buf = append(*s.buf, '}')
		}
		*s.buf = append(*s.buf, '}')
	}
}

// attrSep returns the separator between attributes.
func (h *commonHandler) attrSep() string {
	if h.json {
		return ","
	}
	return " "
}

// handleState holds state for a single call to commonHandler.handle. The initial value
// of sep determines whether to emit a separator before the next key.
type handleState struct {
	h      *commonHandler
	buf    *[]byte
	sep    string    // separator to write before next key
	prefix []byte    // for text: key prefix
	groups *[]string // active groups, for ReplaceAttr; nil without ReplaceAttr
}

func (h *commonHandler) newHandleState(buf *[]byte, sep string) handleState {
	s := handleState{h: h, buf: buf, sep: sep}
	if h.opts.ReplaceAttr != nil {
		gs := append([]string(nil), h.groups[:h.nOpenGroups]...)
		s.groups = &gs
	}
	return s
}

func (s *handleState) openGroups() {
	for _, n := range s.h.groups[s.h.nOpenGroups:] {
		s.openGroup(n)
	}
}

// Separator for group names and keys.
const keyComponentSep = '.'

func (s *handleState) openGroup(name string) {
	if s.h.json {
		s.appendKey(name)
		*s.buf = append(*s.buf, '{')
		s.sep = ""
	} else {
		s.prefix = append(s.prefix, name...)
		s.prefix = append(s.prefix, keyComponentSep)
	}
	if s.groups != nil {
		*s.groups = append(*s.groups, name)
	}
}

func (s *handleState) closeGroup(name string) {
	if s.h.json {
		*s.buf = append(*s.buf, '}')
	} else {
		s.prefix = s.prefix[:len(s.prefix)-len(name)-1]
	}
	s.sep = s.h.attrSep()
	if s.groups != nil {
		*s.groups = (*s.groups)[:len(*s.groups)-1]
	}
}

// appendAttrs appends the slice of Attrs and reports whether something was appended.
func (s *handleState) appendAttrs(as []Attr) bool {
	nonEmpty := false
	for _, a := range as {
		if s.appendAttr(a) {
			nonEmpty = true
		}
	}
	return nonEmpty
}

// appendAttr appends the Attr's key and value after ReplaceAttr, eliding empty Attrs
// and groups; it reports whether something was appended.
func (s *handleState) appendAttr(a Attr) bool {
	a.Value = a.Value.Resolve()
	if rep := s.h.opts.ReplaceAttr; rep != nil && a.Value.Kind() != KindGroup {
		var gs []string
		if s.groups != nil {
			gs = *s.groups
		}
		a = rep(gs, a)
		a.Value = a.Value.Resolve()
	}
	if a.isEmpty() {
		return false
	}
	if v := a.Value; v.Kind() == KindAny {
		if src, ok := v.Any().(*Source); ok {
			if src.isEmpty() {
				return false
			}
			if s.h.json {
				a.Value = src.group()
			} else {
				a.Value = StringValue(fmt.Sprintf("%s:%d", src.File, src.Line))
			}
		}
	}
	if a.Value.Kind() != KindGroup {
		s.appendKey(a.Key)
		s.appendValue(a.Value)
		return true
	}
	attrs := a.Value.group()
	if len(attrs) == 0 {
		return false
	}
	pos := len(*s.buf)
	sep := s.sep
	if a.Key != "" {
		s.openGroup(a.Key)
	}
	if !s.appendAttrs(attrs) {
		if a.Key != "" {
			s.closeGroup(a.Key)
		}
		*s.buf = (*s.buf)[:pos]
		s.sep = sep
		return false
	}
	if a.Key != "" {
		s.closeGroup(a.Key)
	}
	return true
}

func (s *handleState) appendError(err error) {
	s.appendString(fmt.Sprintf("!ERROR:%v", err))
}

func (s *handleState) appendKey(key string) {
	*s.buf = append(*s.buf, s.sep...)
	if len(s.prefix) > 0 {
		s.appendTwoStrings(string(s.prefix), key)
	} else {
		s.appendString(key)
	}
	if s.h.json {
		*s.buf = append(*s.buf, ':')
	} else {
		*s.buf = append(*s.buf, '=')
	}
	s.sep = s.h.attrSep()
}

// appendTwoStrings is appendString(x + y).
func (s *handleState) appendTwoStrings(x, y string) {
	buf := *s.buf
	switch {
	case s.h.json:
		buf = append(buf, '"')
		buf = appendEscapedJSONString(buf, x)
		buf = appendEscapedJSONString(buf, y)
		buf = append(buf, '"')
	case !needsQuoting(x) && !needsQuoting(y):
		buf = append(buf, x...)
		buf = append(buf, y...)
	default:
		buf = strconv.AppendQuote(buf, x+y)
	}
	*s.buf = buf
}

func (s *handleState) appendString(str string) {
	if s.h.json {
		*s.buf = append(*s.buf, '"')
		*s.buf = appendEscapedJSONString(*s.buf, str)
		*s.buf = append(*s.buf, '"')
	} else if needsQuoting(str) {
		*s.buf = strconv.AppendQuote(*s.buf, str)
	} else {
		*s.buf = append(*s.buf, str...)
	}
}

func (s *handleState) appendValue(v Value) {
	defer func() {
		if r := recover(); r != nil {
			// A nil pointer whose method (String, MarshalText, Error) does not
			// guard against nil prints as <nil>, as in fmt.
			if rv := reflect.ValueOf(v.any); rv.Kind() == reflect.Pointer && rv.IsNil() {
				s.appendString("<nil>")
				return
			}
			s.appendString(fmt.Sprintf("!PANIC: %v", r))
		}
	}()
	var err error
	if s.h.json {
		err = appendJSONValue(s, v)
	} else {
		err = appendTextValue(s, v)
	}
	if err != nil {
		s.appendError(err)
	}
}

func (s *handleState) appendTime(t time.Time) {
	if s.h.json {
		appendJSONTime(s, t)
	} else {
		*s.buf = appendRFC3339Millis(*s.buf, t)
	}
}

// appendRFC3339Millis formats t as RFC 3339 with exactly three fractional digits.
func appendRFC3339Millis(b []byte, t time.Time) []byte {
	const prefixLen = len("2006-01-02T15:04:05.000")
	n := len(b)
	t = t.Truncate(time.Millisecond).Add(time.Millisecond / 10)
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b[:n+prefixLen], b[n+prefixLen+1:]...) // drop the 4th digit
}

// DiscardHandler discards all log output. DiscardHandler.Enabled returns false for all
// Levels (Go 1.24).
var DiscardHandler Handler = discardHandler{}

type discardHandler struct{}

func (dh discardHandler) Enabled(context.Context, Level) bool  { return false }
func (dh discardHandler) Handle(context.Context, Record) error { return nil }
func (dh discardHandler) WithAttrs(attrs []Attr) Handler       { return dh }
func (dh discardHandler) WithGroup(name string) Handler        { return dh }
