// Package slog provides structured logging, in which log records include a message, a
// severity level, and various other attributes expressed as key-value pairs (Go 1.21+'s
// log/slog, written again after Go 1.23's source: logger.go here; Attr and Value, Level,
// Record, the handlers' common part and the Text/JSON handlers in log_slog+*.go). The
// default logger writes through package log as Go's does (`2009/11/10 23:00:00 INFO msg
// k=v`); SetDefault with another handler sends package log's output to that handler.
package slog

import (
	"context"
	"errors"
	"log"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var defaultLogger atomic.Pointer[Logger]

var logLoggerLevel LevelVar

// SetLogLoggerLevel controls the level for the bridge to the log package: before
// SetDefault is called, the level of the default logger's records; after it, the level
// of the records package log's functions make. It returns the previous level.
func SetLogLoggerLevel(level Level) (oldLevel Level) {
	oldLevel = logLoggerLevel.Level()
	logLoggerLevel.Set(level)
	return
}

func init() {
	defaultLogger.Store(New(newDefaultHandler(logOutput)))
}

// Default returns the default Logger.
func Default() *Logger { return defaultLogger.Load() }

// SetDefault makes l the default Logger, in both this package and the log package: after
// it, log's Print and friends send records to l's handler.
func SetDefault(l *Logger) {
	defaultLogger.Store(l)
	// With a defaultHandler, log's writer stays as it is: the defaultHandler writes to it.
	if _, ok := l.Handler().(*defaultHandler); !ok {
		capturePC := log.Flags()&(log.Lshortfile|log.Llongfile) != 0
		log.SetOutput(&handlerWriter{l.Handler(), &logLoggerLevel, capturePC})
		log.SetFlags(0) // we want just the log message, no time or location
	}
}

// handlerWriter is an io.Writer that calls a Handler: package log's output after
// SetDefault, and NewLogLogger's.
type handlerWriter struct {
	h         Handler
	level     Leveler
	capturePC bool
}

func (w *handlerWriter) Write(buf []byte) (int, error) {
	level := w.level.Level()
	if !w.h.Enabled(context.Background(), level) {
		return 0, nil
	}
	var pc uintptr
	if w.capturePC {
		// Skip [runtime.Callers, w.Write, Logger.Output, log.Print].
		var pcs [1]uintptr
		runtime.Callers(4, pcs[:])
		pc = pcs[0]
	}
	origLen := len(buf)
	if len(buf) > 0 && buf[len(buf)-1] == '\n' {
		buf = buf[:len(buf)-1]
	}
	r := NewRecord(time.Now(), level, string(buf), pc)
	return origLen, w.h.Handle(context.Background(), r)
}

// defaultHandler is the default Logger's handler: "LEVEL msg k=v" through package log,
// which adds its prefix, time and position.
type defaultHandler struct {
	ch     *commonHandler
	output func(pc uintptr, data []byte) error
}

func newDefaultHandler(output func(uintptr, []byte) error) *defaultHandler {
	return &defaultHandler{ch: &commonHandler{json: false}, output: output}
}

func (*defaultHandler) Enabled(_ context.Context, l Level) bool {
	return l >= logLoggerLevel.Level()
}

func (h *defaultHandler) Handle(ctx context.Context, r Record) error {
	buf := []byte(r.Level.String())
	buf = append(buf, ' ')
	buf = append(buf, r.Message...)
	state := h.ch.newHandleState(&buf, " ")
	state.appendNonBuiltIns(r)
	return h.output(r.PC, buf)
}

func (h *defaultHandler) WithAttrs(as []Attr) Handler {
	return &defaultHandler{h.ch.withAttrs(as), h.output}
}

func (h *defaultHandler) WithGroup(name string) Handler {
	return &defaultHandler{h.ch.withGroup(name), h.output}
}

var logOutputMu sync.Mutex // serializes logOutput's writes

// logOutput writes data as package log's standard logger writes a line: its prefix,
// date, time and the file:line of pc, as its flags say.
func logOutput(pc uintptr, data []byte) error {
	now := time.Now()
	flag := log.Flags()
	prefix := log.Prefix()
	var file string
	var line int
	if flag&(log.Lshortfile|log.Llongfile) != 0 {
		file, line = "???", 0
		if pc != 0 {
			f, _ := runtime.CallersFrames([]uintptr{pc}).Next()
			if f.File != "" {
				file = f.File
			}
			line = f.Line
		}
	}
	var buf []byte
	if flag&log.Lmsgprefix == 0 {
		buf = append(buf, prefix...)
	}
	buf = appendLogHeader(buf, flag, now, file, line)
	if flag&log.Lmsgprefix != 0 {
		buf = append(buf, prefix...)
	}
	buf = append(buf, data...)
	if len(data) == 0 || data[len(data)-1] != '\n' {
		buf = append(buf, '\n')
	}
	logOutputMu.Lock()
	defer logOutputMu.Unlock()
	_, err := log.Writer().Write(buf)
	return err
}

// appendLogHeader appends package log's date, time and position fields.
func appendLogHeader(buf []byte, flag int, t time.Time, file string, line int) []byte {
	if flag&(log.Ldate|log.Ltime|log.Lmicroseconds) != 0 {
		if flag&log.LUTC != 0 {
			t = t.UTC()
		}
		if flag&log.Ldate != 0 {
			year, month, day := t.Date()
			buf = itoa(buf, year, 4)
			buf = append(buf, '/')
			buf = itoa(buf, int(month), 2)
			buf = append(buf, '/')
			buf = itoa(buf, day, 2)
			buf = append(buf, ' ')
		}
		if flag&(log.Ltime|log.Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			buf = itoa(buf, hour, 2)
			buf = append(buf, ':')
			buf = itoa(buf, min, 2)
			buf = append(buf, ':')
			buf = itoa(buf, sec, 2)
			if flag&log.Lmicroseconds != 0 {
				buf = append(buf, '.')
				buf = itoa(buf, t.Nanosecond()/1e3, 6)
			}
			buf = append(buf, ' ')
		}
	}
	if flag&(log.Lshortfile|log.Llongfile) != 0 {
		if flag&log.Lshortfile != 0 {
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					file = file[i+1:]
					break
				}
			}
		}
		buf = append(buf, file...)
		buf = append(buf, ':')
		buf = itoa(buf, line, -1)
		buf = append(buf, ": "...)
	}
	return buf
}

// itoa appends i in decimal, zero-padded to wid digits.
func itoa(buf []byte, i int, wid int) []byte {
	var b [20]byte
	bp := len(b) - 1
	for i >= 10 || wid > 1 {
		wid--
		q := i / 10
		b[bp] = byte('0' + i - q*10)
		bp--
		i = q
	}
	b[bp] = byte('0' + i)
	return append(buf, b[bp:]...)
}

// A Logger records structured information about each call to its Log, Debug, Info,
// Warn, and Error methods, and passes a Record to its Handler.
type Logger struct {
	handler Handler
}

func (l *Logger) clone() *Logger {
	c := *l
	return &c
}

// Handler returns l's Handler.
func (l *Logger) Handler() Handler { return l.handler }

// With returns a Logger that includes the given attributes in each output operation.
// Arguments are converted to attributes as if by Logger.Log.
func (l *Logger) With(args ...any) *Logger {
	if len(args) == 0 {
		return l
	}
	c := l.clone()
	c.handler = l.handler.WithAttrs(argsToAttrSlice(args))
	return c
}

// WithGroup returns a Logger that starts a group, if name is non-empty.
func (l *Logger) WithGroup(name string) *Logger {
	if name == "" {
		return l
	}
	c := l.clone()
	c.handler = l.handler.WithGroup(name)
	return c
}

// New creates a new Logger with the given non-nil Handler.
func New(h Handler) *Logger {
	if h == nil {
		panic("nil Handler")
	}
	return &Logger{handler: h}
}

// With calls Logger.With on the default logger.
func With(args ...any) *Logger { return Default().With(args...) }

// Enabled reports whether l emits log records at the given context and level.
func (l *Logger) Enabled(ctx context.Context, level Level) bool {
	if ctx == nil {
		ctx = context.Background()
	}
	return l.Handler().Enabled(ctx, level)
}

// NewLogLogger returns a new log.Logger such that each call to its Output method
// dispatches a Record to the specified handler at the given level.
func NewLogLogger(h Handler, level Level) *log.Logger {
	return log.New(&handlerWriter{h, level, true}, "", 0)
}

// Log emits a log record with the current time and the given level and message. Its
// args are a string key followed by a value, Attrs, or lone values under "!BADKEY".
func (l *Logger) Log(ctx context.Context, level Level, msg string, args ...any) {
	l.log(ctx, level, msg, args...)
}

// LogAttrs is a more efficient version of Logger.Log that accepts only Attrs.
func (l *Logger) LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	l.logAttrs(ctx, level, msg, attrs...)
}

// Debug logs at LevelDebug.
func (l *Logger) Debug(msg string, args ...any) {
	l.log(context.Background(), LevelDebug, msg, args...)
}

// DebugContext logs at LevelDebug with the given context.
func (l *Logger) DebugContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelDebug, msg, args...)
}

// Info logs at LevelInfo.
func (l *Logger) Info(msg string, args ...any) {
	l.log(context.Background(), LevelInfo, msg, args...)
}

// InfoContext logs at LevelInfo with the given context.
func (l *Logger) InfoContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelInfo, msg, args...)
}

// Warn logs at LevelWarn.
func (l *Logger) Warn(msg string, args ...any) {
	l.log(context.Background(), LevelWarn, msg, args...)
}

// WarnContext logs at LevelWarn with the given context.
func (l *Logger) WarnContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelWarn, msg, args...)
}

// Error logs at LevelError.
func (l *Logger) Error(msg string, args ...any) {
	l.log(context.Background(), LevelError, msg, args...)
}

// ErrorContext logs at LevelError with the given context.
func (l *Logger) ErrorContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelError, msg, args...)
}

// log is the low-level logging method for methods that take ...any. It must always be
// called directly by an exported logging method or function: the pc it records is two
// frames up.
func (l *Logger) log(ctx context.Context, level Level, msg string, args ...any) {
	if !l.Enabled(ctx, level) {
		return
	}
	var pcs [1]uintptr
	runtime.Callers(3, pcs[:]) // skip [runtime.Callers, this function, this function's caller]
	r := NewRecord(time.Now(), level, msg, pcs[0])
	r.Add(args...)
	if ctx == nil {
		ctx = context.Background()
	}
	_ = l.Handler().Handle(ctx, r)
}

// logAttrs is like log, but for methods that take ...Attr.
func (l *Logger) logAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	if !l.Enabled(ctx, level) {
		return
	}
	var pcs [1]uintptr
	runtime.Callers(3, pcs[:])
	r := NewRecord(time.Now(), level, msg, pcs[0])
	r.AddAttrs(attrs...)
	if ctx == nil {
		ctx = context.Background()
	}
	_ = l.Handler().Handle(ctx, r)
}

// Debug calls Logger.Debug on the default logger.
func Debug(msg string, args ...any) {
	Default().log(context.Background(), LevelDebug, msg, args...)
}

// DebugContext calls Logger.DebugContext on the default logger.
func DebugContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelDebug, msg, args...)
}

// Info calls Logger.Info on the default logger.
func Info(msg string, args ...any) {
	Default().log(context.Background(), LevelInfo, msg, args...)
}

// InfoContext calls Logger.InfoContext on the default logger.
func InfoContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelInfo, msg, args...)
}

// Warn calls Logger.Warn on the default logger.
func Warn(msg string, args ...any) {
	Default().log(context.Background(), LevelWarn, msg, args...)
}

// WarnContext calls Logger.WarnContext on the default logger.
func WarnContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelWarn, msg, args...)
}

// Error calls Logger.Error on the default logger.
func Error(msg string, args ...any) {
	Default().log(context.Background(), LevelError, msg, args...)
}

// ErrorContext calls Logger.ErrorContext on the default logger.
func ErrorContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelError, msg, args...)
}

// Log calls Logger.Log on the default logger.
func Log(ctx context.Context, level Level, msg string, args ...any) {
	Default().log(ctx, level, msg, args...)
}

// LogAttrs calls Logger.LogAttrs on the default logger.
func LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	Default().logAttrs(ctx, level, msg, attrs...)
}

// MultiHandler is a Handler that invokes all the given Handlers (Go 1.26).
type MultiHandler struct {
	multi []Handler
}

// NewMultiHandler creates a MultiHandler with the given Handlers.
func NewMultiHandler(handlers ...Handler) *MultiHandler {
	return &MultiHandler{multi: append([]Handler(nil), handlers...)}
}

// Enabled reports whether any of the handlers is enabled for the level.
func (h *MultiHandler) Enabled(ctx context.Context, l Level) bool {
	for _, m := range h.multi {
		if m.Enabled(ctx, l) {
			return true
		}
	}
	return false
}

// Handle passes a clone of r to each enabled handler and joins their errors.
func (h *MultiHandler) Handle(ctx context.Context, r Record) error {
	var errs []error
	for _, m := range h.multi {
		if m.Enabled(ctx, r.Level) {
			if err := m.Handle(ctx, r.Clone()); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// WithAttrs returns a MultiHandler of each handler's WithAttrs.
func (h *MultiHandler) WithAttrs(attrs []Attr) Handler {
	handlers := make([]Handler, 0, len(h.multi))
	for _, m := range h.multi {
		handlers = append(handlers, m.WithAttrs(attrs))
	}
	return NewMultiHandler(handlers...)
}

// WithGroup returns a MultiHandler of each handler's WithGroup.
func (h *MultiHandler) WithGroup(name string) Handler {
	handlers := make([]Handler, 0, len(h.multi))
	for _, m := range h.multi {
		handlers = append(handlers, m.WithGroup(name))
	}
	return NewMultiHandler(handlers...)
}
