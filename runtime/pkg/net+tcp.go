// Package net, TCP: Listen and ListenConfig, TCPListener, Dial, DialTimeout and Dialer
// (with context and timeouts), TCPConn, and the socket set-up they share with UDP
// (family choice as Go's favoriteAddrFamily, addresses from the kernel).
package net

import (
	"context"
	"os"
	"syscall"
	"time"
)

// family picks the socket family for network and its addresses as Go does: a trailing 4
// or 6 decides; a wildcard listener is dual-stack IPv6; else IPv4 unless an address is IPv6.
func family(network string, laddr, raddr IP, listen bool) int {
	switch network[len(network)-1] {
	case '4':
		return afINET
	case '6':
		return afINET6
	}
	if listen && (laddr == nil || laddr.IsUnspecified()) {
		return afINET6
	}
	isV4 := func(ip IP) bool { return len(ip) <= IPv4len || ip.To4() != nil }
	if isV4(laddr) && isV4(raddr) {
		return afINET
	}
	return afINET6
}

// sockIP is ip's raw form for family (nil: the unspecified address).
func sockIP(fam int, ip IP) string {
	if fam == afINET {
		if ip4 := ip.To4(); ip4 != nil {
			return string(ip4)
		}
		return string([]byte{0, 0, 0, 0})
	}
	if ip16 := ip.To16(); ip16 != nil {
		if ip.Equal(IPv4zero) {
			return string(IPv6unspecified)
		}
		return string(ip16)
	}
	return string(IPv6unspecified)
}

func sockAddr(sotype int, fam int, ip string, port int) Addr {
	if fam == 0 {
		return nil
	}
	if sotype == sockDGRAM {
		return &UDPAddr{IP: IP(ip), Port: port}
	}
	return &TCPAddr{IP: IP(ip), Port: port}
}

func (fd *netFD) setAddrs() {
	fam, ip, port := sockName(fd.pd, false)
	fd.laddr = sockAddr(fd.sotype, fam, ip, port)
	fam, ip, port = sockName(fd.pd, true)
	fd.raddr = sockAddr(fd.sotype, fam, ip, port)
}

// newSocket makes a socket bound to la (may be nil) for network.
func newSocket(network string, fam, sotype int, la IP, lport int, listener bool) (*netFD, error) {
	pd, e := sysSocket(fam, sotype, listener)
	if e != 0 {
		return nil, os.NewSyscallError("socket", syscall.Errno(e))
	}
	fd := &netFD{pd: pd, family: fam, sotype: sotype, net: network}
	if la != nil || lport != 0 || listener {
		if e := sysBind(pd, fam, sockIP(fam, la), lport); e != 0 {
			sysClose(pd)
			return nil, os.NewSyscallError("bind", syscall.Errno(e))
		}
	}
	return fd, nil
}

// ---- listening ----

// ListenConfig contains options for listening to an address.
type ListenConfig struct {
	KeepAlive time.Duration
}

// Listen announces on the local network address ("tcp", "tcp4", "tcp6", "udp"...).
func Listen(network, address string) (Listener, error) {
	var lc ListenConfig
	return lc.Listen(context.Background(), network, address)
}

// Listen announces on the local network address.
func (lc *ListenConfig) Listen(ctx context.Context, network, address string) (Listener, error) {
	addrs, err := DefaultResolver.resolveAddrList(ctx, "listen", network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	la, ok := firstPreferIPv4(addrs).(*TCPAddr)
	if !ok {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: firstPreferIPv4(addrs), Err: &AddrError{Err: "unexpected address type", Addr: address}}
	}
	l, err := listenTCP(network, la)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: la.opAddr(), Err: err}
	}
	return l, nil
}

// ListenTCP acts like Listen for TCP networks.
func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr.opAddr(), Err: UnknownNetworkError(network)}
	}
	if laddr == nil {
		laddr = &TCPAddr{}
	}
	l, err := listenTCP(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr.opAddr(), Err: err}
	}
	return l, nil
}

func listenTCP(network string, la *TCPAddr) (*TCPListener, error) {
	fam := family(network, la.IP, nil, true)
	fd, err := newSocket(network, fam, sockSTREAM, la.IP, la.Port, true)
	if err != nil {
		return nil, err
	}
	if e := sysListen(fd.pd, 4096); e != 0 {
		sysClose(fd.pd)
		return nil, os.NewSyscallError("listen", syscall.Errno(e))
	}
	fam, ip, port := sockName(fd.pd, false)
	fd.laddr = sockAddr(sockSTREAM, fam, ip, port)
	return &TCPListener{fd: fd}, nil
}

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd *netFD
}

func (l *TCPListener) ok() bool { return l != nil && l.fd != nil }

func (l *TCPListener) accept() (*TCPConn, error) {
	fd := l.fd
	fd.rmu.Lock()
	defer fd.rmu.Unlock()
	for {
		npd, _, _, _, e := sysAccept(fd.pd)
		if e == eAGAIN {
			pollWait(fd.pd, 'r')
			continue
		}
		if e != 0 {
			return nil, ioErr("accept", e)
		}
		nfd := &netFD{pd: npd, family: fd.family, sotype: sockSTREAM, net: fd.net}
		nfd.setAddrs()
		return &TCPConn{conn{nfd}}, nil
	}
}

// Accept implements the Accept method in the Listener interface.
func (l *TCPListener) Accept() (Conn, error) {
	if !l.ok() {
		return nil, syscall.EINVAL
	}
	c, err := l.accept()
	if err != nil {
		return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return c, nil
}

// AcceptTCP accepts the next incoming call and returns the new connection.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, syscall.EINVAL
	}
	c, err := l.accept()
	if err != nil {
		return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return c, nil
}

// Close stops listening on the TCP address; blocked Accepts return errors.
func (l *TCPListener) Close() error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if err := l.fd.Close(); err != nil {
		return &OpError{Op: "close", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

// Addr returns the listener's network address, a *TCPAddr.
func (l *TCPListener) Addr() Addr { return l.fd.laddr }

// SetDeadline sets the deadline associated with the listener (Accept).
func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if err := l.fd.setDeadline(t, 'b'); err != nil {
		return &OpError{Op: "set", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

// ---- TCPConn ----

// TCPConn is an implementation of the Conn interface for TCP network connections.
type TCPConn struct {
	conn
}

// CloseRead shuts down the reading side of the TCP connection.
func (c *TCPConn) CloseRead() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.shutdown(0); err != nil {
		return &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return nil
}

// CloseWrite shuts down the writing side of the TCP connection.
func (c *TCPConn) CloseWrite() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.shutdown(1); err != nil {
		return &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// SetNoDelay controls Nagle's algorithm (on by default: no delay).
func (c *TCPConn) SetNoDelay(noDelay bool) error { return c.setOpt(6, 1, boolInt(noDelay)) }

// SetKeepAlive sets whether the operating system should send keep-alive messages.
func (c *TCPConn) SetKeepAlive(keepalive bool) error { return c.setOpt(1, 9, boolInt(keepalive)) }

// SetKeepAlivePeriod sets the period between keep-alives.
func (c *TCPConn) SetKeepAlivePeriod(d time.Duration) error {
	secs := int((d + time.Second - 1) / time.Second)
	if err := c.setOpt(6, 5, secs); err != nil { // TCP_KEEPINTVL
		return err
	}
	return c.setOpt(6, 4, secs) // TCP_KEEPIDLE
}

// SetLinger sets the behavior of Close on a connection which still has data waiting.
func (c *TCPConn) SetLinger(sec int) error {
	if sec >= 0 {
		return nil // the kernel's default lingering is what gol does
	}
	return nil
}

// ---- dialing ----

// A Dialer contains options for connecting to an address.
type Dialer struct {
	Timeout       time.Duration
	Deadline      time.Time
	LocalAddr     Addr
	DualStack     bool
	FallbackDelay time.Duration
	KeepAlive     time.Duration
	Resolver      *Resolver
	Cancel        <-chan struct{}
}

// Dial connects to the address on the named network ("tcp", "tcp4", "tcp6", "udp"...).
func Dial(network, address string) (Conn, error) {
	var d Dialer
	return d.Dial(network, address)
}

// DialTimeout acts like Dial but takes a timeout.
func DialTimeout(network, address string, timeout time.Duration) (Conn, error) {
	d := Dialer{Timeout: timeout}
	return d.Dial(network, address)
}

// Dial connects to the address on the named network.
func (d *Dialer) Dial(network, address string) (Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *Dialer) deadline(ctx context.Context, now time.Time) (earliest time.Time) {
	if d.Timeout != 0 {
		earliest = now.Add(d.Timeout)
	}
	if dl, ok := ctx.Deadline(); ok && (earliest.IsZero() || dl.Before(earliest)) {
		earliest = dl
	}
	if !d.Deadline.IsZero() && (earliest.IsZero() || d.Deadline.Before(earliest)) {
		earliest = d.Deadline
	}
	return earliest
}

// DialContext connects to the address on the named network using the provided context.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (Conn, error) {
	if ctx == nil {
		panic("nil context")
	}
	deadline := d.deadline(ctx, time.Now())
	if !deadline.IsZero() {
		if dl, ok := ctx.Deadline(); !ok || deadline.Before(dl) {
			sub, cancel := context.WithDeadline(ctx, deadline)
			defer cancel()
			ctx = sub
		}
	}
	addrs, err := DefaultResolver.resolveAddrList(ctx, "dial", network, address)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: err}
	}
	var firstErr error
	for _, ra := range addrs {
		select {
		case <-ctx.Done():
			return nil, &OpError{Op: "dial", Net: network, Source: d.LocalAddr, Addr: ra, Err: mapErr(ctx.Err())}
		default:
		}
		c, err := d.dialSingle(ctx, network, ra)
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = &OpError{Op: "dial", Net: network, Source: d.LocalAddr, Addr: ra, Err: err}
		}
	}
	if firstErr == nil {
		firstErr = &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: errMissingAddress}
	}
	return nil, firstErr
}

func (d *Dialer) dialSingle(ctx context.Context, network string, ra Addr) (Conn, error) {
	var lip IP
	lport := 0
	switch la := d.LocalAddr.(type) {
	case *TCPAddr:
		if la != nil {
			lip, lport = la.IP, la.Port
		}
	case *UDPAddr:
		if la != nil {
			lip, lport = la.IP, la.Port
		}
	}
	rip := addrIP(ra)
	port := 0
	sotype := sockSTREAM
	switch a := ra.(type) {
	case *TCPAddr:
		port = a.Port
	case *UDPAddr:
		port, sotype = a.Port, sockDGRAM
	}
	fam := family(network, lip, rip, false)
	fd, err := newSocket(network, fam, sotype, lip, lport, false)
	if err != nil {
		return nil, err
	}
	if err := fd.connect(ctx, sockIP(fam, rip), port); err != nil {
		sysClose(fd.pd)
		return nil, err
	}
	fd.setAddrs()
	if sotype == sockDGRAM {
		return &UDPConn{conn{fd}}, nil
	}
	return &TCPConn{conn{fd}}, nil
}

// connect runs a non-blocking connect, waiting for it and watching ctx (Go's
// netFD.connect: a cancelled context interrupts the wait through a past deadline).
func (fd *netFD) connect(ctx context.Context, ip string, port int) error {
	switch e := sysConnect(fd.pd, fd.family, ip, port); e {
	case 0:
		return nil
	case eINPROG, eAGAIN, 114: // EALREADY
	default:
		return os.NewSyscallError("connect", syscall.Errno(e))
	}
	if dl, ok := ctx.Deadline(); ok {
		fd.setDeadline(dl, 'w')
		defer fd.setDeadline(time.Time{}, 'w')
	}
	if ctx.Done() != nil {
		done := make(chan struct{})
		stopped := make(chan struct{})
		go func() {
			select {
			case <-ctx.Done():
				setDeadline(fd.pd, 'w', -1)
			case <-done:
			}
			close(stopped)
		}()
		defer func() {
			close(done)
			<-stopped
		}()
	}
	for {
		pollWait(fd.pd, 'w')
		if err := ctx.Err(); err != nil {
			return mapErr(err)
		}
		e := sysConnectResult(fd.pd)
		switch e {
		case 0:
			return nil
		case eINPROG:
			continue
		case pollClosed:
			return ErrClosed
		case pollTimout:
			if err := ctx.Err(); err != nil {
				return mapErr(err)
			}
			return errTimeout
		}
		return os.NewSyscallError("connect", syscall.Errno(e))
	}
}

// DialTCP acts like Dial for TCP networks.
func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: nil, Err: errMissingAddress}
	}
	d := Dialer{}
	if laddr != nil {
		d.LocalAddr = laddr
	}
	c, err := d.dialSingle(context.Background(), network, raddr)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: err}
	}
	return c.(*TCPConn), nil
}
