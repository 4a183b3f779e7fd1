// Message bodies on the wire (Go's transfer.go and internal/chunked.go): framing an
// incoming body by Content-Length, chunked encoding or the connection's end; the body
// reader handed to handlers and clients; writing a body with or without chunking.
package http

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

type noBody struct{}

func (noBody) Read([]byte) (int, error)         { return 0, io.EOF }
func (noBody) Close() error                     { return nil }
func (noBody) WriteTo(io.Writer) (int64, error) { return 0, nil }

// NoBody is an io.ReadCloser with no bytes: Read always returns EOF and Close returns nil.
var NoBody = noBody{}

// body is an incoming message body. Reads and Close are serialized by mu (a handler may
// close the body while the server's goroutine discards it).
type body struct {
	src     io.Reader
	onEOF   func() // called once at EOF (the client returns the connection to its pool)
	mu      sync.Mutex
	sawEOF  bool // guarded by: mu
	closed  bool // guarded by: mu
	discard bool // Close reads the rest (so the connection can carry the next message)
}

func (b *body) Read(p []byte) (n int, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, ErrBodyReadAfterClose
	}
	return b.readLocked(p)
}

func (b *body) readLocked(p []byte) (n int, err error) {
	if b.sawEOF {
		return 0, io.EOF
	}
	n, err = b.src.Read(p)
	if err == io.EOF {
		b.sawEOF = true
		if b.onEOF != nil {
			b.onEOF()
			b.onEOF = nil
		}
	}
	return n, err
}

func (b *body) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	var err error
	if b.discard && !b.sawEOF {
		buf := make([]byte, 4096)
		for err == nil {
			_, err = b.readLocked(buf)
		}
		if err == io.EOF {
			err = nil
		}
	}
	b.closed = true
	return err
}

// complete reports whether the body was read to its end.
func (b *body) complete() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sawEOF
}

// errorReader wraps a length-delimited reader so that a message cut short is
// io.ErrUnexpectedEOF, as in Go.
type limitedBody struct {
	r *bufio.Reader
	n int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err == nil && l.n == 0 {
		err = io.EOF
	}
	return n, err
}

// chunkedReader decodes chunked transfer encoding (trailers are read and dropped).
type chunkedReader struct {
	r     *bufio.Reader
	n     uint64 // bytes left in the current chunk
	err   error
	first bool
}

func (cr *chunkedReader) beginChunk() {
	line, err := readLine(cr.r, nil)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		cr.err = err
		return
	}
	if i := strings.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	line = trimString(line)
	n, err := strconv.ParseUint(line, 16, 64)
	if err != nil || line == "" {
		cr.err = errors.New("invalid byte in chunk length")
		return
	}
	cr.n = n
	if n == 0 {
		for {
			l, err := readLine(cr.r, nil)
			if err != nil {
				cr.err = io.ErrUnexpectedEOF
				return
			}
			if l == "" {
				break
			}
		}
		cr.err = io.EOF
	}
}

func (cr *chunkedReader) Read(p []byte) (n int, err error) {
	for cr.err == nil && n < len(p) {
		if cr.n == 0 {
			if cr.first {
				if l, err := readLine(cr.r, nil); err != nil || l != "" {
					cr.err = errors.New("malformed chunked encoding")
					break
				}
			}
			cr.first = true
			if n > 0 && cr.r.Buffered() < 3 {
				break
			}
			cr.beginChunk()
			continue
		}
		q := p[n:]
		if uint64(len(q)) > cr.n {
			q = q[:cr.n]
		}
		m, rerr := cr.r.Read(q)
		n += m
		cr.n -= uint64(m)
		if rerr != nil {
			if rerr == io.EOF {
				rerr = io.ErrUnexpectedEOF
			}
			cr.err = rerr
		}
		if cr.r.Buffered() == 0 && cr.n > 0 {
			break
		}
	}
	return n, cr.err
}

// chunkedWriter encodes each Write as one chunk; Close writes the last chunk.
type chunkedWriter struct {
	w io.Writer
}

func (cw *chunkedWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if _, err := fmt.Fprintf(cw.w, "%x\r\n", len(p)); err != nil {
		return 0, err
	}
	n, err := cw.w.Write(p)
	if err == nil {
		_, err = io.WriteString(cw.w, "\r\n")
	}
	return n, err
}

func (cw *chunkedWriter) Close() error {
	_, err := io.WriteString(cw.w, "0\r\n\r\n")
	return err
}

// transferChunked reports whether the header's Transfer-Encoding is chunked; any other
// coding is an error, as in Go.
func transferChunked(h Header, proto int) (bool, error) {
	raw, present := h["Transfer-Encoding"]
	if !present {
		return false, nil
	}
	delete(h, "Transfer-Encoding")
	if proto < 1 {
		return false, nil
	}
	if len(raw) != 1 {
		return false, &unsupportedTEError{fmt.Sprintf("too many transfer encodings: %q", raw)}
	}
	if !strings.EqualFold(raw[0], "chunked") {
		return false, &unsupportedTEError{fmt.Sprintf("unsupported transfer encoding: %q", raw[0])}
	}
	return true, nil
}

type unsupportedTEError struct{ err string }

func (u *unsupportedTEError) Error() string { return u.err }

// contentLength parses the Content-Length header: -1 when absent.
func contentLength(h Header) (int64, error) {
	cl := h["Content-Length"]
	if len(cl) > 1 {
		first := trimString(cl[0])
		for _, v := range cl[1:] {
			if trimString(v) != first {
				return 0, fmt.Errorf("http: message cannot contain multiple Content-Length headers; got %q", cl)
			}
		}
		h.Del("Content-Length")
		h.Add("Content-Length", first)
		cl = h["Content-Length"]
	}
	if len(cl) == 0 {
		return -1, nil
	}
	s := trimString(cl[0])
	n, err := strconv.ParseUint(s, 10, 63)
	if err != nil || s == "" {
		return 0, badStringError("bad Content-Length", s)
	}
	return int64(n), nil
}

// readRequestBody frames an incoming request's body; a request with neither length nor
// chunking has none.
func readRequestBody(req *Request, br *bufio.Reader) error {
	chunked, err := transferChunked(req.Header, req.ProtoMajor)
	if err != nil {
		return err
	}
	n, err := contentLength(req.Header)
	if err != nil {
		return err
	}
	switch {
	case chunked:
		req.TransferEncoding = []string{"chunked"}
		req.ContentLength = -1
		req.Body = &body{src: &chunkedReader{r: br}, discard: true}
	case n > 0:
		req.ContentLength = n
		req.Body = &body{src: &limitedBody{br, n}, discard: true}
	default:
		req.ContentLength = 0
		req.Body = NoBody
	}
	return nil
}

// readResponseBody frames a response's body: none for HEAD, 1xx, 204 and 304; else by
// chunking, Content-Length or the connection's end (ContentLength -1, Close set).
func readResponseBody(resp *Response, br *bufio.Reader) error {
	chunked, err := transferChunked(resp.Header, resp.ProtoMajor)
	if err != nil {
		return err
	}
	n, err := contentLength(resp.Header)
	if err != nil {
		return err
	}
	isHead := resp.Request != nil && resp.Request.Method == "HEAD"
	if isHead || !bodyAllowedForStatus(resp.StatusCode) {
		resp.ContentLength = n
		if !isHead {
			resp.ContentLength = 0
		}
		resp.Body = NoBody
		return nil
	}
	switch {
	case chunked:
		resp.TransferEncoding = []string{"chunked"}
		resp.ContentLength = -1
		resp.Body = &body{src: &chunkedReader{r: br}}
	case n >= 0:
		resp.ContentLength = n
		if n == 0 {
			resp.Body = NoBody
		} else {
			resp.Body = &body{src: &limitedBody{br, n}}
		}
	default:
		resp.ContentLength = -1
		resp.Close = true
		resp.Body = &body{src: br}
	}
	return nil
}

// bodyAllowedForStatus reports whether a response with this status may have a body.
func bodyAllowedForStatus(status int) bool {
	switch {
	case status >= 100 && status <= 199:
		return false
	case status == 204, status == 304:
		return false
	}
	return true
}

// writeBody copies an outgoing body: exactly [n] bytes, or chunked; it closes body.
func writeBody(w io.Writer, b io.ReadCloser, n int64, chunked bool) error {
	if b == nil || b == NoBody {
		if chunked {
			_, err := io.WriteString(w, "0\r\n\r\n")
			return err
		}
		return nil
	}
	defer b.Close()
	if chunked {
		cw := &chunkedWriter{w}
		if _, err := io.Copy(cw, b); err != nil {
			return err
		}
		return cw.Close()
	}
	m, err := io.Copy(w, io.LimitReader(b, n))
	if err != nil {
		return err
	}
	if m != n {
		return fmt.Errorf("http: ContentLength=%d with Body length %d", n, m)
	}
	return nil
}
