// Package syscall is the part of Go's syscall package (linux/amd64) that programs use
// directly: Errno with Go's texts and errors.Is support, Signal with Go's names and the
// SIG* numbers, WaitStatus, Kill and the process ids. Natives: runtime/pkg/syscall.c.
package syscall

import "io/fs"

func errnoText(errno int) string
func kill(pid int, sig int) int

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string { return errnoText(int(e)) }

// Is makes errors.Is(err, fs.ErrNotExist) and friends work.
func (e Errno) Is(target error) bool {
	switch target {
	case fs.ErrPermission:
		return e == EACCES || e == EPERM
	case fs.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case fs.ErrNotExist:
		return e == ENOENT
	}
	return false
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

func (e Errno) Timeout() bool {
	return e == EAGAIN || e == EWOULDBLOCK || e == ETIMEDOUT
}

// Errors (linux/amd64 numbers).
const (
	EPERM        Errno = 0x1
	ENOENT       Errno = 0x2
	ESRCH        Errno = 0x3
	EINTR        Errno = 0x4
	EIO          Errno = 0x5
	ENXIO        Errno = 0x6
	E2BIG        Errno = 0x7
	ENOEXEC      Errno = 0x8
	EBADF        Errno = 0x9
	ECHILD       Errno = 0xa
	EAGAIN       Errno = 0xb
	ENOMEM       Errno = 0xc
	EACCES       Errno = 0xd
	EFAULT       Errno = 0xe
	EBUSY        Errno = 0x10
	EEXIST       Errno = 0x11
	EXDEV        Errno = 0x12
	ENODEV       Errno = 0x13
	ENOTDIR      Errno = 0x14
	EISDIR       Errno = 0x15
	EINVAL       Errno = 0x16
	ENFILE       Errno = 0x17
	EMFILE       Errno = 0x18
	ENOTTY       Errno = 0x19
	EFBIG        Errno = 0x1b
	ENOSPC       Errno = 0x1c
	ESPIPE       Errno = 0x1d
	EROFS        Errno = 0x1e
	EMLINK       Errno = 0x1f
	EPIPE        Errno = 0x20
	EDOM         Errno = 0x21
	ERANGE       Errno = 0x22
	EDEADLK      Errno = 0x23
	ENAMETOOLONG Errno = 0x24
	ENOSYS       Errno = 0x26
	ENOTEMPTY    Errno = 0x27
	ELOOP        Errno = 0x28
	EWOULDBLOCK  Errno = 0xb
	ENOTSUP      Errno = 0x5f
	EADDRINUSE   Errno = 0x62
	ECONNRESET   Errno = 0x68
	ETIMEDOUT    Errno = 0x6e
	ECONNREFUSED Errno = 0x6f
)

// A Signal is a number describing a process signal. It implements the os.Signal
// interface.
type Signal int

func (s Signal) Signal() {}

func (s Signal) String() string {
	if 0 <= s && int(s) < len(signals) {
		str := signals[s]
		if str != "" {
			return str
		}
	}
	return "signal " + itoa(int(s))
}

func itoa(v int) string {
	if v < 0 {
		return "-" + uitoa(uint(-v))
	}
	return uitoa(uint(v))
}

func uitoa(v uint) string {
	var buf [20]byte
	i := len(buf) - 1
	for v >= 10 {
		buf[i] = byte(v%10 + '0')
		i--
		v /= 10
	}
	buf[i] = byte(v + '0')
	return string(buf[i:])
}

// Signals (linux/amd64 numbers).
const (
	SIGABRT   Signal = 0x6
	SIGALRM   Signal = 0xe
	SIGBUS    Signal = 0x7
	SIGCHLD   Signal = 0x11
	SIGCLD    Signal = 0x11
	SIGCONT   Signal = 0x12
	SIGFPE    Signal = 0x8
	SIGHUP    Signal = 0x1
	SIGILL    Signal = 0x4
	SIGINT    Signal = 0x2
	SIGIO     Signal = 0x1d
	SIGIOT    Signal = 0x6
	SIGKILL   Signal = 0x9
	SIGPIPE   Signal = 0xd
	SIGPOLL   Signal = 0x1d
	SIGPROF   Signal = 0x1b
	SIGPWR    Signal = 0x1e
	SIGQUIT   Signal = 0x3
	SIGSEGV   Signal = 0xb
	SIGSTKFLT Signal = 0x10
	SIGSTOP   Signal = 0x13
	SIGSYS    Signal = 0x1f
	SIGTERM   Signal = 0xf
	SIGTRAP   Signal = 0x5
	SIGTSTP   Signal = 0x14
	SIGTTIN   Signal = 0x15
	SIGTTOU   Signal = 0x16
	SIGUNUSED Signal = 0x1f
	SIGURG    Signal = 0x17
	SIGUSR1   Signal = 0xa
	SIGUSR2   Signal = 0xc
	SIGVTALRM Signal = 0x1a
	SIGWINCH  Signal = 0x1c
	SIGXCPU   Signal = 0x18
	SIGXFSZ   Signal = 0x19
)

// Signal table
var signals = [...]string{
	1:  "hangup",
	2:  "interrupt",
	3:  "quit",
	4:  "illegal instruction",
	5:  "trace/breakpoint trap",
	6:  "aborted",
	7:  "bus error",
	8:  "floating point exception",
	9:  "killed",
	10: "user defined signal 1",
	11: "segmentation fault",
	12: "user defined signal 2",
	13: "broken pipe",
	14: "alarm clock",
	15: "terminated",
	16: "stack fault",
	17: "child exited",
	18: "continued",
	19: "stopped (signal)",
	20: "stopped",
	21: "stopped (tty input)",
	22: "stopped (tty output)",
	23: "urgent I/O condition",
	24: "CPU time limit exceeded",
	25: "file size limit exceeded",
	26: "virtual timer expired",
	27: "profiling timer expired",
	28: "window changed",
	29: "I/O possible",
	30: "power failure",
	31: "bad system call",
}

// Kill sends signal sig to the process pid (kill(2)).
func Kill(pid int, sig Signal) (err error) {
	if e := kill(pid, int(sig)); e != 0 {
		return Errno(e)
	}
	return nil
}

func Getpid() (pid int)
func Getppid() (ppid int)
func Getuid() (uid int)
func Geteuid() (euid int)
func Getgid() (gid int)
func Getegid() (egid int)

// SysProcAttr holds optional, operating system-specific attributes (none in gol).
type SysProcAttr struct{}

// WaitStatus is a process's status as wait4(2) reports it.
type WaitStatus uint32

const (
	mask    = 0x7F
	core    = 0x80
	exited  = 0x00
	stopped = 0x7F
	shift   = 8
)

func (w WaitStatus) Exited() bool    { return w&mask == exited }
func (w WaitStatus) Signaled() bool  { return w&mask != stopped && w&mask != exited }
func (w WaitStatus) Stopped() bool   { return w&0xFF == stopped }
func (w WaitStatus) Continued() bool { return w == 0xFFFF }
func (w WaitStatus) CoreDump() bool  { return w.Signaled() && w&core != 0 }

func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>shift) & 0xFF
}

func (w WaitStatus) Signal() Signal {
	if !w.Signaled() {
		return -1
	}
	return Signal(w & mask)
}

func (w WaitStatus) StopSignal() Signal {
	if !w.Stopped() {
		return -1
	}
	return Signal(w>>shift) & 0xFF
}

func (w WaitStatus) TrapCause() int {
	if w.StopSignal() != SIGTRAP {
		return -1
	}
	return int(w>>shift) >> 8
}
