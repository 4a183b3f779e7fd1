// Package net: TCP and UDP over IPv4 and IPv6 on gol's network poller (runtime/netpoll.c),
// with Go's API, error types and texts. This file: the interfaces, the errors and netFD,
// a socket whose blocking operations park the goroutine ("IO wait") until the poller
// readies it. net+ip.go: IP and addresses; net+tcp.go: Listen, Dial, TCPConn; net+udp.go:
// UDPConn; net+lookup.go: resolving. Natives: runtime/pkg/net.c.
package net

import (
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
	"time"
)

// A pollDesc is the runtime's descriptor of one socket (never dereferenced in Go).
type pollDesc struct{}

func sysSocket(family, sotype int, listener bool) (pd *pollDesc, errno int)
func sysBind(pd *pollDesc, family int, ip string, port int) int
func sysListen(pd *pollDesc, backlog int) int
func sysConnect(pd *pollDesc, family int, ip string, port int) int
func sysConnectResult(pd *pollDesc) int
func sysAccept(pd *pollDesc) (npd *pollDesc, family int, ip string, port int, errno int)
func sysRead(pd *pollDesc, p []byte) (n int, errno int)
func sysWrite(pd *pollDesc, p []byte, off int) (n int, errno int)
func sysRecvFrom(pd *pollDesc, p []byte) (n int, family int, ip string, port int, errno int)
func sysSendTo(pd *pollDesc, p []byte, family int, ip string, port int) (n int, errno int)
func pollWait(pd *pollDesc, mode int)
func sysClose(pd *pollDesc) bool
func setDeadline(pd *pollDesc, mode int, ns int64) bool
func sockName(pd *pollDesc, peer bool) (family int, ip string, port int)
func sysShutdown(pd *pollDesc, how int) int
func setsockoptInt(pd *pollDesc, level, opt, v int) int
func lookupIP(host string) (ips []string, errno int)

const (
	afINET     = 2
	afINET6    = 10
	sockSTREAM = 1
	sockDGRAM  = 2
	eAGAIN     = 11
	eINPROG    = 115
	pollClosed = -1 // netpoll's codes in place of an errno
	pollTimout = -2
)

// Addr represents a network end point address.
type Addr interface {
	Network() string // name of the network (for example, "tcp", "udp")
	String() string  // string form of address (for example, "192.0.2.1:25", "[2001:db8::1]:80")
}

// Conn is a generic stream-oriented network connection.
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// PacketConn is a generic packet-oriented network connection.
type PacketConn interface {
	ReadFrom(p []byte) (n int, addr Addr, err error)
	WriteTo(p []byte, addr Addr) (n int, err error)
	Close() error
	LocalAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// A Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// An Error represents a network error.
type Error interface {
	error
	Timeout() bool   // Is the error a timeout?
	Temporary() bool // Deprecated: Temporary errors are not well-defined.
}

type timeout interface{ Timeout() bool }
type temporary interface{ Temporary() bool }

// ErrClosed is the error returned by an I/O call on a network connection that has already
// been closed, or that is closed by another goroutine before the I/O is completed.
var ErrClosed error = errNetClosing{}

type errNetClosing struct{}

func (e errNetClosing) Error() string   { return "use of closed network connection" }
func (e errNetClosing) Timeout() bool   { return false }
func (e errNetClosing) Temporary() bool { return false }

var (
	errNoSuitableAddress = errors.New("no suitable address found")
	errMissingAddress    = errors.New("missing address")
	errCanceled          = canceledError{}
	errTimeout   error   = &timeoutError{}
	errNoSuchHost        = errors.New("no such host")
)

type canceledError struct{}

func (canceledError) Error() string          { return "operation was canceled" }
func (canceledError) Is(err error) bool      { return err == context.Canceled }
type timeoutError struct{}

func (e *timeoutError) Error() string     { return "i/o timeout" }
func (e *timeoutError) Timeout() bool     { return true }
func (e *timeoutError) Temporary() bool   { return true }
func (e *timeoutError) Is(err error) bool { return err == context.DeadlineExceeded }

// mapErr maps a context's error to net's.
func mapErr(err error) error {
	switch err {
	case context.Canceled:
		return errCanceled
	case context.DeadlineExceeded:
		return errTimeout
	}
	return err
}

// OpError is the error type usually returned by functions in the net package. It
// describes the operation, network type, and address of an error.
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	s += ": " + e.Err.Error()
	return s
}

func (e *OpError) Timeout() bool {
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(timeout)
		return ok && t.Timeout()
	}
	t, ok := e.Err.(timeout)
	return ok && t.Timeout()
}

func (e *OpError) Temporary() bool {
	if e.Op == "accept" && isConnError(e.Err) {
		return true
	}
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(temporary)
		return ok && t.Temporary()
	}
	t, ok := e.Err.(temporary)
	return ok && t.Temporary()
}

func isConnError(err error) bool {
	if se, ok := err.(syscall.Errno); ok {
		return se == syscall.ECONNRESET || se == syscall.Errno(103) // ECONNABORTED
	}
	return false
}

// A ParseError is the error type of literal network address parsers.
type ParseError struct {
	Type string
	Text string
}

func (e *ParseError) Error() string   { return "invalid " + e.Type + ": " + e.Text }
func (e *ParseError) Timeout() bool   { return false }
func (e *ParseError) Temporary() bool { return false }

type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}

func (e *AddrError) Timeout() bool   { return false }
func (e *AddrError) Temporary() bool { return false }

type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

type InvalidAddrError string

func (e InvalidAddrError) Error() string   { return string(e) }
func (e InvalidAddrError) Timeout() bool   { return false }
func (e InvalidAddrError) Temporary() bool { return false }

// DNSError represents a DNS lookup error.
type DNSError struct {
	UnwrapErr   error
	Err         string
	Name        string
	Server      string
	IsTimeout   bool
	IsTemporary bool
	IsNotFound  bool
}

func (e *DNSError) Unwrap() error { return e.UnwrapErr }

func (e *DNSError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := "lookup " + e.Name
	if e.Server != "" {
		s += " on " + e.Server
	}
	s += ": " + e.Err
	return s
}

func (e *DNSError) Timeout() bool   { return e.IsTimeout }
func (e *DNSError) Temporary() bool { return e.IsTimeout || e.IsTemporary }

// ---- netFD ----

// A socket. rmu and wmu serialise readers and writers (only one G may wait per direction,
// as internal/poll's fdMutex ensures in Go); Close takes neither, so it wakes them.
type netFD struct {
	pd     *pollDesc
	family int
	sotype int
	net    string
	laddr  Addr
	raddr  Addr
	rmu    sync.Mutex
	wmu    sync.Mutex
}

// ioErr turns a native's errno or poll code into internal/poll's error.
func ioErr(call string, e int) error {
	switch e {
	case pollClosed:
		return ErrClosed
	case pollTimout:
		return os.ErrDeadlineExceeded
	}
	return os.NewSyscallError(call, syscall.Errno(e))
}

func (fd *netFD) Read(p []byte) (int, error) {
	fd.rmu.Lock()
	defer fd.rmu.Unlock()
	if len(p) == 0 {
		if e, _ := sysRead(fd.pd, nil); e < 0 {
			return 0, ioErr("read", e)
		}
		return 0, nil
	}
	for {
		n, e := sysRead(fd.pd, p)
		if e == eAGAIN {
			pollWait(fd.pd, 'r')
			continue
		}
		if e != 0 {
			return 0, ioErr("read", e)
		}
		if n == 0 && fd.sotype == sockSTREAM {
			return 0, io.EOF
		}
		return n, nil
	}
}

func (fd *netFD) Write(p []byte) (int, error) {
	fd.wmu.Lock()
	defer fd.wmu.Unlock()
	nn := 0
	for {
		n, e := sysWrite(fd.pd, p, nn)
		nn += n
		if e == 0 && nn == len(p) {
			return nn, nil
		}
		if e == eAGAIN {
			pollWait(fd.pd, 'w')
			continue
		}
		if e != 0 {
			return nn, ioErr("write", e)
		}
		if n == 0 {
			return nn, io.ErrUnexpectedEOF
		}
	}
}

func (fd *netFD) Close() error {
	if !sysClose(fd.pd) {
		return ErrClosed
	}
	return nil
}

func (fd *netFD) shutdown(how int) error {
	if e := sysShutdown(fd.pd, how); e != 0 {
		return ioErr("shutdown", e)
	}
	return nil
}

// setDeadline sets mode's deadline ('r', 'w' or 'b') to t.
func (fd *netFD) setDeadline(t time.Time, mode int) error {
	var ns int64
	if !t.IsZero() {
		ns = int64(time.Until(t))
		if ns <= 0 {
			ns = -1
		}
	}
	if !setDeadline(fd.pd, mode, ns) {
		return ErrClosed
	}
	return nil
}

// conn is the implementation of Conn shared by TCPConn and UDPConn.
type conn struct {
	fd *netFD
}

func (c *conn) ok() bool { return c != nil && c.fd != nil }

// Read implements the Conn Read method.
func (c *conn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Read(b)
	if err != nil && err != io.EOF {
		err = &OpError{Op: "read", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, err
}

// Write implements the Conn Write method.
func (c *conn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Write(b)
	if err != nil {
		err = &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, err
}

// Close closes the connection.
func (c *conn) Close() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	err := c.fd.Close()
	if err != nil {
		err = &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return err
}

// LocalAddr returns the local network address.
func (c *conn) LocalAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.laddr
}

// RemoteAddr returns the remote network address.
func (c *conn) RemoteAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.raddr
}

func (c *conn) setDeadlineMode(t time.Time, mode int) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.setDeadline(t, mode); err != nil {
		return &OpError{Op: "set", Net: c.fd.net, Source: nil, Addr: c.fd.laddr, Err: err}
	}
	return nil
}

// SetDeadline implements the Conn SetDeadline method.
func (c *conn) SetDeadline(t time.Time) error { return c.setDeadlineMode(t, 'b') }

// SetReadDeadline implements the Conn SetReadDeadline method.
func (c *conn) SetReadDeadline(t time.Time) error { return c.setDeadlineMode(t, 'r') }

// SetWriteDeadline implements the Conn SetWriteDeadline method.
func (c *conn) SetWriteDeadline(t time.Time) error { return c.setDeadlineMode(t, 'w') }

// SetReadBuffer sets the size of the operating system's receive buffer.
func (c *conn) SetReadBuffer(bytes int) error {
	return c.setOpt(1, 8, bytes) // SOL_SOCKET, SO_RCVBUF
}

// SetWriteBuffer sets the size of the operating system's transmit buffer.
func (c *conn) SetWriteBuffer(bytes int) error {
	return c.setOpt(1, 7, bytes) // SOL_SOCKET, SO_SNDBUF
}

func (c *conn) setOpt(level, opt, v int) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if e := setsockoptInt(c.fd.pd, level, opt, v); e != 0 {
		return &OpError{Op: "set", Net: c.fd.net, Source: nil, Addr: c.fd.laddr, Err: ioErr("setsockopt", e)}
	}
	return nil
}
