// Package time measures and displays time for gol: Duration (with Go's exact String),
// Time (wall clock plus an optional monotonic reading, as in Go), Sleep, and the timer
// channels (Timer, Ticker, After, Tick, AfterFunc). Natives (runtime/pkg/time.c) read the
// clocks and drive gol's timer heap (runtime/timer.c); in deterministic mode both clocks
// are virtual. Calendar and Format: time_format.go and runtime/pkg/time_format.c;
// the zones are UTC, Local (from TZ / /etc/localtime), fixed ones and the tz database's
// (LoadLocation: runtime/pkg/time_tz.c). ParseDuration and Parse: runtime/pkg/time_parse.c.
package time

import "errors"

// A Duration represents the elapsed time between two instants as an int64 nanosecond
// count.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string representing the duration in the form "72h3m0.5s".
func (d Duration) String() string {
	var buf [32]byte
	w := len(buf)

	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}

	if u < uint64(Second) {
		var prec int
		w--
		buf[w] = 's'
		w--
		switch {
		case u == 0:
			return "0s"
		case u < uint64(Microsecond):
			prec = 0
			buf[w] = 'n'
		case u < uint64(Millisecond):
			prec = 3
			w-- // Need room for two bytes.
			copy(buf[w:], "µ")
		default:
			prec = 6
			buf[w] = 'm'
		}
		w, u = fmtFrac(buf[:w], u, prec)
		w = fmtInt(buf[:w], u)
	} else {
		w--
		buf[w] = 's'

		w, u = fmtFrac(buf[:w], u, 9)

		w = fmtInt(buf[:w], u%60)
		u /= 60

		if u > 0 {
			w--
			buf[w] = 'm'
			w = fmtInt(buf[:w], u%60)
			u /= 60

			if u > 0 {
				w--
				buf[w] = 'h'
				w = fmtInt(buf[:w], u)
			}
		}
	}

	if neg {
		w--
		buf[w] = '-'
	}

	return string(buf[w:])
}

// fmtFrac formats the fraction of v/10**prec (e.g., ".12345") into the tail of buf,
// omitting trailing zeros. It returns the index where the output bytes begin and the
// value v/10**prec.
func fmtFrac(buf []byte, v uint64, prec int) (nw int, nv uint64) {
	w := len(buf)
	print := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		print = print || digit != 0
		if print {
			w--
			buf[w] = byte(digit) + '0'
		}
		v /= 10
	}
	if print {
		w--
		buf[w] = '.'
	}
	return w, v
}

// fmtInt formats v into the tail of buf. It returns the index where the output begins.
func fmtInt(buf []byte, v uint64) int {
	w := len(buf)
	if v == 0 {
		w--
		buf[w] = '0'
	} else {
		for v > 0 {
			w--
			buf[w] = byte(v%10) + '0'
			v /= 10
		}
	}
	return w
}

// ParseDuration parses a duration string: a possibly signed sequence of decimal numbers,
// each with an optional fraction and a unit suffix, such as "300ms", "-1.5h" or "2h45m".
// Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h".
func ParseDuration(s string) (Duration, error) {
	d, msg := parseDuration(s)
	if msg != "" {
		return 0, errors.New(msg)
	}
	return Duration(d), nil
}

// parseDuration is ParseDuration's scanner (runtime/pkg/time_parse.c).
func parseDuration(s string) (d int64, err string)

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

func lessThanHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}

// Round returns the result of rounding d to the nearest multiple of m, halfway values
// away from zero.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration // overflow
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration // overflow
}

// Abs returns the absolute value of d.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// A Time represents an instant in time with nanosecond precision. Like Go's, it carries an
// optional monotonic clock reading used by Sub, Before, After and Equal when both operands
// have one.
type Time struct {
	sec   int64 // seconds since January 1, year 1 00:00:00 UTC
	nsec  int64 // nanoseconds within the second, [0, 999999999]
	mono  int64     // monotonic clock reading in ns, 0 if none
	loc   *Location // its zone; nil: UTC (the zero Time is UTC, as in Go)
}

const (
	unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400
)

// Now returns the current local time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec, nsec, mono, Local}
}

// now returns the wall clock (seconds since year 1, nanoseconds) and the monotonic clock.
func now() (sec int64, nsec int64, mono int64)

// Unix returns the local Time corresponding to the given Unix time.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec + unixToInternal, nsec, 0, Local}
}

// UnixMilli returns the local Time corresponding to the given Unix time in milliseconds.
func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

// UnixMicro returns the local Time corresponding to the given Unix time in microseconds.
func UnixMicro(usec int64) Time {
	return Unix(usec/1e6, (usec%1e6)*1e3)
}

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// IsZero reports whether t represents the zero time instant, January 1, year 1, UTC.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

// Unix returns t as a Unix time, the number of seconds elapsed since January 1, 1970 UTC.
func (t Time) Unix() int64 { return t.sec - unixToInternal }

// UnixNano returns t as a Unix time in nanoseconds.
func (t Time) UnixNano() int64 { return (t.sec-unixToInternal)*1e9 + t.nsec }

// UnixMilli returns t as a Unix time in milliseconds.
func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + t.nsec/1e6 }

// UnixMicro returns t as a Unix time in microseconds.
func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1e6 + t.nsec/1e3 }

// Nanosecond returns the nanosecond offset within the second specified by t.
func (t Time) Nanosecond() int { return int(t.nsec) }

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.mono != 0 {
		te := t.mono + int64(d)
		if d < 0 && te > t.mono || d > 0 && te < t.mono || te == 0 {
			t.mono = 0 // overflow: drop the monotonic reading
		} else {
			t.mono = te
		}
	}
	return t
}

// Sub returns the duration t-u, saturating at the minimum and maximum Duration.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		d := Duration(t.mono - u.mono)
		if d < 0 && t.mono > u.mono {
			return maxDuration
		}
		if d > 0 && t.mono < u.mono {
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// After reports whether the time instant t is after u.
func (t Time) After(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether the time instant t is before u.
func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u represent the same time instant.
func (t Time) Equal(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

// Sleep pauses the current goroutine for at least the duration d. A negative or zero
// duration causes Sleep to return immediately.
func Sleep(d Duration)

// runtimeTimer is the C timer object (runtime/timer.h); Go code never looks inside.
type runtimeTimer struct {
	_ int
}

func startTimer(when int64, period int64, c chan Time, f func()) *runtimeTimer
func stopTimer(r *runtimeTimer) bool
func resetTimer(r *runtimeTimer, when int64, period int64) bool
func runtimeNano() int64

// when is a helper function for setting the 'when' field of a runtimeTimer. It returns
// what the time will be, in nanoseconds, Duration d in the future.
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1 // math.MaxInt64
	}
	return t
}

// The Timer type represents a single event. When the Timer expires, the current time will
// be sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C <-chan Time
	r *runtimeTimer
}

// NewTimer creates a new Timer that will send the current time on its channel after at
// least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, r: startTimer(when(d), 0, c, nil)}
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer,
// false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// Reset changes the timer to expire after duration d. It returns true if the timer had
// been active, false if the timer had expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, when(d), 0)
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer that can be used to cancel the call using its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{r: startTimer(when(d), 0, nil, f)}
}

// A Ticker holds a channel that delivers "ticks" of a clock at intervals.
type Ticker struct {
	C <-chan Time
	r *runtimeTimer
}

// NewTicker returns a new Ticker containing a channel that will send the current time on
// the channel after each tick. The period of the ticks is specified by the duration
// argument. The ticker will adjust the time interval or drop ticks to make up for slow
// receivers. The duration d must be greater than zero; if not, NewTicker will panic.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic(errors.New("non-positive interval for NewTicker"))
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, r: startTimer(when(d), int64(d), c, nil)}
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if t.r != nil {
		stopTimer(t.r)
	}
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, when(d), int64(d))
}

// Tick is a convenience wrapper for NewTicker providing access to the ticking channel
// only. It returns nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// ---- calendar, zones and formatting (natives in runtime/pkg/time_format.c) ----

// Layouts for Format, as in Go.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"}

// String returns the English name of the month ("January", "February", ...).
func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoaSigned(int64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

// String returns the English name of the day ("Sunday", "Monday", ...).
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoaSigned(int64(d)) + ")"
}

func itoaSigned(v int64) string {
	if v < 0 {
		return "-" + itoaSigned(-v)
	}
	var buf [20]byte
	return string(buf[fmtInt(buf[:], uint64(v)):])
}

// A Location is a time zone: UTC, the local zone (TZ or /etc/localtime, through the C
// library), a fixed offset (FixedZone, and the zones Parse makes up) or a zone of the tz
// database (LoadLocation, read by runtime/pkg/time_tz.c).
type Location struct {
	name   string
	kind   int // zoneUTC, zoneLocal, zoneFixed or zoneTZ (time_int.h's ZoneKind)
	offset int // zoneFixed: seconds east of UTC; zoneTZ: the loaded zone's index
}

const (
	zoneUTC = iota
	zoneLocal
	zoneFixed
	zoneTZ
)

// loadZoneFile reads a TZif file: the zone's index, or the errno of an unreadable file,
// or bad for a file that is not TZif data.
func loadZoneFile(path string) (index int, errno int, bad bool)

// loadZoneData parses TZif data: the zone's index, or bad.
func loadZoneData(data []byte) (index int, bad bool)

// zoneinfoEnv is $ZONEINFO.
func zoneinfoEnv() string

var errLocation = errors.New("time: invalid location name")

// The directories Go searches on Unix, in its order.
var platformZoneSources = []string{
	"/usr/share/zoneinfo/",
	"/usr/share/lib/zoneinfo/",
	"/usr/lib/locale/TZ/",
	"/etc/zoneinfo",
}

func containsDotDot(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// LoadLocation returns the Location with the given name: "" or "UTC" gives UTC, "Local"
// Local, otherwise a name from the IANA Time Zone database ("America/New_York"), read from
// $ZONEINFO when set, then the system's zoneinfo directories.
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		// No valid IANA Time Zone name contains a single dot, much less dot dot.
		// Likewise, none begin with a slash.
		return nil, errLocation
	}
	var firstErr error
	if dir := zoneinfoEnv(); dir != "" {
		if l, err, found := loadFrom(dir+"/", name); found {
			if err == nil {
				return l, nil
			}
			firstErr = err
		}
	}
	for _, source := range platformZoneSources {
		l, err, found := loadFrom(source, name)
		if err == nil && found {
			return l, nil
		}
		if firstErr == nil && found {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, errors.New("unknown time zone " + name)
}

// loadFrom loads name from directory dir; found is false when the file does not exist.
func loadFrom(dir, name string) (l *Location, err error, found bool) {
	path := dir + name
	if dir[len(dir)-1] != '/' {
		path = dir + "/" + name
	}
	index, errno, bad := loadZoneFile(path)
	switch {
	case errno == 2: // ENOENT
		return nil, nil, false
	case errno != 0:
		return nil, errors.New(errnoText(errno)), true // Go's bare syscall.Errno
	case bad || index < 0:
		return nil, errBadData, true
	}
	return &Location{name, zoneTZ, index}, nil, true
}

var errBadData = errors.New("malformed time zone information")

// errnoText is syscall's error text for an errno.
func errnoText(errno int) string

// LoadLocationFromTZData returns a Location with the given name initialized from the
// IANA Time Zone database-formatted data (a TZif file's contents).
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	index, bad := loadZoneData(data)
	if bad || index < 0 {
		return nil, errBadData
	}
	return &Location{name, zoneTZ, index}, nil
}

// isDST reports whether daylight saving time is in force at the instant in the zone.
func isDST(sec int64, zkind, zoff int) bool

// IsDST reports whether the time in the configured location is in Daylight Savings Time.
func (t Time) IsDST() bool {
	l := t.loc.get()
	return isDST(t.sec, l.kind, l.offset)
}

// UTC is Coordinated Universal Time; Local is the system's local time zone.
var (
	UTC   *Location = &Location{"UTC", zoneUTC, 0}
	Local *Location = &Location{localName(), zoneLocal, 0}
)

// FixedZone returns a Location that always uses the given zone name and offset (seconds
// east of UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{name, zoneFixed, offset}
}

// get returns l, or UTC for nil (a Time's nil loc).
func (l *Location) get() *Location {
	if l == nil {
		return UTC
	}
	return l
}

// localName is Go's name for the local zone: $TZ when set, else "Local".
func localName() string

// String returns the location's name ("UTC", "Local").
func (l *Location) String() string { return l.get().name }

// formatTime formats the instant (internal seconds, nanoseconds) in the zone (zkind, zoff,
// zname: a Location's fields) with Go's layout rules.
func formatTime(sec int64, nsec int64, zkind, zoff int, zname string, layout string) string

// dateOf returns the calendar fields of the instant in the zone.
func dateOf(sec int64, zkind, zoff int, zname string) (year, month, day, yday, wday, hour, min, s, offset int, zone string)

// civilToSec returns the internal seconds of a (normalized) civil time in the zone.
func civilToSec(year, month, day, hour, min, sec, zkind, zoff int) int64

// fields returns the calendar fields of t in its zone.
func (t Time) fields() (year, month, day, yday, wday, hour, min, s, offset int, zone string) {
	l := t.loc.get()
	return dateOf(t.sec, l.kind, l.offset, l.name)
}

// setLoc sets t's zone, UTC being stored as nil (as Go does).
func (t *Time) setLoc(loc *Location) {
	if loc == UTC {
		loc = nil
	}
	t.loc = loc
}

// UTC returns t with the location set to UTC.
func (t Time) UTC() Time { t.setLoc(UTC); return t }

// Local returns t with the location set to local time.
func (t Time) Local() Time { t.setLoc(Local); return t }

// In returns t in location loc.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// Location returns the time zone information associated with t.
func (t Time) Location() *Location { return t.loc.get() }

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error returns the string representation of a ParseError.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) + ": cannot parse " +
			quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

// quote is Go's time.quote (control and non-ASCII bytes as \xNN).
func quote(s string) string

// Parse parses a formatted string and returns the time value it represents, the layout
// being written with Go's reference time (see Format). Without a zone in the value the
// time is UTC; a zone offset or abbreviation that the local zone uses gives a Local time,
// another one a fabricated fixed zone.
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}

// ParseInLocation is like Parse but interprets a time without zone information in loc, and
// matches zone offsets and abbreviations against loc instead of Local.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

// Where parseTime's instant belongs.
const (
	parsedUTC = iota
	parsedLocal
	parsedFixed
	parsedDefault
)

func parse(layout, value string, def, local *Location) (Time, error) {
	sec, nsec, where, zoff, zname, lelem, velem, msg, failed := parseTime(layout, value,
		def.kind, def.offset, local.kind, local.offset, local.name)
	if failed {
		return Time{}, &ParseError{layout, value, lelem, velem, msg}
	}
	t := Time{sec: sec, nsec: nsec}
	switch where {
	case parsedLocal:
		t.setLoc(local)
	case parsedFixed:
		t.setLoc(FixedZone(zname, zoff))
	case parsedDefault:
		t.setLoc(def)
	}
	return t, nil
}

// parseTime walks layout over value (runtime/pkg/time_parse.c): the instant and where it
// belongs, or the ParseError's fields.
func parseTime(layout, value string, dkind, doff int, lkind, loff int, lname string) (sec, nsec int64, where, zoff int, zname, lelem, velem, msg string, failed bool)

// Format returns t formatted by layout, Go's reference time being
// Mon Jan 2 15:04:05 MST 2006.
func (t Time) Format(layout string) string {
	l := t.loc.get()
	return formatTime(t.sec, t.nsec, l.kind, l.offset, l.name, layout)
}

// AppendFormat is like Format but appends the text to b.
func (t Time) AppendFormat(b []byte, layout string) []byte { return append(b, t.Format(layout)...) }

var startMono = monoStart()

func monoStart() int64 {
	_, _, m := now()
	return m
}

// String returns t as "2006-01-02 15:04:05.999999999 -0700 MST", followed by the monotonic
// clock reading "m=±<seconds>" when t has one (as Go prints it).
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		m := t.mono - startMono
		sign := "+"
		if m < 0 {
			sign = "-"
			m = -m
		}
		frac := itoaSigned(m%1e9 + 1e9)
		s += " m=" + sign + itoaSigned(m/1e9) + "." + frac[1:]
	}
	return s
}

// Date returns the year, month and day of t.
func (t Time) Date() (year int, month Month, day int) {
	y, m, d, _, _, _, _, _, _, _ := t.fields()
	return y, Month(m), d
}

// Clock returns the hour, minute and second of t.
func (t Time) Clock() (hour, min, sec int) {
	_, _, _, _, _, h, mi, s, _, _ := t.fields()
	return h, mi, s
}

// Year returns the year of t.
func (t Time) Year() int { y, _, _ := t.Date(); return y }

// Month returns the month of the year of t.
func (t Time) Month() Month { _, m, _ := t.Date(); return m }

// Day returns the day of the month of t.
func (t Time) Day() int { _, _, d := t.Date(); return d }

// Hour returns the hour within the day of t, in [0, 23].
func (t Time) Hour() int { h, _, _ := t.Clock(); return h }

// Minute returns the minute within the hour of t, in [0, 59].
func (t Time) Minute() int { _, m, _ := t.Clock(); return m }

// Second returns the second within the minute of t, in [0, 59].
func (t Time) Second() int { _, _, s := t.Clock(); return s }

// YearDay returns the day of the year of t, in [1, 366].
func (t Time) YearDay() int {
	_, _, _, yd, _, _, _, _, _, _ := t.fields()
	return yd
}

// Weekday returns the day of the week of t.
func (t Time) Weekday() Weekday {
	_, _, _, _, wd, _, _, _, _, _ := t.fields()
	return Weekday(wd)
}

// ISOWeek returns the ISO 8601 year and week number in which t occurs: weeks start on
// Monday, and week 1 of a year is the one holding its first Thursday.
func (t Time) ISOWeek() (year, week int) {
	wd := int(t.Weekday())
	if wd == 0 { // Sunday ends the week
		wd = 7
	}
	thursday := t.AddDate(0, 0, int(Thursday)-wd)
	return thursday.Year(), (thursday.YearDay()-1)/7 + 1
}

// Zone returns the abbreviated name of t's zone and its offset in seconds east of UTC.
func (t Time) Zone() (name string, offset int) {
	_, _, _, _, _, _, _, _, off, z := t.fields()
	return z, off
}

// floorDivMod returns q, r with a == q*b + r and 0 <= r < b (b > 0).
func floorDivMod(a, b int) (q, r int) {
	q, r = a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return
}

// Date returns the Time of the given civil time in loc, normalizing out-of-range values as
// Go does (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	var q int
	q, nsec = floorDivMod(nsec, 1e9)
	sec += q
	q, sec = floorDivMod(sec, 60)
	min += q
	q, min = floorDivMod(min, 60)
	hour += q
	q, hour = floorDivMod(hour, 24)
	day += q
	m := int(month) - 1
	q, m = floorDivMod(m, 12)
	year += q
	t := Time{civilToSec(year, m+1, day, hour, min, sec, loc.kind, loc.offset), int64(nsec), 0, nil}
	t.setLoc(loc)
	return t
}

// AddDate returns t plus the given years, months and days, normalized as Date does.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// Truncate returns t rounded down to a multiple of d since the zero time (d <= 0: t
// without its monotonic reading).
func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	_, r := t.divMod(d)
	return t.Add(-r)
}

// Round returns t rounded to the nearest multiple of d since the zero time, halfway values
// rounding up.
func (t Time) Round(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	_, r := t.divMod(d)
	if lessThanHalf(r, d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// divMod returns the remainder of t (since the zero time) divided by d, in two steps so
// that nothing overflows.
func (t Time) divMod(d Duration) (int64, Duration) {
	if d%1e9 == 0 {
		ds := int64(d / 1e9)
		return 0, Duration(t.sec%ds)*Second + Duration(t.nsec)
	}
	// (sec*1e9 + nsec) mod d, with sec*1e9 computed modulo d piecewise
	r := Duration(0)
	secs := t.sec
	chunk := int64(1 << 30)
	for secs > 0 {
		n := secs
		if n > chunk {
			n = chunk
		}
		r = (r + Duration(n)*Second%d) % d
		secs -= n
	}
	r = (r + Duration(t.nsec)) % d
	return 0, r
}

// ---- encoding (encoding/json and encoding.TextMarshaler) ----

// appendRFC3339 appends t in RFC 3339 format with nanoseconds, refusing what RFC 3339
// cannot express (Go's appendStrictRFC3339).
func (t Time) appendRFC3339(b []byte) ([]byte, error) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, errors.New("year outside of range [0,9999]")
	}
	if _, off := t.Zone(); off <= -24*3600 || off >= 24*3600 {
		return b, errors.New("timezone hour outside of range [0,23]")
	}
	return append(b, t.Format(RFC3339Nano)...), nil
}

// MarshalJSON implements the json.Marshaler interface: a quoted RFC 3339 string.
func (t Time) MarshalJSON() ([]byte, error) {
	b, err := t.appendRFC3339([]byte{'"'})
	if err != nil {
		return nil, errors.New("Time.MarshalJSON: " + err.Error())
	}
	return append(b, '"'), nil
}

// UnmarshalJSON implements the json.Unmarshaler interface.
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return errors.New("Time.UnmarshalJSON: input is not a JSON string")
	}
	var err error
	*t, err = Parse(RFC3339, string(data[1:len(data)-1]))
	return err
}

// MarshalText implements the encoding.TextMarshaler interface (RFC 3339).
func (t Time) MarshalText() ([]byte, error) {
	b, err := t.appendRFC3339(nil)
	if err != nil {
		return nil, errors.New("Time.MarshalText: " + err.Error())
	}
	return b, nil
}

// UnmarshalText implements the encoding.TextUnmarshaler interface.
func (t *Time) UnmarshalText(data []byte) error {
	var err error
	*t, err = Parse(RFC3339, string(data))
	return err
}

const (
	timeBinaryVersionV1 byte = iota + 1 // zone offsets in whole minutes
	timeBinaryVersionV2                 // with the seconds of an offset (LMT)
)

// MarshalBinary implements the encoding.BinaryMarshaler interface: a version byte, the
// seconds since January 1, year 1 (8 bytes) and the nanoseconds (4), big-endian, the zone
// offset in minutes (2; -1 for UTC) and, in version 2, the offset's seconds.
func (t Time) MarshalBinary() ([]byte, error) {
	offsetMin := int16(-1)
	var offsetSec int8
	version := timeBinaryVersionV1
	if t.Location() != UTC {
		_, offset := t.Zone()
		if offset%60 != 0 {
			version = timeBinaryVersionV2
			offsetSec = int8(offset % 60)
		}
		offset /= 60
		if offset < -32768 || offset == -1 || offset > 32767 {
			return nil, errors.New("Time.MarshalBinary: unexpected zone offset")
		}
		offsetMin = int16(offset)
	}
	enc := []byte{version}
	for shift := 56; shift >= 0; shift -= 8 {
		enc = append(enc, byte(t.sec>>shift))
	}
	for shift := 24; shift >= 0; shift -= 8 {
		enc = append(enc, byte(t.nsec>>shift))
	}
	enc = append(enc, byte(offsetMin>>8), byte(offsetMin))
	if version == timeBinaryVersionV2 {
		enc = append(enc, byte(offsetSec))
	}
	return enc, nil
}

// UnmarshalBinary implements the encoding.BinaryUnmarshaler interface. The time's zone is
// UTC, Local when the offset is Local's at that instant, else a FixedZone without a name.
func (t *Time) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		return errors.New("Time.UnmarshalBinary: no data")
	}
	version := data[0]
	if version != timeBinaryVersionV1 && version != timeBinaryVersionV2 {
		return errors.New("Time.UnmarshalBinary: unsupported version")
	}
	want := 1 + 8 + 4 + 2
	if version == timeBinaryVersionV2 {
		want++
	}
	if len(data) != want {
		return errors.New("Time.UnmarshalBinary: invalid length")
	}
	var sec int64
	for _, b := range data[1:9] {
		sec = sec<<8 | int64(b)
	}
	var nsec int32
	for _, b := range data[9:13] {
		nsec = nsec<<8 | int32(b)
	}
	offset := int(int16(data[13])<<8|int16(data[14])) * 60
	if version == timeBinaryVersionV2 {
		offset += int(data[15]) // (the stored int8 read as a byte, as Go does)
	}
	u := Time{sec: sec, nsec: int64(nsec)}
	if offset == -60 {
		*t = u
	} else if _, local := u.In(Local).Zone(); offset == local {
		*t = u.In(Local)
	} else {
		*t = u.In(FixedZone("", offset))
	}
	return nil
}

// GobEncode implements the gob.GobEncoder interface (MarshalBinary).
func (t Time) GobEncode() ([]byte, error) { return t.MarshalBinary() }

// GobDecode implements the gob.GobDecoder interface (UnmarshalBinary).
func (t *Time) GobDecode(data []byte) error { return t.UnmarshalBinary(data) }
