// The HTTP client (Go's client.go): Client with Timeout, redirects (CheckRedirect, at
// most 10) and Go's *url.Error wrapping; Get, Head, Post, PostForm and DefaultClient.
package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// A Client is an HTTP client; its zero value is a usable client that uses
// DefaultTransport.
type Client struct {
	Transport     RoundTripper
	CheckRedirect func(req *Request, via []*Request) error
	Jar           CookieJar
	Timeout       time.Duration
}

// CookieJar manages storage and use of cookies in HTTP requests (gol keeps none itself).
type CookieJar interface {
	SetCookies(u *url.URL, cookies []*Cookie)
	Cookies(u *url.URL) []*Cookie
}

// RoundTripper executes a single HTTP transaction.
type RoundTripper interface {
	RoundTrip(*Request) (*Response, error)
}

// DefaultClient is the default Client, used by Get, Head, and Post.
var DefaultClient = &Client{}

// Get issues a GET to the specified URL with DefaultClient.
func Get(url string) (resp *Response, err error) { return DefaultClient.Get(url) }

// Head issues a HEAD to the specified URL with DefaultClient.
func Head(url string) (resp *Response, err error) { return DefaultClient.Head(url) }

// Post issues a POST to the specified URL with DefaultClient.
func Post(url, contentType string, body io.Reader) (resp *Response, err error) {
	return DefaultClient.Post(url, contentType, body)
}

// PostForm issues a POST with data's keys and values URL-encoded as the request body.
func PostForm(url string, data url.Values) (resp *Response, err error) {
	return DefaultClient.PostForm(url, data)
}

// Get issues a GET to the specified URL, following redirects.
func (c *Client) Get(url string) (resp *Response, err error) {
	req, err := NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Head issues a HEAD to the specified URL, following redirects.
func (c *Client) Head(url string) (resp *Response, err error) {
	req, err := NewRequest("HEAD", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Post issues a POST to the specified URL with the given body and Content-Type.
func (c *Client) Post(url, contentType string, body io.Reader) (resp *Response, err error) {
	req, err := NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

// PostForm issues a POST with data URL-encoded as the request body.
func (c *Client) PostForm(url string, data url.Values) (resp *Response, err error) {
	return c.Post(url, "application/x-www-form-urlencoded", strings.NewReader(data.Encode()))
}

// CloseIdleConnections closes the idle connections of the client's Transport.
func (c *Client) CloseIdleConnections() {
	if t, ok := c.transport().(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

func (c *Client) transport() RoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return DefaultTransport
}

func urlErrorOp(method string) string {
	if method == "" {
		return "Get"
	}
	return method[:1] + strings.ToLower(method[1:])
}

// stripPassword hides a URL's password in error messages, as Go does.
func stripPassword(u *url.URL) string {
	if _, ok := u.User.Password(); ok && u.User != nil {
		return strings.Replace(u.String(), u.User.String()+"@", u.User.Username()+":***@", 1)
	}
	return u.String()
}

// Do sends an HTTP request and returns an HTTP response, following redirects as the
// client's CheckRedirect allows.
func (c *Client) Do(req *Request) (*Response, error) {
	if req.URL == nil {
		req.closeBody()
		return nil, &url.Error{Op: urlErrorOp(req.Method), Err: errors.New("http: nil Request.URL")}
	}
	var (
		deadline = c.deadline()
		reqs     []*Request
		resp     *Response
	)
	uerr := func(err error) error {
		if resp == nil {
			req.closeBody()
		}
		return &url.Error{Op: urlErrorOp(reqs[0].Method), URL: stripPassword(req.URL), Err: err}
	}
	for {
		if len(reqs) > 0 {
			next, err := c.redirectRequest(req, resp, reqs)
			if err == errStopRedirect {
				return resp, nil
			}
			if next == nil {
				return resp, err
			}
			if resp.ContentLength == -1 || resp.ContentLength <= 2<<10 {
				io.Copy(io.Discard, io.LimitReader(resp.Body, 2<<10))
			}
			resp.Body.Close()
			if err != nil {
				// Go 1 compatibility: the response and the error, with the Location as URL.
				ue := uerr(err).(*url.Error)
				ue.URL = resp.Header.Get("Location")
				return resp, ue
			}
			req = next
		}
		reqs = append(reqs, req)
		var err error
		if resp, err = c.send(req, deadline); err != nil {
			resp = nil
			return nil, uerr(err)
		}
		if !isRedirect(resp.StatusCode) || resp.Header.Get("Location") == "" {
			return resp, nil
		}
	}
}

var errStopRedirect = errors.New("stop")

func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// redirectRequest builds the request that follows resp, or returns (nil, nil) when the
// response is not to be followed (errStopRedirect: return it as it is).
func (c *Client) redirectRequest(req *Request, resp *Response, via []*Request) (*Request, error) {
	loc := resp.Header.Get("Location")
	u, err := req.URL.Parse(loc)
	if err != nil {
		resp.Body.Close()
		return nil, &url.Error{Op: urlErrorOp(via[0].Method), URL: stripPassword(req.URL),
			Err: fmt.Errorf("failed to parse Location header %q: %v", loc, err)}
	}
	method, body, getBody := req.Method, io.ReadCloser(nil), req.GetBody
	code := resp.StatusCode
	if code == 301 || code == 302 || code == 303 {
		if method != "GET" && method != "HEAD" {
			method = "GET"
		}
		getBody = nil
	} else if req.GetBody == nil && req.ContentLength != 0 {
		return nil, nil
	}
	if getBody != nil {
		if body, err = getBody(); err != nil {
			return nil, err
		}
	}
	host := ""
	if req.Host != "" && req.Host != req.URL.Host {
		if u2, _ := url.Parse(loc); u2 != nil && !u2.IsAbs() {
			host = req.Host
		}
	}
	next := &Request{Method: method, Response: resp, URL: u, Header: make(Header), Host: host,
		ctx: req.ctx, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Body: body,
		GetBody: getBody}
	if body != nil {
		next.ContentLength = req.ContentLength
	}
	for k, vv := range via[0].Header {
		if !(getBody == nil && (k == "Content-Type" || k == "Content-Length")) {
			next.Header[k] = vv
		}
	}
	if ref := refererForURL(via[len(via)-1].URL, next.URL); ref != "" {
		next.Header.Set("Referer", ref)
	}
	check := c.CheckRedirect
	if check == nil {
		check = defaultCheckRedirect
	}
	err = check(next, append(via, next))
	if err == ErrUseLastResponse {
		return nil, errStopRedirect
	}
	return next, err
}

func defaultCheckRedirect(req *Request, via []*Request) error {
	if len(via) > 10 {
		return errors.New("stopped after 10 redirects")
	}
	return nil
}

func refererForURL(lastReq, newReq *url.URL) string {
	if lastReq.Scheme == "https" && newReq.Scheme == "http" {
		return ""
	}
	referer := lastReq.String()
	if lastReq.User != nil {
		auth := lastReq.User.String() + "@"
		referer = strings.Replace(referer, auth, "", 1)
	}
	return referer
}

func (c *Client) deadline() time.Time {
	if c.Timeout > 0 {
		return time.Now().Add(c.Timeout)
	}
	return time.Time{}
}

func (r *Request) closeBody() {
	if r.Body != nil {
		r.Body.Close()
	}
}

// timeoutError is the error of a request cut short by Client.Timeout.
type timeoutError struct{ err string }

func (e *timeoutError) Error() string   { return e.err }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }
func (e *timeoutError) Is(err error) bool {
	return err == context.DeadlineExceeded
}

// send runs one request through the transport, under the client's deadline.
func (c *Client) send(req *Request, deadline time.Time) (*Response, error) {
	if req.Header == nil {
		req.Header = make(Header)
	}
	var cancel context.CancelFunc
	if !deadline.IsZero() {
		ctx, cf := context.WithDeadline(req.Context(), deadline)
		cancel = cf
		req = req.WithContext(ctx)
		req.clientTimeout = true
	}
	if c.Jar != nil {
		for _, cookie := range c.Jar.Cookies(req.URL) {
			req.AddCookie(cookie)
		}
	}
	resp, err := c.transport().RoundTrip(req)
	if err == nil && c.Jar != nil {
		if rc := resp.Cookies(); len(rc) > 0 {
			c.Jar.SetCookies(req.URL, rc)
		}
	}
	if err != nil {
		if cancel != nil {
			cancel()
			if errors.Is(err, context.DeadlineExceeded) || req.ctx.Err() == context.DeadlineExceeded {
				err = &timeoutError{"context deadline exceeded (Client.Timeout exceeded while awaiting headers)"}
			}
		}
		return nil, err
	}
	if resp == nil {
		return nil, fmt.Errorf("http: RoundTripper implementation (%T) returned a nil *Response with a nil error", c.transport())
	}
	if cancel != nil {
		if cb, ok := resp.Body.(*clientBody); ok {
			cb.cancel = cancel
		}
	}
	return resp, nil
}
