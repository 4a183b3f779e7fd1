// Package net, Pipe: a synchronous, in-memory, full-duplex Conn pair built on channels
// (each Write is matched by one or more Reads on the other end; nothing is buffered),
// with deadlines through time.AfterFunc and Go's errors (io.EOF, io.ErrClosedPipe,
// os.ErrDeadlineExceeded wrapped in an *OpError).
package net

import (
	"io"
	"os"
	"sync"
	"time"
)

// pipeDeadline is a settable deadline: wait returns a channel closed once it passed.
type pipeDeadline struct {
	mu     sync.Mutex // guards timer and cancel
	timer  *time.Timer
	cancel chan struct{}
}

func makePipeDeadline() pipeDeadline { return pipeDeadline{cancel: make(chan struct{})} }

func (d *pipeDeadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && !d.timer.Stop() {
		<-d.cancel // the timer fired: wait until its function closed cancel
	}
	d.timer = nil
	closed := isClosedChan(d.cancel)
	if t.IsZero() {
		if closed {
			d.cancel = make(chan struct{})
		}
		return
	}
	if dur := time.Until(t); dur > 0 {
		if closed {
			d.cancel = make(chan struct{})
		}
		cancel := d.cancel
		d.timer = time.AfterFunc(dur, func() { close(cancel) })
		return
	}
	if !closed {
		close(d.cancel)
	}
}

func (d *pipeDeadline) wait() chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cancel
}

func isClosedChan(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }

// One end of a Pipe: a Write hands its slice over wr and learns over wrN how much the
// reader took.
type pipe struct {
	wrMu sync.Mutex // one Write at a time
	rd   <-chan []byte
	rdN  chan<- int
	wr   chan<- []byte
	wrN  <-chan int

	once       sync.Once // closes localDone
	localDone  chan struct{}
	remoteDone <-chan struct{}

	readDeadline  pipeDeadline
	writeDeadline pipeDeadline
}

// Pipe creates a synchronous, in-memory, full duplex network connection; both ends
// implement the Conn interface.
func Pipe() (Conn, Conn) {
	b1, b2 := make(chan []byte), make(chan []byte)
	n1, n2 := make(chan int), make(chan int)
	d1, d2 := make(chan struct{}), make(chan struct{})
	p1 := &pipe{rd: b1, rdN: n1, wr: b2, wrN: n2, localDone: d1, remoteDone: d2,
		readDeadline: makePipeDeadline(), writeDeadline: makePipeDeadline()}
	p2 := &pipe{rd: b2, rdN: n2, wr: b1, wrN: n1, localDone: d2, remoteDone: d1,
		readDeadline: makePipeDeadline(), writeDeadline: makePipeDeadline()}
	return p1, p2
}

func (*pipe) LocalAddr() Addr  { return pipeAddr{} }
func (*pipe) RemoteAddr() Addr { return pipeAddr{} }

func (p *pipe) Read(b []byte) (int, error) {
	n, err := p.read(b)
	if err != nil && err != io.EOF && err != io.ErrClosedPipe {
		err = &OpError{Op: "read", Net: "pipe", Err: err}
	}
	return n, err
}

func (p *pipe) read(b []byte) (int, error) {
	switch {
	case isClosedChan(p.localDone):
		return 0, io.ErrClosedPipe
	case isClosedChan(p.remoteDone):
		return 0, io.EOF
	case isClosedChan(p.readDeadline.wait()):
		return 0, os.ErrDeadlineExceeded
	}
	select {
	case bw := <-p.rd:
		n := copy(b, bw)
		p.rdN <- n
		return n, nil
	case <-p.localDone:
		return 0, io.ErrClosedPipe
	case <-p.remoteDone:
		return 0, io.EOF
	case <-p.readDeadline.wait():
		return 0, os.ErrDeadlineExceeded
	}
}

func (p *pipe) Write(b []byte) (int, error) {
	n, err := p.write(b)
	if err != nil && err != io.ErrClosedPipe {
		err = &OpError{Op: "write", Net: "pipe", Err: err}
	}
	return n, err
}

func (p *pipe) write(b []byte) (n int, err error) {
	switch {
	case isClosedChan(p.localDone), isClosedChan(p.remoteDone):
		return 0, io.ErrClosedPipe
	case isClosedChan(p.writeDeadline.wait()):
		return 0, os.ErrDeadlineExceeded
	}
	p.wrMu.Lock()
	defer p.wrMu.Unlock()
	for first := true; first || len(b) > 0; first = false {
		select {
		case p.wr <- b:
			k := <-p.wrN
			b = b[k:]
			n += k
		case <-p.localDone:
			return n, io.ErrClosedPipe
		case <-p.remoteDone:
			return n, io.ErrClosedPipe
		case <-p.writeDeadline.wait():
			return n, os.ErrDeadlineExceeded
		}
	}
	return n, nil
}

func (p *pipe) SetDeadline(t time.Time) error {
	if isClosedChan(p.localDone) || isClosedChan(p.remoteDone) {
		return io.ErrClosedPipe
	}
	p.readDeadline.set(t)
	p.writeDeadline.set(t)
	return nil
}

func (p *pipe) SetReadDeadline(t time.Time) error {
	if isClosedChan(p.localDone) || isClosedChan(p.remoteDone) {
		return io.ErrClosedPipe
	}
	p.readDeadline.set(t)
	return nil
}

func (p *pipe) SetWriteDeadline(t time.Time) error {
	if isClosedChan(p.localDone) || isClosedChan(p.remoteDone) {
		return io.ErrClosedPipe
	}
	p.writeDeadline.set(t)
	return nil
}

func (p *pipe) Close() error {
	p.once.Do(func() { close(p.localDone) })
	return nil
}
