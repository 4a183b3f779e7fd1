// Package net, UDP: UDPConn (ReadFrom, WriteTo, ReadFromUDP, WriteToUDP, and Read/Write
// when connected), ListenUDP, DialUDP and ListenPacket.
package net

import (
	"context"
	"errors"
	"syscall"
)

// UDPConn is the implementation of the Conn and PacketConn interfaces for UDP.
type UDPConn struct {
	conn
}

// ListenPacket announces on the local network address ("udp", "udp4", "udp6").
func ListenPacket(network, address string) (PacketConn, error) {
	addrs, err := DefaultResolver.resolveAddrList(context.Background(), "listen", network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	la, ok := firstPreferIPv4(addrs).(*UDPAddr)
	if !ok {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: firstPreferIPv4(addrs), Err: &AddrError{Err: "unexpected address type", Addr: address}}
	}
	c, err := listenUDP(network, la)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: la.opAddr(), Err: err}
	}
	return c, nil
}

// ListenUDP acts like ListenPacket for UDP networks.
func ListenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr.opAddr(), Err: UnknownNetworkError(network)}
	}
	if laddr == nil {
		laddr = &UDPAddr{}
	}
	c, err := listenUDP(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr.opAddr(), Err: err}
	}
	return c, nil
}

func listenUDP(network string, la *UDPAddr) (*UDPConn, error) {
	fam := family(network, la.IP, nil, true)
	fd, err := newSocket(network, fam, sockDGRAM, la.IP, la.Port, true)
	if err != nil {
		return nil, err
	}
	fam, ip, port := sockName(fd.pd, false)
	fd.laddr = sockAddr(sockDGRAM, fam, ip, port)
	return &UDPConn{conn{fd}}, nil
}

// DialUDP acts like Dial for UDP networks.
func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
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
	return c.(*UDPConn), nil
}

func (c *UDPConn) readFrom(b []byte) (int, *UDPAddr, error) {
	fd := c.fd
	fd.rmu.Lock()
	defer fd.rmu.Unlock()
	for {
		n, fam, ip, port, e := sysRecvFrom(fd.pd, b)
		if e == eAGAIN {
			pollWait(fd.pd, 'r')
			continue
		}
		if e != 0 {
			return 0, nil, ioErr("recvfrom", e)
		}
		var addr *UDPAddr
		if fam != 0 {
			addr = &UDPAddr{IP: IP(ip), Port: port}
		}
		return n, addr, nil
	}
}

// ReadFromUDP acts like ReadFrom but returns a UDPAddr.
func (c *UDPConn) ReadFromUDP(b []byte) (n int, addr *UDPAddr, err error) {
	if !c.ok() {
		return 0, nil, syscall.EINVAL
	}
	n, addr, err = c.readFrom(b)
	if err != nil {
		err = &OpError{Op: "read", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, addr, err
}

// ReadFrom implements the PacketConn ReadFrom method.
func (c *UDPConn) ReadFrom(b []byte) (int, Addr, error) {
	n, addr, err := c.ReadFromUDP(b)
	if addr == nil {
		return n, nil, err
	}
	return n, addr, err
}

func (c *UDPConn) writeTo(b []byte, fam int, ip string, port int) (int, error) {
	fd := c.fd
	fd.wmu.Lock()
	defer fd.wmu.Unlock()
	for {
		n, e := sysSendTo(fd.pd, b, fam, ip, port)
		if e == eAGAIN {
			pollWait(fd.pd, 'w')
			continue
		}
		if e != 0 {
			return 0, ioErr("sendto", e)
		}
		return n, nil
	}
}

// WriteToUDP acts like WriteTo but takes a UDPAddr.
func (c *UDPConn) WriteToUDP(b []byte, addr *UDPAddr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	if c.fd.raddr != nil {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: addr.opAddr(), Err: ErrWriteToConnected}
	}
	if addr == nil {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: nil, Err: errMissingAddress}
	}
	n, err := c.writeTo(b, c.fd.family, sockIP(c.fd.family, addr.IP), addr.Port)
	if err != nil {
		err = &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: addr.opAddr(), Err: err}
	}
	return n, err
}

// WriteTo implements the PacketConn WriteTo method.
func (c *UDPConn) WriteTo(b []byte, addr Addr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	a, ok := addr.(*UDPAddr)
	if !ok {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: addr, Err: syscall.EINVAL}
	}
	return c.WriteToUDP(b, a)
}

// ErrWriteToConnected is returned by WriteTo on a connected socket.
var ErrWriteToConnected = errors.New("use of WriteTo with pre-connected connection")
