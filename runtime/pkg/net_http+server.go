// The HTTP/1.1 server (Go's server.go): Server with Serve, ListenAndServe, Shutdown and
// Close; one goroutine per connection serving requests in turn (keep-alive); the request
// context is cancelled when the handler returns or the client goes away (a background
// one-byte read while the handler runs, as Go's connReader does).
package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// A Server defines parameters for running an HTTP server. The zero value is valid.
type Server struct {
	Addr              string
	Handler           Handler
	ReadTimeout       time.Duration
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
	ErrorLog          *log.Logger
	BaseContext       func(net.Listener) context.Context
	ConnContext       func(ctx context.Context, c net.Conn) context.Context
	ConnState         func(net.Conn, ConnState)

	DisableGeneralOptionsHandler bool

	inShutdown atomic.Bool
	disableKA  atomic.Bool
	mu         sync.Mutex
	listeners  map[net.Listener]bool // guarded by: mu
	activeConn map[*conn]bool        // guarded by: mu
	onShutdown []func()              // guarded by: mu
	listenerWG sync.WaitGroup
}

// A ConnState represents the state of a client connection to a server.
type ConnState int

// The states of a connection, as ConnState hooks see them.
const (
	StateNew ConnState = iota
	StateActive
	StateIdle
	StateHijacked
	StateClosed
)

var stateName = []string{"new", "active", "idle", "hijacked", "closed"}

func (c ConnState) String() string { return stateName[c] }

// Context keys of the server, for use with context.WithValue.
var (
	ServerContextKey    = &contextKey{"http-server"}
	LocalAddrContextKey = &contextKey{"local-addr"}
)

type contextKey struct{ name string }

func (k *contextKey) String() string { return "net/http context value " + k.name }

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
	} else {
		log.Printf(format, args...)
	}
}

// ListenAndServe listens on the TCP network address srv.Addr (":http" if empty) and
// then calls Serve; it always returns a non-nil error (ErrServerClosed after Shutdown).
func (srv *Server) ListenAndServe() error {
	if srv.shuttingDown() {
		return ErrServerClosed
	}
	addr := srv.Addr
	if addr == "" {
		addr = ":http"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return srv.Serve(ln)
}

// ListenAndServe listens on the TCP network address addr and then calls Serve with
// handler (DefaultServeMux when nil).
func ListenAndServe(addr string, handler Handler) error {
	server := &Server{Addr: addr, Handler: handler}
	return server.ListenAndServe()
}

// Serve accepts incoming connections on the Listener l, creating a new service goroutine
// for each; it returns ErrServerClosed after Shutdown or Close.
func Serve(l net.Listener, handler Handler) error {
	srv := &Server{Handler: handler}
	return srv.Serve(l)
}

// ListenAndServeTLS is not supported: gol has no TLS.
func ListenAndServeTLS(addr, certFile, keyFile string, handler Handler) error {
	return errors.New("http: TLS is not supported by gol")
}

func (srv *Server) shuttingDown() bool { return srv.inShutdown.Load() }

// Serve accepts incoming connections on l and serves each on its own goroutine.
func (srv *Server) Serve(l net.Listener) error {
	l = &onceCloseListener{Listener: l}
	defer l.Close()
	if !srv.trackListener(l, true) {
		return ErrServerClosed
	}
	defer srv.trackListener(l, false)
	baseCtx := context.Background()
	if srv.BaseContext != nil {
		baseCtx = srv.BaseContext(l)
		if baseCtx == nil {
			panic("BaseContext returned a nil context")
		}
	}
	var tempDelay time.Duration
	ctx := context.WithValue(baseCtx, ServerContextKey, srv)
	for {
		rw, err := l.Accept()
		if err != nil {
			if srv.shuttingDown() {
				return ErrServerClosed
			}
			if ne, ok := err.(net.Error); ok && ne.Temporary() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else if tempDelay *= 2; tempDelay > time.Second {
					tempDelay = time.Second
				}
				srv.logf("http: Accept error: %v; retrying in %v", err, tempDelay)
				time.Sleep(tempDelay)
				continue
			}
			return err
		}
		connCtx := ctx
		if cc := srv.ConnContext; cc != nil {
			connCtx = cc(connCtx, rw)
			if connCtx == nil {
				panic("ConnContext returned nil")
			}
		}
		tempDelay = 0
		c := &conn{server: srv, rwc: rw, remoteAddr: rw.RemoteAddr().String()}
		c.setState(StateNew)
		go c.serve(connCtx)
	}
}

func (s *Server) trackListener(ln net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners == nil {
		s.listeners = make(map[net.Listener]bool)
	}
	if add {
		if s.shuttingDown() {
			return false
		}
		s.listeners[ln] = true
		s.listenerWG.Add(1)
	} else {
		delete(s.listeners, ln)
		s.listenerWG.Done()
	}
	return true
}

func (s *Server) trackConn(c *conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.activeConn == nil {
		s.activeConn = make(map[*conn]bool)
	}
	if add {
		s.activeConn[c] = true
	} else {
		delete(s.activeConn, c)
	}
}

func (s *Server) closeListenersLocked() error {
	var err error
	for ln := range s.listeners {
		if cerr := ln.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	return err
}

// Close immediately closes all active listeners and connections.
func (srv *Server) Close() error {
	srv.inShutdown.Store(true)
	srv.mu.Lock()
	defer srv.mu.Unlock()
	err := srv.closeListenersLocked()
	srv.mu.Unlock()
	srv.listenerWG.Wait()
	srv.mu.Lock()
	for c := range srv.activeConn {
		c.rwc.Close()
		delete(srv.activeConn, c)
	}
	return err
}

// RegisterOnShutdown registers a function to call on Shutdown.
func (srv *Server) RegisterOnShutdown(f func()) {
	srv.mu.Lock()
	srv.onShutdown = append(srv.onShutdown, f)
	srv.mu.Unlock()
}

// Shutdown gracefully shuts down the server: it closes the listeners, then idle
// connections, and waits for active ones to become idle, or for ctx to be done.
func (srv *Server) Shutdown(ctx context.Context) error {
	srv.inShutdown.Store(true)
	srv.mu.Lock()
	lnerr := srv.closeListenersLocked()
	for _, f := range srv.onShutdown {
		go f()
	}
	srv.mu.Unlock()
	srv.listenerWG.Wait()
	pollIntervalBase := time.Millisecond
	nextPollInterval := func() time.Duration {
		interval := pollIntervalBase + time.Duration(pollIntervalBase/10)
		pollIntervalBase *= 2
		if pollIntervalBase > 500*time.Millisecond {
			pollIntervalBase = 500 * time.Millisecond
		}
		return interval
	}
	timer := time.NewTimer(nextPollInterval())
	defer timer.Stop()
	for {
		if srv.closeIdleConns() {
			return lnerr
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			timer.Reset(nextPollInterval())
		}
	}
}

// closeIdleConns closes the idle connections and reports whether all are closed.
func (s *Server) closeIdleConns() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	quiescent := true
	for c := range s.activeConn {
		st := c.getState()
		if st == StateNew && time.Since(c.stateTime) > 5*time.Second {
			st = StateIdle
		}
		if st != StateIdle {
			quiescent = false
			continue
		}
		c.rwc.Close()
		delete(s.activeConn, c)
	}
	return quiescent
}

// SetKeepAlivesEnabled controls whether HTTP keep-alives are enabled (by default they
// are).
func (srv *Server) SetKeepAlivesEnabled(v bool) {
	srv.disableKA.Store(!v)
	if !v {
		srv.closeIdleConns()
	}
}

func (s *Server) doKeepAlives() bool { return !s.disableKA.Load() && !s.shuttingDown() }

func (s *Server) maxHeaderBytes() int64 {
	if s.MaxHeaderBytes > 0 {
		return int64(s.MaxHeaderBytes) + 4096
	}
	return DefaultMaxHeaderBytes + 4096
}

type onceCloseListener struct {
	net.Listener
	once     sync.Once
	closeErr error
}

func (oc *onceCloseListener) Close() error {
	oc.once.Do(func() { oc.closeErr = oc.Listener.Close() })
	return oc.closeErr
}

// conn is the server side of one HTTP connection.
type conn struct {
	server     *Server
	rwc        net.Conn
	remoteAddr string
	r          *connReader
	bufr       *bufio.Reader
	bufw       *bufio.Writer
	resw       *bufio.Writer // the response body buffer, reused for each request
	cancelCtx  context.CancelFunc
	werr       error // the first write error on rwc

	stateMu   sync.Mutex
	state     ConnState // guarded by: stateMu
	stateTime time.Time // guarded by: stateMu
}

func (c *conn) setState(state ConnState) {
	srv := c.server
	switch state {
	case StateNew:
		srv.trackConn(c, true)
	case StateHijacked, StateClosed:
		srv.trackConn(c, false)
	}
	c.stateMu.Lock()
	c.state, c.stateTime = state, time.Now()
	c.stateMu.Unlock()
	if hook := srv.ConnState; hook != nil {
		hook(c.rwc, state)
	}
}

func (c *conn) getState() ConnState {
	c.stateMu.Lock()
	defer c.stateMu.Unlock()
	return c.state
}

// checkConnErrorWriter records the first write error of the connection (then the
// request context is cancelled and the connection not reused).
type checkConnErrorWriter struct{ c *conn }

func (w checkConnErrorWriter) Write(p []byte) (n int, err error) {
	n, err = w.c.rwc.Write(p)
	if err != nil && w.c.werr == nil {
		w.c.werr = err
		w.c.cancelCtx()
	}
	return
}

const errorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

func (c *conn) serve(ctx context.Context) {
	ctx = context.WithValue(ctx, LocalAddrContextKey, c.rwc.LocalAddr())
	defer func() {
		if err := recover(); err != nil && err != ErrAbortHandler {
			c.server.logf("http: panic serving %v: %v", c.remoteAddr, err)
		}
		c.rwc.Close()
		c.setState(StateClosed)
	}()
	ctx, cancelCtx := context.WithCancel(ctx)
	c.cancelCtx = cancelCtx
	defer cancelCtx()
	c.r = &connReader{conn: c}
	c.r.cond = sync.NewCond(&c.r.mu)
	c.bufr = bufio.NewReaderSize(c.r, 4096)
	c.bufw = bufio.NewWriterSize(checkConnErrorWriter{c}, 4096)
	for {
		w, err := c.readRequest(ctx)
		if c.r.remain != c.server.maxHeaderBytes() {
			c.setState(StateActive)
		}
		if err != nil {
			c.replyError(err)
			return
		}
		req := w.req
		if req.ContentLength != 0 || req.TransferEncoding != nil {
			if b, ok := req.Body.(*body); ok {
				b.onEOF = c.r.startBackgroundRead
			}
		} else {
			c.r.startBackgroundRead()
		}
		c.serveOne(w)
		w.cancelCtx()
		if !w.shouldReuseConnection() {
			if w.requestBodyLimitHit || w.closedRequestBodyEarly() {
				c.closeWriteAndWait()
			}
			return
		}
		c.setState(StateIdle)
		if !w.conn.server.doKeepAlives() {
			return
		}
		if d := c.server.idleTimeout(); d != 0 {
			c.rwc.SetReadDeadline(time.Now().Add(d))
		} else {
			c.rwc.SetReadDeadline(time.Time{})
		}
		if _, err := c.bufr.Peek(4); err != nil {
			return
		}
	}
}

// serveOne runs the handler for one request and finishes its response, recovering a
// handler's panic as Go does (logged; the connection is closed).
func (c *conn) serveOne(w *response) {
	var h Handler = c.server.Handler
	if h == nil {
		h = DefaultServeMux
	}
	if w.req.RequestURI == "*" && w.req.Method == "OPTIONS" && !c.server.DisableGeneralOptionsHandler {
		h = globalOptionsHandler{}
	}
	h.ServeHTTP(w, w.req)
	w.finishRequest()
}

type globalOptionsHandler struct{}

func (globalOptionsHandler) ServeHTTP(w ResponseWriter, r *Request) {
	w.Header().Set("Content-Length", "0")
	if r.ContentLength != 0 {
		io.Copy(io.Discard, io.LimitReader(r.Body, 256<<10))
	}
}

func (s *Server) idleTimeout() time.Duration {
	if s.IdleTimeout != 0 {
		return s.IdleTimeout
	}
	return s.ReadTimeout
}

// replyError answers a request that could not be read, as Go does: nothing for a
// closed or timed-out connection, 431, 501 or 400 otherwise.
func (c *conn) replyError(err error) {
	if err == io.EOF {
		return
	}
	if oe, ok := err.(*net.OpError); ok && oe.Op == "read" {
		return
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return
	}
	if errors.Is(err, net.ErrClosed) {
		return
	}
	if err == errHeaderTooLarge {
		const publicErr = "431 Request Header Fields Too Large"
		fmt.Fprintf(c.rwc, "HTTP/1.1 "+publicErr+errorHeaders+publicErr)
		c.closeWriteAndWait()
		return
	}
	if _, ok := err.(*unsupportedTEError); ok {
		const publicErr = "501 Not Implemented"
		fmt.Fprintf(c.rwc, "HTTP/1.1 "+publicErr+errorHeaders+"Unsupported transfer encoding")
		return
	}
	publicErr := "400 Bad Request"
	if v, ok := err.(badRequestError); ok {
		publicErr = publicErr + ": " + string(v)
	}
	fmt.Fprintf(c.rwc, "HTTP/1.1 "+publicErr+errorHeaders+publicErr)
}

type badRequestError string

func (e badRequestError) Error() string { return "Bad Request: " + string(e) }

// closeWriteAndWait flushes any outstanding data and half-closes the connection, giving
// the client a moment to read the reply before the close.
func (c *conn) closeWriteAndWait() {
	c.bufw.Flush()
	if tcp, ok := c.rwc.(interface{ CloseWrite() error }); ok {
		tcp.CloseWrite()
	}
	time.Sleep(500 * time.Millisecond)
}

// readRequest reads the next request and prepares its response.
func (c *conn) readRequest(ctx context.Context) (w *response, err error) {
	var hdrDeadline, wholeReqDeadline time.Time
	t0 := time.Now()
	if d := c.server.ReadHeaderTimeout; d > 0 {
		hdrDeadline = t0.Add(d)
	} else if d := c.server.ReadTimeout; d > 0 {
		hdrDeadline = t0.Add(d)
	}
	if d := c.server.ReadTimeout; d > 0 {
		wholeReqDeadline = t0.Add(d)
	}
	c.rwc.SetReadDeadline(hdrDeadline)
	if d := c.server.WriteTimeout; d > 0 {
		defer func() { c.rwc.SetWriteDeadline(time.Now().Add(d)) }()
	}
	c.r.remain = c.server.maxHeaderBytes()
	req, err := readRequest(c.bufr, &c.r.remain)
	if err != nil {
		return nil, err
	}
	hosts, haveHost := req.Header["Host"]
	if req.ProtoAtLeast(1, 1) && (!haveHost || len(hosts) == 0) && req.Method != "CONNECT" {
		return nil, badRequestError("missing required Host header")
	}
	delete(req.Header, "Host")
	if !hdrDeadline.Equal(wholeReqDeadline) {
		c.rwc.SetReadDeadline(wholeReqDeadline)
	}
	ctx, cancelCtx := context.WithCancel(ctx)
	req.ctx = ctx
	req.RemoteAddr = c.remoteAddr
	w = &response{conn: c, cancelCtx: cancelCtx, req: req, reqBody: req.Body,
		handlerHeader: make(Header), contentLength: -1}
	w.wants10KeepAlive = req.ProtoMajor == 1 && req.ProtoMinor == 0 && headerHasToken(req.Header["Connection"], "keep-alive")
	w.wantsClose = req.Close
	w.cw.res = w
	if c.resw == nil {
		c.resw = bufio.NewWriterSize(&w.cw, 2048)
	} else {
		c.resw.Reset(&w.cw)
	}
	w.w = c.resw
	return w, nil
}

// connReader reads from the connection for the bufio.Reader; while a handler runs it
// may instead have a background read pending, whose byte is kept for the next Read.
type connReader struct {
	conn    *conn
	mu      sync.Mutex
	hasByte bool    // guarded by: mu
	byteBuf [1]byte // guarded by: mu
	cond    *sync.Cond
	inRead  bool  // guarded by: mu
	aborted bool  // guarded by: mu
	remain  int64 // header bytes left (owned by the connection's goroutine)
}

func (cr *connReader) Read(p []byte) (int, error) {
	cr.mu.Lock()
	if cr.inRead {
		cr.mu.Unlock()
		panic("invalid concurrent Body.Read call")
	}
	if len(p) == 0 {
		cr.mu.Unlock()
		return 0, nil
	}
	if cr.hasByte {
		p[0] = cr.byteBuf[0]
		cr.hasByte = false
		cr.mu.Unlock()
		return 1, nil
	}
	cr.inRead = true
	cr.mu.Unlock()
	n, err := cr.conn.rwc.Read(p)
	cr.mu.Lock()
	cr.inRead = false
	if err != nil {
		cr.conn.cancelCtx()
	}
	cr.mu.Unlock()
	cr.cond.Broadcast()
	return n, err
}

func (cr *connReader) startBackgroundRead() {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.inRead || cr.hasByte {
		return
	}
	cr.inRead = true
	cr.conn.rwc.SetReadDeadline(time.Time{})
	go cr.backgroundRead()
}

func (cr *connReader) backgroundRead() {
	var buf [1]byte
	n, err := cr.conn.rwc.Read(buf[:])
	cr.mu.Lock()
	if n == 1 {
		cr.hasByte = true
		cr.byteBuf[0] = buf[0]
	}
	if ne, ok := err.(net.Error); ok && cr.aborted && ne.Timeout() {
		// Our own abortPendingRead: the client is still there.
	} else if err != nil {
		cr.conn.cancelCtx()
	}
	cr.aborted = false
	cr.inRead = false
	cr.mu.Unlock()
	cr.cond.Broadcast()
}

var aLongTimeAgo = time.Unix(1, 0)

func (cr *connReader) abortPendingRead() {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if !cr.inRead {
		return
	}
	cr.aborted = true
	cr.conn.rwc.SetReadDeadline(aLongTimeAgo)
	for cr.inRead {
		cr.cond.Wait()
	}
	cr.conn.rwc.SetReadDeadline(time.Time{})
}
