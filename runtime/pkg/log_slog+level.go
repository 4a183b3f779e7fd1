// slog's Level, LevelVar and Leveler (Go 1.23's level.go).
package slog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
)

// A Level is the importance or severity of a log event. The higher the level, the more
// important or severe the event.
type Level int

const (
	LevelDebug Level = -4
	LevelInfo  Level = 0
	LevelWarn  Level = 4
	LevelError Level = 8
)

// String returns a name for the level: DEBUG, INFO, WARN or ERROR, followed by the
// offset from that level when there is one ("WARN+1", "DEBUG-2").
func (l Level) String() string {
	str := func(base string, val Level) string {
		if val == 0 {
			return base
		}
		return fmt.Sprintf("%s%+d", base, val)
	}
	switch {
	case l < LevelInfo:
		return str("DEBUG", l-LevelDebug)
	case l < LevelWarn:
		return str("INFO", l-LevelInfo)
	case l < LevelError:
		return str("WARN", l-LevelWarn)
	default:
		return str("ERROR", l-LevelError)
	}
}

// MarshalJSON encodes l as a JSON string of its String form.
func (l Level) MarshalJSON() ([]byte, error) { return strconv.AppendQuote(nil, l.String()), nil }

// UnmarshalJSON parses a JSON string such as "INFO" or "WARN+2".
func (l *Level) UnmarshalJSON(data []byte) error {
	s, err := strconv.Unquote(string(data))
	if err != nil {
		return err
	}
	return l.parse(s)
}

// MarshalText encodes l as its String form.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses a level name (any case) with an optional offset.
func (l *Level) UnmarshalText(data []byte) error { return l.parse(string(data)) }

func (l *Level) parse(s string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("slog: level string %q: %w", s, err)
		}
	}()
	name := s
	offset := 0
	if i := strings.IndexAny(s, "+-"); i >= 0 {
		name = s[:i]
		offset, err = strconv.Atoi(s[i:])
		if err != nil {
			return err
		}
	}
	switch strings.ToUpper(name) {
	case "DEBUG":
		*l = LevelDebug
	case "INFO":
		*l = LevelInfo
	case "WARN":
		*l = LevelWarn
	case "ERROR":
		*l = LevelError
	default:
		return errors.New("unknown name")
	}
	*l += Level(offset)
	return nil
}

// Level returns the receiver. It implements Leveler.
func (l Level) Level() Level { return l }

// A LevelVar is a Level variable, to allow a Handler level to change dynamically. It is
// safe for use by multiple goroutines. The zero LevelVar corresponds to LevelInfo.
type LevelVar struct {
	val atomic.Int64
}

// Level returns v's level.
func (v *LevelVar) Level() Level { return Level(int(v.val.Load())) }

// Set sets v's level to l.
func (v *LevelVar) Set(l Level) { v.val.Store(int64(l)) }

func (v *LevelVar) String() string { return fmt.Sprintf("LevelVar(%s)", v.Level()) }

// MarshalText implements encoding.TextMarshaler by calling Level.MarshalText.
func (v *LevelVar) MarshalText() ([]byte, error) { return v.Level().MarshalText() }

// UnmarshalText implements encoding.TextUnmarshaler by calling Level.UnmarshalText.
func (v *LevelVar) UnmarshalText(data []byte) error {
	var l Level
	if err := l.UnmarshalText(data); err != nil {
		return err
	}
	v.Set(l)
	return nil
}

// A Leveler provides a Level value.
type Leveler interface {
	Level() Level
}
