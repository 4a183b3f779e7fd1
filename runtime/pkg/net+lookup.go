// Package net, name resolution: literals, /etc/hosts (as Go's "files" source), then the C
// library's getaddrinfo; ports by number or /etc/services; Resolve*Addr and Lookup*.
package net

import (
	"context"
	"os"
	"strconv"
	"strings"
)

// A Resolver looks up names and numbers. Only the default behaviour exists in gol.
type Resolver struct {
	PreferGo     bool
	StrictErrors bool
}

// DefaultResolver is the resolver used by the package-level Lookup functions.
var DefaultResolver = &Resolver{}

// hostsLookup returns the addresses /etc/hosts gives [host], in file order.
func hostsLookup(host string) []string {
	data, err := os.ReadFile("/etc/hosts")
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 2 || ParseIP(f[0]) == nil {
			continue
		}
		for _, name := range f[1:] {
			if strings.EqualFold(name, host) || strings.EqualFold(name, host+".") {
				out = append(out, f[0])
				break
			}
		}
	}
	return out
}

func (r *Resolver) lookupIPAddr(ctx context.Context, host string) ([]IPAddr, error) {
	if host == "" {
		return nil, &DNSError{Err: errNoSuchHost.Error(), Name: host, IsNotFound: true}
	}
	if ip, zone := parseIPZone(host); ip != nil {
		return []IPAddr{{IP: ip, Zone: zone}}, nil
	}
	var addrs []IPAddr
	for _, s := range hostsLookup(host) {
		ip, zone := parseIPZone(s)
		addrs = append(addrs, IPAddr{IP: ip, Zone: zone})
	}
	if len(addrs) > 0 {
		return addrs, nil
	}
	if ctx != nil && ctx.Err() != nil {
		return nil, &DNSError{Err: mapErr(ctx.Err()).Error(), Name: host}
	}
	raw, e := lookupIP(host)
	if e != 0 || len(raw) == 0 {
		return nil, &DNSError{Err: errNoSuchHost.Error(), Name: host, IsNotFound: true}
	}
	seen := map[string]bool{}
	for _, b := range raw {
		if !seen[b] {
			seen[b] = true
			addrs = append(addrs, IPAddr{IP: IP(b)})
		}
	}
	return addrs, nil
}

func parseIPZone(s string) (IP, string) {
	zone := ""
	if i := strings.LastIndexByte(s, '%'); i > 0 && strings.IndexByte(s, ':') >= 0 {
		s, zone = s[:i], s[i+1:]
	}
	return ParseIP(s), zone
}

// LookupHost looks up the given host and returns a slice of its addresses.
func LookupHost(host string) (addrs []string, err error) {
	return DefaultResolver.LookupHost(context.Background(), host)
}

// LookupHost looks up the given host and returns a slice of its addresses.
func (r *Resolver) LookupHost(ctx context.Context, host string) (addrs []string, err error) {
	if host == "" {
		return nil, &DNSError{Err: errNoSuchHost.Error(), Name: host, IsNotFound: true}
	}
	if ip, _ := parseIPZone(host); ip != nil {
		return []string{host}, nil
	}
	ips, err := r.lookupIPAddr(ctx, host)
	if err != nil {
		return nil, err
	}
	for _, a := range ips {
		addrs = append(addrs, a.String())
	}
	return addrs, nil
}

// LookupIP looks up host and returns a slice of its IPv4 and IPv6 addresses.
func LookupIP(host string) ([]IP, error) {
	addrs, err := DefaultResolver.lookupIPAddr(context.Background(), host)
	if err != nil {
		return nil, err
	}
	ips := make([]IP, len(addrs))
	for i, a := range addrs {
		ips[i] = a.IP
	}
	return ips, nil
}

// LookupIPAddr looks up host using the resolver.
func (r *Resolver) LookupIPAddr(ctx context.Context, host string) ([]IPAddr, error) {
	return r.lookupIPAddr(ctx, host)
}

var wellKnownPorts = map[string]int{
	"ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "http": 80, "pop3": 110,
	"imap": 143, "https": 443, "imaps": 993, "pop3s": 995,
}

// LookupPort looks up the port for the given network and service.
func LookupPort(network, service string) (port int, err error) {
	return DefaultResolver.LookupPort(context.Background(), network, service)
}

// LookupPort looks up the port for the given network and service.
func (r *Resolver) LookupPort(ctx context.Context, network, service string) (int, error) {
	port, needsLookup := parsePort(service)
	if needsLookup {
		switch network {
		case "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "":
		default:
			return 0, &AddrError{Err: "unknown network", Addr: network}
		}
		if network == "" {
			network = "tcp"
		}
		p, ok := servicesLookup(network[:3], strings.ToLower(service))
		if !ok {
			return 0, &DNSError{Err: "unknown port", Name: network + "/" + service, IsNotFound: true}
		}
		port = p
	}
	if port < 0 || port > 0xFFFF {
		return 0, &AddrError{Err: "invalid port", Addr: service}
	}
	return port, nil
}

func servicesLookup(proto, service string) (int, bool) {
	if data, err := os.ReadFile("/etc/services"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			pp := strings.SplitN(f[1], "/", 2)
			if len(pp) != 2 || pp[1] != proto {
				continue
			}
			for _, name := range append([]string{f[0]}, f[2:]...) {
				if name == service {
					if n, err := strconv.Atoi(pp[0]); err == nil {
						return n, true
					}
				}
			}
		}
	}
	p, ok := wellKnownPorts[service]
	return p, ok
}

// parsePort parses service as a decimal port number (Go's rules: an optional sign,
// values past 1<<30 clamp); needsLookup when it is not a number.
func parsePort(service string) (port int, needsLookup bool) {
	if service == "" {
		return 0, false
	}
	const max = uint32(1<<32 - 1)
	const cutoff = uint32(1 << 30)
	neg := false
	if service[0] == '+' {
		service = service[1:]
	} else if service[0] == '-' {
		neg = true
		service = service[1:]
	}
	var n uint32
	for _, d := range service {
		if '0' <= d && d <= '9' {
			d -= '0'
		} else {
			return 0, true
		}
		if n >= cutoff {
			n = max
			break
		}
		n *= 10
		nn := n + uint32(d)
		if nn < n || nn > max {
			n = max
			break
		}
		n = nn
	}
	if !neg && n >= cutoff {
		port = int(cutoff - 1)
	} else if neg && n > cutoff {
		port = int(cutoff)
	} else {
		port = int(n)
	}
	if neg {
		port = -port
	}
	return port, false
}

// internetAddrList resolves addr ("host:port") for network into TCPAddrs or UDPAddrs.
func (r *Resolver) internetAddrList(ctx context.Context, network, addr string) ([]Addr, error) {
	var host string
	var port int
	if addr != "" {
		h, p, err := SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if port, err = r.LookupPort(ctx, network, p); err != nil {
			return nil, err
		}
		host = h
	}
	mk := func(ip IPAddr) Addr {
		if network[0] == 'u' {
			return &UDPAddr{IP: ip.IP, Port: port, Zone: ip.Zone}
		}
		return &TCPAddr{IP: ip.IP, Port: port, Zone: ip.Zone}
	}
	if host == "" {
		return []Addr{mk(IPAddr{})}, nil
	}
	ips, err := r.lookupIPAddr(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(ips) == 1 && ips[0].IP.Equal(IPv6unspecified) {
		ips = append(ips, IPAddr{IP: IPv4zero})
	}
	var out []Addr
	last := network[len(network)-1]
	for _, ip := range ips {
		if last == '4' && ip.IP.To4() == nil || last == '6' && (len(ip.IP) != IPv6len || ip.IP.To4() != nil) {
			continue
		}
		out = append(out, mk(ip))
	}
	if len(out) == 0 {
		return nil, &AddrError{Err: errNoSuitableAddress.Error(), Addr: host}
	}
	return out, nil
}

// resolveAddrList checks network and resolves address ("listen" or "dial").
func (r *Resolver) resolveAddrList(ctx context.Context, op, network, addr string) ([]Addr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6":
	default:
		return nil, UnknownNetworkError(network)
	}
	if op == "dial" && addr == "" {
		return nil, errMissingAddress
	}
	return r.internetAddrList(ctx, network, addr)
}

// ResolveTCPAddr returns an address of TCP end point.
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	case "":
		network = "tcp"
	default:
		return nil, UnknownNetworkError(network)
	}
	addrs, err := DefaultResolver.internetAddrList(context.Background(), network, address)
	if err != nil {
		return nil, err
	}
	return firstPreferIPv4(addrs).(*TCPAddr), nil
}

// ResolveUDPAddr returns an address of UDP end point.
func ResolveUDPAddr(network, address string) (*UDPAddr, error) {
	switch network {
	case "udp", "udp4", "udp6":
	case "":
		network = "udp"
	default:
		return nil, UnknownNetworkError(network)
	}
	addrs, err := DefaultResolver.internetAddrList(context.Background(), network, address)
	if err != nil {
		return nil, err
	}
	return firstPreferIPv4(addrs).(*UDPAddr), nil
}

// ResolveIPAddr returns an address of IP end point.
func ResolveIPAddr(network, address string) (*IPAddr, error) {
	switch network {
	case "ip", "ip4", "ip6", "":
	default:
		return nil, UnknownNetworkError(network)
	}
	ips, err := DefaultResolver.lookupIPAddr(context.Background(), address)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if ip.IP.To4() != nil {
			return &ip, nil
		}
	}
	return &ips[0], nil
}

func addrIP(a Addr) IP {
	switch a := a.(type) {
	case *TCPAddr:
		return a.IP
	case *UDPAddr:
		return a.IP
	}
	return nil
}

func firstPreferIPv4(addrs []Addr) Addr {
	for _, a := range addrs {
		if ip := addrIP(a); ip == nil || ip.To4() != nil {
			return a
		}
	}
	return addrs[0]
}
