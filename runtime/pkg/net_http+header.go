// net/http's Header (net/textproto's MIMEHeader rules): canonical keys, the wire form
// Header.Write produces (keys sorted, newlines in values turned to spaces), and
// readHeader, which reads a header block as textproto.Reader.ReadMIMEHeader does.
package http

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A Header represents the key-value pairs in an HTTP header; keys are canonical
// (CanonicalHeaderKey).
type Header map[string][]string

// Add adds the key, value pair to the header, appending to any existing values.
func (h Header) Add(key, value string) {
	key = CanonicalHeaderKey(key)
	h[key] = append(h[key], value)
}

// Set sets the header entries associated with key to the single element value.
func (h Header) Set(key, value string) { h[CanonicalHeaderKey(key)] = []string{value} }

// Get gets the first value associated with the given key, or "".
func (h Header) Get(key string) string {
	if h == nil {
		return ""
	}
	v := h[CanonicalHeaderKey(key)]
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Values returns all values associated with the given key.
func (h Header) Values(key string) []string {
	if h == nil {
		return nil
	}
	return h[CanonicalHeaderKey(key)]
}

// get is Get for a key already in canonical form.
func (h Header) get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Del deletes the values associated with key.
func (h Header) Del(key string) { delete(h, CanonicalHeaderKey(key)) }

// Clone returns a copy of h or nil if h is nil.
func (h Header) Clone() Header {
	if h == nil {
		return nil
	}
	h2 := make(Header, len(h))
	for k, vv := range h {
		if vv == nil {
			h2[k] = nil
			continue
		}
		vv2 := make([]string, len(vv))
		copy(vv2, vv)
		h2[k] = vv2
	}
	return h2
}

// Write writes a header in wire format.
func (h Header) Write(w io.Writer) error { return h.writeSubset(w, nil) }

// WriteSubset writes a header in wire format, leaving out the keys in exclude.
func (h Header) WriteSubset(w io.Writer, exclude map[string]bool) error {
	return h.writeSubset(w, exclude)
}

var headerNewlineToSpace = strings.NewReplacer("\n", " ", "\r", " ")

func (h Header) writeSubset(w io.Writer, exclude map[string]bool) error {
	keys := make([]string, 0, len(h))
	for k := range h {
		if !exclude[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range h[k] {
			if strings.ContainsAny(v, "\r\n") {
				v = headerNewlineToSpace.Replace(v)
			}
			v = trimString(v)
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(v)
			b.WriteString("\r\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trimString trims leading and trailing spaces and tabs (textproto.TrimString).
func trimString(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// isTokenByte reports whether c may appear in a header field name (RFC 7230 tchar).
func isTokenByte(c byte) bool {
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// CanonicalHeaderKey returns the canonical format of the header key s: the first letter
// and any letter following a hyphen upper case, the rest lower case. A key holding a
// space or another invalid byte is returned unchanged.
func CanonicalHeaderKey(s string) string {
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isTokenByte(c) {
			return s
		}
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			return canonicalKey(s)
		}
		upper = c == '-'
	}
	return s
}

func canonicalKey(s string) string {
	if !validFieldName(s) {
		return s
	}
	a := []byte(s)
	upper := true
	for i, c := range a {
		if upper && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a[i] = c
		upper = c == '-'
	}
	return string(a)
}

// readLine reads one line without its CRLF or LF; a line longer than the reader's buffer
// is collected. [limit] bounds the bytes read for the whole head (nil: no limit).
func readLine(br *bufio.Reader, limit *int64) (string, error) {
	var line []byte
	for {
		l, more, err := br.ReadLine()
		if err != nil {
			return "", err
		}
		if limit != nil {
			*limit -= int64(len(l)) + 2
			if *limit < 0 {
				return "", errHeaderTooLarge
			}
		}
		if line == nil && !more {
			return string(l), nil
		}
		line = append(line, l...)
		if !more {
			return string(line), nil
		}
	}
}

var errHeaderTooLarge = &ProtocolError{"http: request header too large"}

// readHeader reads a MIME-style header block up to its blank line, as
// textproto.Reader.ReadMIMEHeader: continuation lines are joined with a space, keys are
// canonicalised, values trimmed. It returns a *ProtocolError naming a malformed line.
func readHeader(br *bufio.Reader, limit *int64) (Header, error) {
	h := make(Header, 4)
	first := true
	var key string
	for {
		line, err := readLine(br, limit)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return h, err
		}
		if line == "" {
			return h, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if first || key == "" {
				return h, &ProtocolError{"malformed MIME header initial line: " + line}
			}
			vv := h[key]
			vv[len(vv)-1] = trimString(vv[len(vv)-1] + " " + trimString(line))
			continue
		}
		first = false
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return h, &ProtocolError{fmt.Sprintf("malformed MIME header: missing colon: %q", line)}
		}
		if k == "" || !validFieldName(k) || !validFieldValue(v) {
			return h, &ProtocolError{"malformed MIME header line: " + line}
		}
		key = CanonicalHeaderKey(k)
		h[key] = append(h[key], trimString(v))
	}
}

func validFieldName(k string) bool {
	for i := 0; i < len(k); i++ {
		if !isTokenByte(k[i]) {
			return false
		}
	}
	return true
}

func validFieldValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
