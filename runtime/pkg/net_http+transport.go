// The client's Transport (Go's transport.go, HTTP/1.1 only): connections dialled per
// host and kept alive in an idle pool once a response body has been read to its end;
// a request's context closes its connection when cancelled. https is refused.
package http

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Transport is an implementation of RoundTripper for HTTP/1.1 that keeps connections
// alive for reuse.
type Transport struct {
	Proxy                 func(*Request) (*url.URL, error)
	DialContext           func(ctx context.Context, network, addr string) (net.Conn, error)
	MaxIdleConns          int
	MaxIdleConnsPerHost   int
	MaxConnsPerHost       int
	IdleConnTimeout       time.Duration
	ResponseHeaderTimeout time.Duration
	TLSHandshakeTimeout   time.Duration
	ExpectContinueTimeout time.Duration
	DisableKeepAlives     bool
	DisableCompression    bool
	MaxResponseHeaderBytes int64

	mu   sync.Mutex
	idle map[string][]*persistConn // guarded by: mu
}

// DefaultMaxIdleConnsPerHost is the default value of Transport's MaxIdleConnsPerHost.
const DefaultMaxIdleConnsPerHost = 2

// DefaultTransport is the default implementation of Transport, used by DefaultClient.
var DefaultTransport RoundTripper = &Transport{MaxIdleConns: 100, IdleConnTimeout: 90 * time.Second,
	TLSHandshakeTimeout: 10 * time.Second, ExpectContinueTimeout: time.Second}

// ProxyFromEnvironment is accepted for compatibility; gol's Transport uses no proxy.
func ProxyFromEnvironment(req *Request) (*url.URL, error) { return nil, nil }

type persistConn struct {
	t    *Transport
	key  string
	conn net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
}

// CloseIdleConnections closes any connections that are idle in the pool.
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	idle := t.idle
	t.idle = nil
	t.mu.Unlock()
	for _, pcs := range idle {
		for _, pc := range pcs {
			pc.conn.Close()
		}
	}
}

func (t *Transport) getIdle(key string) *persistConn {
	t.mu.Lock()
	defer t.mu.Unlock()
	pcs := t.idle[key]
	if len(pcs) == 0 {
		return nil
	}
	pc := pcs[len(pcs)-1]
	t.idle[key] = pcs[:len(pcs)-1]
	return pc
}

func (t *Transport) putIdle(pc *persistConn) {
	max := t.MaxIdleConnsPerHost
	if max == 0 {
		max = DefaultMaxIdleConnsPerHost
	}
	t.mu.Lock()
	if t.DisableKeepAlives || len(t.idle[pc.key]) >= max {
		t.mu.Unlock()
		pc.conn.Close()
		return
	}
	if t.idle == nil {
		t.idle = make(map[string][]*persistConn)
	}
	t.idle[pc.key] = append(t.idle[pc.key], pc)
	t.mu.Unlock()
}

func (t *Transport) dial(ctx context.Context, key string) (*persistConn, error) {
	var conn net.Conn
	var err error
	if t.DialContext != nil {
		conn, err = t.DialContext(ctx, "tcp", key)
	} else {
		var d net.Dialer
		conn, err = d.DialContext(ctx, "tcp", key)
	}
	if err != nil {
		return nil, err
	}
	return &persistConn{t: t, key: key, conn: conn, br: bufio.NewReaderSize(conn, 4096),
		bw: bufio.NewWriterSize(conn, 4096)}, nil
}

// connKey returns "host:port" for the request's URL (port 80 by default).
func connKey(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "80"
	}
	return net.JoinHostPort(host, port)
}

// RoundTrip implements the RoundTripper interface: one request, one response, no
// redirects.
func (t *Transport) RoundTrip(req *Request) (*Response, error) {
	if req.URL == nil {
		req.closeBody()
		return nil, errors.New("http: nil Request.URL")
	}
	if req.Header == nil {
		req.closeBody()
		return nil, errors.New("http: nil Request.Header")
	}
	switch req.URL.Scheme {
	case "http":
	case "https":
		req.closeBody()
		return nil, errors.New("https is not supported: gol's net/http has no TLS")
	default:
		req.closeBody()
		return nil, badStringError("unsupported protocol scheme", req.URL.Scheme)
	}
	if req.URL.Host == "" {
		req.closeBody()
		return nil, errors.New("http: no Host in request URL")
	}
	ctx := req.Context()
	if err := ctx.Err(); err != nil {
		req.closeBody()
		return nil, err
	}
	key := connKey(req.URL)
	for attempt := 0; ; attempt++ {
		pc := t.getIdle(key)
		reused := pc != nil
		if pc == nil {
			var err error
			if pc, err = t.dial(ctx, key); err != nil {
				req.closeBody()
				return nil, err
			}
		}
		resp, err := pc.roundTrip(req)
		if err == nil {
			return resp, nil
		}
		// A kept-alive connection the server closed meanwhile: retry once on a new one
		// if nothing of the request could have been used (no body, or one we can get again).
		if reused && attempt == 0 && err == errServerClosedIdle && ctx.Err() == nil && (req.Body == nil || req.Body == NoBody || req.GetBody != nil) {
			if req.GetBody != nil && req.Body != nil && req.Body != NoBody {
				if req.Body, err = req.GetBody(); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err == errServerClosedIdle {
			err = io.EOF
		}
		return nil, err
	}
}

var errServerClosedIdle = errors.New("http: server closed idle connection")

// roundTrip writes req on the connection and reads the response head; the body reads
// from the connection, which goes back to the pool at its end.
func (pc *persistConn) roundTrip(req *Request) (*Response, error) {
	ctx := req.Context()
	stop := make(chan struct{})
	var stopOnce sync.Once
	release := func() { stopOnce.Do(func() { close(stop) }) }
	go func() {
		select {
		case <-ctx.Done():
			pc.conn.Close()
		case <-stop:
		}
	}()
	werr := req.writeTo(pc.bw, pc.t.DisableKeepAlives)
	if werr == nil {
		werr = pc.bw.Flush()
	}
	if werr != nil {
		release()
		pc.conn.Close()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, werr
	}
	resp, err := ReadResponse(pc.br, req)
	if err != nil {
		release()
		pc.conn.Close()
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			if _, ok := err.(net.Error); !ok && pc.br.Buffered() == 0 {
				return nil, errServerClosedIdle
			}
		}
		if strings.HasPrefix(err.Error(), "malformed") {
			return nil, errors.New("net/http: HTTP/1.x transport connection broken: " + err.Error())
		}
		return nil, err
	}
	reuse := !resp.Close && !req.Close && !pc.t.DisableKeepAlives
	cb := &clientBody{pc: pc, ctx: ctx, release: release, timeout: req.clientTimeout}
	if resp.Body == NoBody {
		cb.finish(reuse)
		return resp, nil
	}
	cb.body = resp.Body.(*body)
	cb.body.onEOF = func() { cb.finish(reuse) }
	resp.Body = cb
	return resp, nil
}

// writeTo writes the request as Request.Write does, asking for the connection's close
// when keep-alives are off.
func (r *Request) writeTo(w io.Writer, noKeepAlive bool) error {
	if noKeepAlive && !r.Close {
		r2 := *r
		r2.Close = true
		return r2.Write(w)
	}
	return r.Write(w)
}

// clientBody is a response body on a client connection: at its end the connection goes
// back to the pool; closed early, the connection is closed; read after the request's
// context is done, it reports the context's error.
type clientBody struct {
	body    *body
	pc      *persistConn
	ctx     context.Context
	release func()
	cancel  context.CancelFunc // Client.Timeout's context
	timeout bool
	once    sync.Once
}

func (cb *clientBody) finish(reuse bool) {
	cb.once.Do(func() {
		cb.release()
		if cb.cancel != nil {
			cb.cancel()
		}
		if reuse && cb.ctx.Err() == nil {
			cb.pc.t.putIdle(cb.pc)
		} else {
			cb.pc.conn.Close()
		}
	})
}

func (cb *clientBody) Read(p []byte) (int, error) {
	n, err := cb.body.Read(p)
	if err != nil && err != io.EOF {
		if cerr := cb.ctx.Err(); cerr != nil {
			if cb.timeout && cerr == context.DeadlineExceeded {
				return n, &timeoutError{"context deadline exceeded (Client.Timeout or context cancellation while reading body)"}
			}
			return n, cerr
		}
	}
	return n, err
}

func (cb *clientBody) Close() error {
	err := cb.body.Close()
	if !cb.body.complete() {
		cb.finish(false)
	}
	return err
}
