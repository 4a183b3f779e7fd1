// net/http's Response: ReadResponse parses a status line, header and framed body as the
// client does; Response.Write writes one in wire form; Location resolves a redirect.
package http

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Response represents the response from an HTTP request.
type Response struct {
	Status           string // e.g. "200 OK"
	StatusCode       int
	Proto            string
	ProtoMajor       int
	ProtoMinor       int
	Header           Header
	Body             io.ReadCloser
	ContentLength    int64
	TransferEncoding []string
	Close            bool
	Uncompressed     bool
	Trailer          Header
	Request          *Request
}

// ProtoAtLeast reports whether the HTTP protocol used in the response is at least
// major.minor.
func (r *Response) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

// Location returns the URL of the response's "Location" header, resolved against the
// request's URL.
func (r *Response) Location() (*url.URL, error) {
	lv := r.Header.Get("Location")
	if lv == "" {
		return nil, ErrNoLocation
	}
	if r.Request != nil && r.Request.URL != nil {
		return r.Request.URL.Parse(lv)
	}
	return url.Parse(lv)
}

// ReadResponse reads and returns an HTTP response from r; req, if not nil, is the
// request it answers (a HEAD response has no body).
func ReadResponse(r *bufio.Reader, req *Request) (*Response, error) {
	resp := &Response{Request: req}
	line, err := readLine(r, nil)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	proto, status, ok := strings.Cut(line, " ")
	if !ok {
		return nil, badStringError("malformed HTTP response", line)
	}
	resp.Proto = proto
	resp.Status = strings.TrimLeft(status, " ")
	statusCode, _, _ := strings.Cut(resp.Status, " ")
	if len(statusCode) != 3 {
		return nil, badStringError("malformed HTTP status code", statusCode)
	}
	resp.StatusCode, err = strconv.Atoi(statusCode)
	if err != nil || resp.StatusCode < 0 {
		return nil, badStringError("malformed HTTP status code", statusCode)
	}
	if resp.ProtoMajor, resp.ProtoMinor, ok = ParseHTTPVersion(resp.Proto); !ok {
		return nil, badStringError("malformed HTTP version", resp.Proto)
	}
	if resp.Header, err = readHeader(r, nil); err != nil {
		return nil, err
	}
	resp.Close = shouldClose(resp.ProtoMajor, resp.ProtoMinor, resp.Header)
	if err := readResponseBody(resp, r); err != nil {
		return nil, err
	}
	return resp, nil
}

// Write writes r to w in the HTTP/1.x server response format, including the status
// line, headers, body, and optional trailer.
func (r *Response) Write(w io.Writer) error {
	text := r.Status
	if text == "" {
		text = StatusText(r.StatusCode)
		if text == "" {
			text = "status code " + strconv.Itoa(r.StatusCode)
		}
	} else {
		text = strings.TrimPrefix(text, strconv.Itoa(r.StatusCode)+" ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/%d.%d %03d %s\r\n", r.ProtoMajor, r.ProtoMinor, r.StatusCode, text)
	n := r.ContentLength
	if r.Body == nil || r.Body == NoBody {
		n = 0
	}
	chunked := n < 0 && len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked"
	if chunked {
		b.WriteString("Transfer-Encoding: chunked\r\n")
	} else if n >= 0 && bodyAllowedForStatus(r.StatusCode) && (n > 0 || r.Request == nil || r.Request.Method != "HEAD") {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", n)
	} else if n < 0 && !r.Close {
		b.WriteString("Connection: close\r\n")
	}
	if r.Close && !headerHasToken(r.Header["Connection"], "close") && n >= 0 {
		b.WriteString("Connection: close\r\n")
	}
	r.Header.writeSubset(&b, respExcludeHeader)
	b.WriteString("\r\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if r.Body == nil || r.Body == NoBody {
		return nil
	}
	if n < 0 && !chunked {
		_, err := io.Copy(w, r.Body)
		r.Body.Close()
		return err
	}
	return writeBody(w, r.Body, n, chunked)
}

var respExcludeHeader = map[string]bool{"Content-Length": true, "Transfer-Encoding": true, "Trailer": true}

var errSeeker = errors.New("seeker can't seek")
