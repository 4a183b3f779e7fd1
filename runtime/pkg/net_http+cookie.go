// HTTP cookies (Go's cookie.go): the Cookie type, Set-Cookie and Cookie header parsing
// with Go's validity rules, Cookie.String's wire form (invalid bytes dropped with Go's
// log line), SetCookie, and the Request/Response accessors.
package http

import (
	"errors"
	"fmt"
	"log"
	"net"
	"strconv"
	"strings"
	"time"
)

// A Cookie represents an HTTP cookie as sent in the Set-Cookie header of a response or
// the Cookie header of a request.
type Cookie struct {
	Name   string
	Value  string
	Quoted bool

	Path       string
	Domain     string
	Expires    time.Time
	RawExpires string

	// MaxAge=0 means no 'Max-Age' attribute specified; MaxAge<0 means delete the cookie
	// now ('Max-Age: 0'); MaxAge>0 means the attribute is present, in seconds.
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	SameSite    SameSite
	Partitioned bool
	Raw         string
	Unparsed    []string
}

// SameSite allows a server to define a cookie attribute making it impossible for the
// browser to send this cookie along with cross-site requests.
type SameSite int

// The SameSite modes.
const (
	SameSiteDefaultMode SameSite = iota + 1
	SameSiteLaxMode
	SameSiteStrictMode
	SameSiteNoneMode
)

var (
	errBlankCookie           = errors.New("http: blank cookie")
	errEqualNotFoundInCookie = errors.New("http: '=' not found in cookie")
	errInvalidCookieName     = errors.New("http: invalid cookie name")
	errInvalidCookieValue    = errors.New("http: invalid cookie value")
)

// ParseCookie parses a Cookie header value and returns all the cookies set in it.
func ParseCookie(line string) ([]*Cookie, error) {
	parts := strings.Split(trimString(line), ";")
	if len(parts) == 1 && parts[0] == "" {
		return nil, errBlankCookie
	}
	cookies := make([]*Cookie, 0, len(parts))
	for _, s := range parts {
		name, value, found := strings.Cut(trimString(s), "=")
		if !found {
			return nil, errEqualNotFoundInCookie
		}
		if !isCookieNameValid(name) {
			return nil, errInvalidCookieName
		}
		value, quoted, ok := parseCookieValue(value, true)
		if !ok {
			return nil, errInvalidCookieValue
		}
		cookies = append(cookies, &Cookie{Name: name, Value: value, Quoted: quoted})
	}
	return cookies, nil
}

// ParseSetCookie parses a Set-Cookie header value and returns a cookie.
func ParseSetCookie(line string) (*Cookie, error) {
	parts := strings.Split(trimString(line), ";")
	if len(parts) == 1 && parts[0] == "" {
		return nil, errBlankCookie
	}
	name, value, ok := strings.Cut(trimString(parts[0]), "=")
	if !ok {
		return nil, errEqualNotFoundInCookie
	}
	name = trimString(name)
	if !isCookieNameValid(name) {
		return nil, errInvalidCookieName
	}
	value, quoted, ok := parseCookieValue(value, true)
	if !ok {
		return nil, errInvalidCookieValue
	}
	c := &Cookie{Name: name, Value: value, Quoted: quoted, Raw: line}
	for _, part := range parts[1:] {
		if part = trimString(part); part != "" && !c.setAttr(part) {
			c.Unparsed = append(c.Unparsed, part)
		}
	}
	return c, nil
}

// setAttr applies one attribute of a Set-Cookie line; false leaves it unparsed.
func (c *Cookie) setAttr(part string) bool {
	attr, val, _ := strings.Cut(part, "=")
	if !isASCII(attr) {
		return true
	}
	val, _, ok := parseCookieValue(val, false)
	if !ok {
		return false
	}
	switch strings.ToLower(attr) {
	case "samesite":
		switch strings.ToLower(val) {
		case "lax":
			c.SameSite = SameSiteLaxMode
		case "strict":
			c.SameSite = SameSiteStrictMode
		case "none":
			c.SameSite = SameSiteNoneMode
		default:
			c.SameSite = SameSiteDefaultMode
		}
	case "secure":
		c.Secure = true
	case "httponly":
		c.HttpOnly = true
	case "domain":
		c.Domain = val
	case "max-age":
		secs, err := strconv.Atoi(val)
		if err != nil || secs != 0 && val[0] == '0' {
			return false
		}
		if secs <= 0 {
			secs = -1
		}
		c.MaxAge = secs
	case "expires":
		c.RawExpires = val
		t, err := time.Parse(time.RFC1123, val)
		if err != nil {
			if t, err = time.Parse("Mon, 02-Jan-2006 15:04:05 MST", val); err != nil {
				c.Expires = time.Time{}
				return false
			}
		}
		c.Expires = t.UTC()
	case "path":
		c.Path = val
	case "partitioned":
		c.Partitioned = true
	default:
		return false
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SetCookie adds a Set-Cookie header to the provided ResponseWriter's headers; an
// invalid cookie may be silently dropped.
func SetCookie(w ResponseWriter, cookie *Cookie) {
	if v := cookie.String(); v != "" {
		w.Header().Add("Set-Cookie", v)
	}
}

// String returns the serialization of the cookie for use in a Cookie header (if only
// Name and Value are set) or a Set-Cookie response header; "" if the name is invalid.
func (c *Cookie) String() string {
	if c == nil || !isCookieNameValid(c.Name) {
		return ""
	}
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteByte('=')
	b.WriteString(sanitizeCookieValue(c.Value, c.Quoted))
	if len(c.Path) > 0 {
		b.WriteString("; Path=")
		b.WriteString(sanitizeOrWarn("Cookie.Path", validCookiePathByte, c.Path))
	}
	if len(c.Domain) > 0 {
		if validCookieDomain(c.Domain) {
			b.WriteString("; Domain=")
			b.WriteString(strings.TrimPrefix(c.Domain, "."))
		} else {
			log.Printf("net/http: invalid Cookie.Domain %q; dropping domain attribute", c.Domain)
		}
	}
	if c.Expires.Year() >= 1601 {
		b.WriteString("; Expires=")
		b.WriteString(c.Expires.UTC().Format(TimeFormat))
	}
	if c.MaxAge > 0 {
		b.WriteString("; Max-Age=")
		b.WriteString(strconv.Itoa(c.MaxAge))
	} else if c.MaxAge < 0 {
		b.WriteString("; Max-Age=0")
	}
	if c.HttpOnly {
		b.WriteString("; HttpOnly")
	}
	if c.Secure {
		b.WriteString("; Secure")
	}
	switch c.SameSite {
	case SameSiteNoneMode:
		b.WriteString("; SameSite=None")
	case SameSiteLaxMode:
		b.WriteString("; SameSite=Lax")
	case SameSiteStrictMode:
		b.WriteString("; SameSite=Strict")
	}
	if c.Partitioned {
		b.WriteString("; Partitioned")
	}
	return b.String()
}

// Cookies parses and returns the HTTP cookies sent with the request.
func (r *Request) Cookies() []*Cookie { return readCookies(r.Header, "") }

// Cookie returns the named cookie provided in the request or ErrNoCookie if not found.
func (r *Request) Cookie(name string) (*Cookie, error) {
	if name == "" {
		return nil, ErrNoCookie
	}
	for _, c := range readCookies(r.Header, name) {
		return c, nil
	}
	return nil, ErrNoCookie
}

// AddCookie adds a cookie to the request's Cookie header.
func (r *Request) AddCookie(c *Cookie) {
	s := fmt.Sprintf("%s=%s", cookieNameSanitizer.Replace(c.Name), sanitizeCookieValue(c.Value, c.Quoted))
	if c := r.Header.Get("Cookie"); c != "" {
		r.Header.Set("Cookie", c+"; "+s)
	} else {
		r.Header.Set("Cookie", s)
	}
}

// Cookies parses and returns the cookies set in the Set-Cookie headers.
func (r *Response) Cookies() []*Cookie {
	cookies := make([]*Cookie, 0, len(r.Header["Set-Cookie"]))
	for _, line := range r.Header["Set-Cookie"] {
		if c, err := ParseSetCookie(line); err == nil {
			cookies = append(cookies, c)
		}
	}
	return cookies
}

var cookieNameSanitizer = strings.NewReplacer("\n", "-", "\r", "-")

func readCookies(h Header, filter string) []*Cookie {
	cookies := []*Cookie{}
	for _, line := range h["Cookie"] {
		line = trimString(line)
		var part string
		for len(line) > 0 {
			part, line, _ = strings.Cut(line, ";")
			if part = trimString(part); part == "" {
				continue
			}
			name, val, _ := strings.Cut(part, "=")
			name = trimString(name)
			if !isCookieNameValid(name) || filter != "" && filter != name {
				continue
			}
			val, quoted, ok := parseCookieValue(val, true)
			if ok {
				cookies = append(cookies, &Cookie{Name: name, Value: val, Quoted: quoted})
			}
		}
	}
	return cookies
}

func isCookieNameValid(raw string) bool { return raw != "" && validFieldName(raw) }

func validCookieValueByte(b byte) bool {
	return 0x20 <= b && b < 0x7f && b != '"' && b != ';' && b != '\\'
}

func validCookiePathByte(b byte) bool { return 0x20 <= b && b < 0x7f && b != ';' }

func parseCookieValue(raw string, allowDoubleQuote bool) (value string, quoted, ok bool) {
	if allowDoubleQuote && len(raw) > 1 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		raw = raw[1 : len(raw)-1]
		quoted = true
	}
	for i := 0; i < len(raw); i++ {
		if !validCookieValueByte(raw[i]) {
			return "", quoted, false
		}
	}
	return raw, quoted, true
}

func sanitizeCookieValue(v string, quoted bool) string {
	v = sanitizeOrWarn("Cookie.Value", validCookieValueByte, v)
	if len(v) == 0 {
		return v
	}
	if strings.ContainsAny(v, " ,") || quoted {
		return `"` + v + `"`
	}
	return v
}

// sanitizeOrWarn drops the bytes of v that valid refuses, logging the first, as Go does.
func sanitizeOrWarn(fieldName string, valid func(byte) bool, v string) string {
	bad := -1
	for i := 0; i < len(v); i++ {
		if !valid(v[i]) {
			bad = i
			break
		}
	}
	if bad < 0 {
		return v
	}
	log.Printf("net/http: invalid byte %q in %s; dropping invalid bytes", v[bad], fieldName)
	buf := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if valid(v[i]) {
			buf = append(buf, v[i])
		}
	}
	return string(buf)
}

func validCookieDomain(v string) bool {
	if isCookieDomainName(v) {
		return true
	}
	return net.ParseIP(v) != nil && !strings.Contains(v, ":")
}

// isCookieDomainName reports whether s is a valid domain name or a valid domain name
// with a leading dot.
func isCookieDomainName(s string) bool {
	if len(s) == 0 || len(s) > 255 {
		return false
	}
	if s[0] == '.' {
		s = s[1:]
	}
	last := byte('.')
	ok := false
	partlen := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			ok = true
			partlen++
		case '0' <= c && c <= '9':
			partlen++
		case c == '-':
			if last == '.' {
				return false
			}
			partlen++
		case c == '.':
			if last == '.' || last == '-' || partlen > 63 || partlen == 0 {
				return false
			}
			partlen = 0
		default:
			return false
		}
		last = c
	}
	return last != '-' && partlen <= 63 && ok
}
