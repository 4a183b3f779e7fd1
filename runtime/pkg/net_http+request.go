// net/http's Request: construction (NewRequest*), context, forms (url-encoded only), path
// values of ServeMux patterns, basic auth, and the wire forms: ReadRequest parses a request
// head and frames its body; Request.Write sends one as the client does.
package http

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// A Request represents an HTTP request received by a server or to be sent by a client.
type Request struct {
	Method           string
	URL              *url.URL
	Proto            string
	ProtoMajor       int
	ProtoMinor       int
	Header           Header
	Body             io.ReadCloser
	GetBody          func() (io.ReadCloser, error)
	ContentLength    int64
	TransferEncoding []string
	Close            bool
	Host             string
	Form             url.Values
	PostForm         url.Values
	Trailer          Header
	RemoteAddr       string
	RequestURI       string
	Cancel           <-chan struct{}
	Response         *Response
	Pattern          string

	ctx           context.Context
	clientTimeout bool // ctx carries a Client.Timeout deadline
	pat           *pattern
	matches     []string
	otherValues map[string]string
}

// Context returns the request's context, context.Background() if none was set.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// WithContext returns a shallow copy of r with its context changed to ctx.
func (r *Request) WithContext(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	return r2
}

// Clone returns a deep copy of r with its context changed to ctx (the body is shared).
func (r *Request) Clone(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	if r.URL != nil {
		u := *r.URL
		r2.URL = &u
	}
	r2.Header = r.Header.Clone()
	r2.Trailer = r.Trailer.Clone()
	if r.TransferEncoding != nil {
		r2.TransferEncoding = append([]string(nil), r.TransferEncoding...)
	}
	r2.Form = cloneValues(r.Form)
	r2.PostForm = cloneValues(r.PostForm)
	if r.otherValues != nil {
		r2.otherValues = make(map[string]string, len(r.otherValues))
		for k, v := range r.otherValues {
			r2.otherValues[k] = v
		}
	}
	return r2
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	return url.Values(Header(v).Clone())
}

// ProtoAtLeast reports whether the HTTP protocol used in the request is at least
// major.minor.
func (r *Request) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

// UserAgent returns the client's User-Agent, if sent in the request.
func (r *Request) UserAgent() string { return r.Header.Get("User-Agent") }

// Referer returns the referring URL, if sent in the request.
func (r *Request) Referer() string { return r.Header.Get("Referer") }

// NewRequest wraps NewRequestWithContext using context.Background.
func NewRequest(method, url string, body io.Reader) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, body)
}

// NewRequestWithContext returns a new Request given a method, URL, and optional body. A
// *bytes.Buffer, *bytes.Reader or *strings.Reader body sets ContentLength and GetBody.
func NewRequestWithContext(ctx context.Context, method, urlStr string, body io.Reader) (*Request, error) {
	if method == "" {
		method = "GET"
	}
	if !validMethod(method) {
		return nil, fmt.Errorf("net/http: invalid method %q", method)
	}
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	u, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	u.Host = removeEmptyPort(u.Host)
	req := &Request{ctx: ctx, Method: method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1,
		ProtoMinor: 1, Header: make(Header), Body: rc, Host: u.Host}
	if body != nil {
		setBodyLength(req, body)
	}
	return req, nil
}

func setBodyLength(req *Request, body io.Reader) {
	switch v := body.(type) {
	case *bytes.Buffer:
		req.ContentLength = int64(v.Len())
		buf := v.Bytes()
		req.GetBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(buf)), nil
		}
	case *bytes.Reader:
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			r := snapshot
			return io.NopCloser(&r), nil
		}
	case *strings.Reader:
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			r := snapshot
			return io.NopCloser(&r), nil
		}
	}
	if req.GetBody != nil && req.ContentLength == 0 {
		req.Body = NoBody
		req.GetBody = func() (io.ReadCloser, error) { return NoBody, nil }
	}
}

// removeEmptyPort strips the empty port in "host:".
func removeEmptyPort(host string) string {
	if strings.HasSuffix(host, ":") && strings.Count(host, ":") == 1 {
		return strings.TrimSuffix(host, ":")
	}
	return host
}

func validMethod(method string) bool {
	return len(method) > 0 && validFieldName(method)
}

// ParseHTTPVersion parses an HTTP version string: "HTTP/1.0" returns (1, 0, true).
func ParseHTTPVersion(vers string) (major, minor int, ok bool) {
	switch vers {
	case "HTTP/1.1":
		return 1, 1, true
	case "HTTP/1.0":
		return 1, 0, true
	}
	if !strings.HasPrefix(vers, "HTTP/") || len(vers) != len("HTTP/X.Y") || vers[6] != '.' {
		return 0, 0, false
	}
	maj, err := strconv.ParseUint(vers[5:6], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	min, err := strconv.ParseUint(vers[7:8], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	return int(maj), int(min), true
}

// PathValue returns the value for the named path wildcard of the ServeMux pattern that
// matched the request, or "".
func (r *Request) PathValue(name string) string {
	if i := r.patIndex(name); i >= 0 {
		return r.matches[i]
	}
	return r.otherValues[name]
}

// SetPathValue sets name to value, so that later PathValue(name) returns value.
func (r *Request) SetPathValue(name, value string) {
	if i := r.patIndex(name); i >= 0 {
		r.matches[i] = value
	} else {
		if r.otherValues == nil {
			r.otherValues = map[string]string{}
		}
		r.otherValues[name] = value
	}
}

func (r *Request) patIndex(name string) int {
	if r.pat == nil {
		return -1
	}
	i := 0
	for _, seg := range r.pat.segments {
		if seg.wild && seg.s != "" {
			if name == seg.s {
				return i
			}
			i++
		}
	}
	return -1
}

// ParseForm populates r.Form and r.PostForm: the URL's query and, for POST, PUT and
// PATCH, an application/x-www-form-urlencoded body (post values first in Form).
func (r *Request) ParseForm() error {
	var err error
	if r.PostForm == nil {
		if r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH" {
			r.PostForm, err = parsePostForm(r)
		}
		if r.PostForm == nil {
			r.PostForm = make(url.Values)
		}
	}
	if r.Form == nil {
		if len(r.PostForm) > 0 {
			r.Form = make(url.Values)
			copyValues(r.Form, r.PostForm)
		}
		var newValues url.Values
		if r.URL != nil {
			var e error
			newValues, e = url.ParseQuery(r.URL.RawQuery)
			if err == nil {
				err = e
			}
		}
		if newValues == nil {
			newValues = make(url.Values)
		}
		if r.Form == nil {
			r.Form = newValues
		} else {
			copyValues(r.Form, newValues)
		}
	}
	return err
}

func copyValues(dst, src url.Values) {
	for k, vs := range src {
		dst[k] = append(dst[k], vs...)
	}
}

// mediaType returns the lower-cased media type of a Content-Type value, without
// parameters.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

func parsePostForm(r *Request) (vs url.Values, err error) {
	if r.Body == nil {
		return nil, errors.New("missing form body")
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/octet-stream"
	}
	switch mediaType(ct) {
	case "application/x-www-form-urlencoded":
		var reader io.Reader = r.Body
		maxFormSize := int64(10 << 20)
		if _, ok := r.Body.(*maxBytesReader); !ok {
			reader = io.LimitReader(r.Body, maxFormSize+1)
		}
		b, e := io.ReadAll(reader)
		if e != nil {
			return nil, e
		}
		if int64(len(b)) > maxFormSize {
			return nil, errors.New("http: POST too large")
		}
		vs, err = url.ParseQuery(string(b))
	case "multipart/form-data":
		// Handled by ParseMultipartForm in Go; gol has no mime/multipart.
	}
	return
}

// FormValue returns the first value for the named component of the query or of the
// form body (body values first), calling ParseForm if necessary.
func (r *Request) FormValue(key string) string {
	if r.Form == nil {
		r.ParseForm()
	}
	if vs := r.Form[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// PostFormValue returns the first value for the named component of the POST, PUT or
// PATCH request body.
func (r *Request) PostFormValue(key string) string {
	if r.PostForm == nil {
		r.ParseForm()
	}
	if vs := r.PostForm[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// BasicAuth returns the username and password of the request's Basic Authorization
// header.
func (r *Request) BasicAuth() (username, password string, ok bool) {
	auth := r.Header.Get("Authorization")
	if len(auth) < 6 || !strings.EqualFold(auth[:6], "Basic ") {
		return "", "", false
	}
	c, err := base64.StdEncoding.DecodeString(auth[6:])
	if err != nil {
		return "", "", false
	}
	username, password, ok = strings.Cut(string(c), ":")
	if !ok {
		return "", "", false
	}
	return username, password, true
}

// SetBasicAuth sets the request's Authorization header to use HTTP Basic Authentication.
func (r *Request) SetBasicAuth(username, password string) {
	r.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(username+":"+password)))
}

func badStringError(what, val string) error { return fmt.Errorf("%s %q", what, val) }

// ReadRequest reads and parses an incoming request from b.
func ReadRequest(b *bufio.Reader) (*Request, error) {
	req, err := readRequest(b, nil)
	if err != nil {
		return nil, err
	}
	delete(req.Header, "Host")
	return req, nil
}

func readRequest(b *bufio.Reader, limit *int64) (req *Request, err error) {
	s, err := readLine(b, limit)
	if err != nil {
		return nil, err
	}
	req = new(Request)
	var ok bool
	req.Method, req.RequestURI, req.Proto, ok = parseRequestLine(s)
	if !ok {
		return nil, badStringError("malformed HTTP request", s)
	}
	if !validMethod(req.Method) {
		return nil, badStringError("invalid method", req.Method)
	}
	rawurl := req.RequestURI
	if req.ProtoMajor, req.ProtoMinor, ok = ParseHTTPVersion(req.Proto); !ok {
		return nil, badStringError("malformed HTTP version", req.Proto)
	}
	if req.URL, err = url.ParseRequestURI(rawurl); err != nil {
		return nil, err
	}
	if req.Header, err = readHeader(b, limit); err != nil {
		return nil, err
	}
	if len(req.Header["Host"]) > 1 {
		return nil, errors.New("too many Host headers")
	}
	req.Host = req.URL.Host
	if req.Host == "" {
		req.Host = req.Header.Get("Host")
	}
	req.Close = shouldClose(req.ProtoMajor, req.ProtoMinor, req.Header)
	if err = readRequestBody(req, b); err != nil {
		return nil, err
	}
	return req, nil
}

func parseRequestLine(line string) (method, requestURI, proto string, ok bool) {
	method, rest, ok1 := strings.Cut(line, " ")
	requestURI, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return "", "", "", false
	}
	return method, requestURI, proto, true
}

// shouldClose reports whether the message asks for the connection to close after it.
func shouldClose(major, minor int, h Header) bool {
	if major < 1 {
		return true
	}
	conv := h["Connection"]
	hasClose := headerHasToken(conv, "close")
	if major == 1 && minor == 0 {
		return hasClose || !headerHasToken(conv, "keep-alive")
	}
	if hasClose {
		delete(h, "Connection")
	}
	return hasClose
}

func headerHasToken(vs []string, token string) bool {
	for _, v := range vs {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), token) {
				return true
			}
		}
	}
	return false
}

// Write writes an HTTP/1.1 request (header and body) in wire format, as the client sends
// it.
func (r *Request) Write(w io.Writer) error {
	host := r.Host
	if host == "" {
		if r.URL == nil {
			return errors.New("http: Request.Write on Request with no Host or URL set")
		}
		host = r.URL.Host
	}
	ruri := r.URL.RequestURI()
	if r.Method == "CONNECT" && r.URL.Path == "" {
		ruri = host
	}
	method := r.Method
	if method == "" {
		method = "GET"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, ruri, removeZone(host))
	ua := "Go-http-client/1.1"
	if _, ok := r.Header["User-Agent"]; ok {
		ua = r.Header.Get("User-Agent")
	}
	if ua != "" {
		fmt.Fprintf(&b, "User-Agent: %s\r\n", headerNewlineToSpace.Replace(ua))
	}
	body, chunked := r.outgoingLength()
	if chunked {
		b.WriteString("Transfer-Encoding: chunked\r\n")
	} else if body > 0 || body == 0 && r.Body != nil && r.Body != NoBody || r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH" {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", body)
	}
	if r.Close && !headerHasToken(r.Header["Connection"], "close") {
		b.WriteString("Connection: close\r\n")
	}
	r.Header.writeSubset(&b, reqWriteExcludeHeader)
	b.WriteString("\r\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return writeBody(w, r.Body, body, chunked)
}

var reqWriteExcludeHeader = map[string]bool{"Host": true, "User-Agent": true,
	"Content-Length": true, "Transfer-Encoding": true, "Trailer": true}

// outgoingLength returns the length to announce for r's body and whether it is sent
// chunked (a body of unknown length).
func (r *Request) outgoingLength() (int64, bool) {
	if r.Body == nil || r.Body == NoBody {
		return 0, false
	}
	if r.ContentLength != 0 {
		return r.ContentLength, r.ContentLength < 0
	}
	return -1, true
}

func removeZone(host string) string {
	if !strings.HasPrefix(host, "[") {
		return host
	}
	i := strings.LastIndex(host, "]")
	if i < 0 {
		return host
	}
	j := strings.LastIndex(host[:i], "%")
	if j < 0 {
		return host
	}
	return host[:j] + host[i:]
}
