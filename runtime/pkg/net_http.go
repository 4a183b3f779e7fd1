// Package http is Go's net/http for HTTP/1.1, written in Go over package net: Handler and
// ServeMux (Go 1.22 patterns), Server (a goroutine per connection, keep-alive, Shutdown),
// ResponseWriter with Go's implicit headers, Request/Response with their wire forms, and a
// Client over a small keep-alive Transport. Messages are parsed in Go as net/textproto
// does (docs/decisions.md, "HTTP messages are parsed in Go"). This file holds the status
// codes, the handler types and the small helpers (Error, Redirect, StripPrefix...).
package http

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// Common HTTP methods.
const (
	MethodGet     = "GET"
	MethodHead    = "HEAD"
	MethodPost    = "POST"
	MethodPut     = "PUT"
	MethodPatch   = "PATCH"
	MethodDelete  = "DELETE"
	MethodConnect = "CONNECT"
	MethodOptions = "OPTIONS"
	MethodTrace   = "TRACE"
)

// TimeFormat is the time format to use when generating times in HTTP headers.
const TimeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"

// DefaultMaxHeaderBytes is the maximum permitted size of the headers in an HTTP request.
const DefaultMaxHeaderBytes = 1 << 20

// Errors of the server and client, with Go's texts.
var (
	ErrBodyNotAllowed     = errors.New("http: request method or response status code does not allow body")
	ErrHijacked           = errors.New("http: connection has been hijacked")
	ErrContentLength      = errors.New("http: wrote more than the declared Content-Length")
	ErrWriteAfterFlush    = errors.New("unused")
	ErrServerClosed       = errors.New("http: Server closed")
	ErrHandlerTimeout     = errors.New("http: Handler timeout")
	ErrAbortHandler       = errors.New("net/http: abort Handler")
	ErrBodyReadAfterClose = errors.New("http: invalid Read on closed Body")
	ErrNoCookie           = errors.New("http: named cookie not present")
	ErrNoLocation         = errors.New("http: no Location header in response")
	ErrUseLastResponse    = errors.New("net/http: use last response")
	ErrMissingFile        = errors.New("http: no such file")
	ErrNotSupported       = &ProtocolError{"feature not supported"}
	ErrMissingBoundary    = &ProtocolError{"no multipart boundary param in Content-Type"}
	ErrNotMultipart       = &ProtocolError{"request Content-Type isn't multipart/form-data"}
	ErrLineTooLong        = errors.New("header line too long")
	ErrSchemeMismatch     = errors.New("http: server gave HTTP response to HTTPS client")
)

// ProtocolError represents an HTTP protocol error.
type ProtocolError struct {
	ErrorString string
}

func (pe *ProtocolError) Error() string { return pe.ErrorString }

// A Handler responds to an HTTP request.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// The HandlerFunc type is an adapter to allow the use of ordinary functions as handlers.
type HandlerFunc func(ResponseWriter, *Request)

// ServeHTTP calls f(w, r).
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// A ResponseWriter is used by an HTTP handler to construct an HTTP response.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// The Flusher interface is implemented by ResponseWriters that allow a handler to flush
// buffered data to the client.
type Flusher interface {
	Flush()
}

// Error replies to the request with the specified error message and HTTP code.
func Error(w ResponseWriter, error string, code int) {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	fmt.Fprintln(w, error)
}

// NotFound replies to the request with an HTTP 404 not found error.
func NotFound(w ResponseWriter, r *Request) { Error(w, "404 page not found", StatusNotFound) }

// NotFoundHandler returns a simple request handler that replies with 404.
func NotFoundHandler() Handler { return HandlerFunc(NotFound) }

// StripPrefix returns a handler that serves requests by removing the given prefix from
// the request URL's Path (and RawPath) and invoking h.
func StripPrefix(prefix string, h Handler) Handler {
	if prefix == "" {
		return h
	}
	return HandlerFunc(func(w ResponseWriter, r *Request) {
		p := strings.TrimPrefix(r.URL.Path, prefix)
		rp := strings.TrimPrefix(r.URL.RawPath, prefix)
		if len(p) < len(r.URL.Path) && (r.URL.RawPath == "" || len(rp) < len(r.URL.RawPath)) {
			r2 := new(Request)
			*r2 = *r
			r2.URL = new(url.URL)
			*r2.URL = *r.URL
			r2.URL.Path = p
			r2.URL.RawPath = rp
			h.ServeHTTP(w, r2)
		} else {
			NotFound(w, r)
		}
	})
}

// Redirect replies to the request with a redirect to url, which may be a path relative to
// the request path.
func Redirect(w ResponseWriter, r *Request, url string, code int) {
	if u, err := urlParse(url); err == nil && u.Scheme == "" && u.Host == "" {
		url = resolveRedirect(r.URL.Path, url)
	}
	h := w.Header()
	_, hadCT := h["Content-Type"]
	h.Set("Location", hexEscapeNonASCII(url))
	if !hadCT && (r.Method == "GET" || r.Method == "HEAD") {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	w.WriteHeader(code)
	if !hadCT && r.Method == "GET" {
		body := "<a href=\"" + htmlEscape(url) + "\">" + StatusText(code) + "</a>.\n"
		fmt.Fprintln(w, body)
	}
}

var urlParse = url.Parse

// resolveRedirect makes a relative redirect target absolute against the request's path.
func resolveRedirect(oldpath, target string) string {
	if oldpath == "" {
		oldpath = "/"
	}
	if target == "" || target[0] != '/' {
		olddir, _ := path.Split(oldpath)
		target = olddir + target
	}
	var query string
	if i := strings.Index(target, "?"); i != -1 {
		target, query = target[:i], target[i:]
	}
	trailing := strings.HasSuffix(target, "/")
	target = path.Clean(target)
	if trailing && !strings.HasSuffix(target, "/") {
		target += "/"
	}
	return target + query
}

var htmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func htmlEscape(s string) string { return htmlReplacer.Replace(s) }

func hexEscapeNonASCII(s string) string {
	newLen := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			newLen += 3
		} else {
			newLen++
		}
	}
	if newLen == len(s) {
		return s
	}
	b := make([]byte, 0, newLen)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			b = append(b, '%', "0123456789abcdef"[s[i]>>4], "0123456789abcdef"[s[i]&15])
		} else {
			b = append(b, s[i])
		}
	}
	return string(b)
}

type redirectHandler struct {
	url  string
	code int
}

func (rh *redirectHandler) ServeHTTP(w ResponseWriter, r *Request) { Redirect(w, r, rh.url, rh.code) }

// RedirectHandler returns a request handler that redirects each request it receives to
// the given url using the given status code.
func RedirectHandler(url string, code int) Handler { return &redirectHandler{url, code} }

// MaxBytesError is returned by MaxBytesReader when its read limit is exceeded.
type MaxBytesError struct {
	Limit int64
}

func (e *MaxBytesError) Error() string { return "http: request body too large" }

type maxBytesReader struct {
	w   ResponseWriter
	r   io.ReadCloser
	i   int64
	n   int64
	err error
}

// MaxBytesReader limits the size of incoming request bodies: a read past n bytes returns
// a *MaxBytesError and asks the server to close the connection.
func MaxBytesReader(w ResponseWriter, r io.ReadCloser, n int64) io.ReadCloser {
	if n < 0 {
		n = 0
	}
	return &maxBytesReader{w: w, r: r, i: n, n: n}
}

func (l *maxBytesReader) Read(p []byte) (n int, err error) {
	if l.err != nil {
		return 0, l.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if int64(len(p))-1 > l.n {
		p = p[:l.n+1]
	}
	n, err = l.r.Read(p)
	if int64(n) <= l.n {
		l.n -= int64(n)
		l.err = err
		return n, err
	}
	n = int(l.n)
	l.n = 0
	if c, ok := l.w.(interface{ requestTooLarge() }); ok {
		c.requestTooLarge()
	}
	l.err = &MaxBytesError{l.i}
	return n, l.err
}

func (l *maxBytesReader) Close() error { return l.r.Close() }
const (
	StatusContinue = 100
	StatusSwitchingProtocols = 101
	StatusProcessing = 102
	StatusEarlyHints = 103
	StatusOK = 200
	StatusCreated = 201
	StatusAccepted = 202
	StatusNonAuthoritativeInfo = 203
	StatusNoContent = 204
	StatusResetContent = 205
	StatusPartialContent = 206
	StatusMultiStatus = 207
	StatusAlreadyReported = 208
	StatusIMUsed = 226
	StatusMultipleChoices = 300
	StatusMovedPermanently = 301
	StatusFound = 302
	StatusSeeOther = 303
	StatusNotModified = 304
	StatusUseProxy = 305
	StatusTemporaryRedirect = 307
	StatusPermanentRedirect = 308
	StatusBadRequest = 400
	StatusUnauthorized = 401
	StatusPaymentRequired = 402
	StatusForbidden = 403
	StatusNotFound = 404
	StatusMethodNotAllowed = 405
	StatusNotAcceptable = 406
	StatusProxyAuthRequired = 407
	StatusRequestTimeout = 408
	StatusConflict = 409
	StatusGone = 410
	StatusLengthRequired = 411
	StatusPreconditionFailed = 412
	StatusRequestEntityTooLarge = 413
	StatusRequestURITooLong = 414
	StatusUnsupportedMediaType = 415
	StatusRequestedRangeNotSatisfiable = 416
	StatusExpectationFailed = 417
	StatusTeapot = 418
	StatusMisdirectedRequest = 421
	StatusUnprocessableEntity = 422
	StatusLocked = 423
	StatusFailedDependency = 424
	StatusTooEarly = 425
	StatusUpgradeRequired = 426
	StatusPreconditionRequired = 428
	StatusTooManyRequests = 429
	StatusRequestHeaderFieldsTooLarge = 431
	StatusUnavailableForLegalReasons = 451
	StatusInternalServerError = 500
	StatusNotImplemented = 501
	StatusBadGateway = 502
	StatusServiceUnavailable = 503
	StatusGatewayTimeout = 504
	StatusHTTPVersionNotSupported = 505
	StatusVariantAlsoNegotiates = 506
	StatusInsufficientStorage = 507
	StatusLoopDetected = 508
	StatusNotExtended = 510
	StatusNetworkAuthenticationRequired = 511
)

// StatusText returns a text for the HTTP status code, or "" if the code is unknown.
func StatusText(code int) string {
	switch code {
	case StatusContinue:
		return "Continue"
	case StatusSwitchingProtocols:
		return "Switching Protocols"
	case StatusProcessing:
		return "Processing"
	case StatusEarlyHints:
		return "Early Hints"
	case StatusOK:
		return "OK"
	case StatusCreated:
		return "Created"
	case StatusAccepted:
		return "Accepted"
	case StatusNonAuthoritativeInfo:
		return "Non-Authoritative Information"
	case StatusNoContent:
		return "No Content"
	case StatusResetContent:
		return "Reset Content"
	case StatusPartialContent:
		return "Partial Content"
	case StatusMultiStatus:
		return "Multi-Status"
	case StatusAlreadyReported:
		return "Already Reported"
	case StatusIMUsed:
		return "IM Used"
	case StatusMultipleChoices:
		return "Multiple Choices"
	case StatusMovedPermanently:
		return "Moved Permanently"
	case StatusFound:
		return "Found"
	case StatusSeeOther:
		return "See Other"
	case StatusNotModified:
		return "Not Modified"
	case StatusUseProxy:
		return "Use Proxy"
	case StatusTemporaryRedirect:
		return "Temporary Redirect"
	case StatusPermanentRedirect:
		return "Permanent Redirect"
	case StatusBadRequest:
		return "Bad Request"
	case StatusUnauthorized:
		return "Unauthorized"
	case StatusPaymentRequired:
		return "Payment Required"
	case StatusForbidden:
		return "Forbidden"
	case StatusNotFound:
		return "Not Found"
	case StatusMethodNotAllowed:
		return "Method Not Allowed"
	case StatusNotAcceptable:
		return "Not Acceptable"
	case StatusProxyAuthRequired:
		return "Proxy Authentication Required"
	case StatusRequestTimeout:
		return "Request Timeout"
	case StatusConflict:
		return "Conflict"
	case StatusGone:
		return "Gone"
	case StatusLengthRequired:
		return "Length Required"
	case StatusPreconditionFailed:
		return "Precondition Failed"
	case StatusRequestEntityTooLarge:
		return "Request Entity Too Large"
	case StatusRequestURITooLong:
		return "Request URI Too Long"
	case StatusUnsupportedMediaType:
		return "Unsupported Media Type"
	case StatusRequestedRangeNotSatisfiable:
		return "Requested Range Not Satisfiable"
	case StatusExpectationFailed:
		return "Expectation Failed"
	case StatusTeapot:
		return "I'm a teapot"
	case StatusMisdirectedRequest:
		return "Misdirected Request"
	case StatusUnprocessableEntity:
		return "Unprocessable Entity"
	case StatusLocked:
		return "Locked"
	case StatusFailedDependency:
		return "Failed Dependency"
	case StatusTooEarly:
		return "Too Early"
	case StatusUpgradeRequired:
		return "Upgrade Required"
	case StatusPreconditionRequired:
		return "Precondition Required"
	case StatusTooManyRequests:
		return "Too Many Requests"
	case StatusRequestHeaderFieldsTooLarge:
		return "Request Header Fields Too Large"
	case StatusUnavailableForLegalReasons:
		return "Unavailable For Legal Reasons"
	case StatusInternalServerError:
		return "Internal Server Error"
	case StatusNotImplemented:
		return "Not Implemented"
	case StatusBadGateway:
		return "Bad Gateway"
	case StatusServiceUnavailable:
		return "Service Unavailable"
	case StatusGatewayTimeout:
		return "Gateway Timeout"
	case StatusHTTPVersionNotSupported:
		return "HTTP Version Not Supported"
	case StatusVariantAlsoNegotiates:
		return "Variant Also Negotiates"
	case StatusInsufficientStorage:
		return "Insufficient Storage"
	case StatusLoopDetected:
		return "Loop Detected"
	case StatusNotExtended:
		return "Not Extended"
	case StatusNetworkAuthenticationRequired:
		return "Network Authentication Required"
	}
	return ""
}
