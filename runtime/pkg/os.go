// Package os is the part of Go's os package gol supports: the standard files, files opened
// by name (Open, Create, OpenFile with Read, Write, Seek, Close), whole-file helpers
// (ReadFile, WriteFile), directories and removal, Stat, the command-line arguments, the
// environment and Exit. Errors are *PathError values with Go's texts ("open x: no such
// file or directory") that errors.Is matches against ErrNotExist and friends. Writes to
// Stdout and Stderr go through gol's buffered output (runtime/out.h), so they interleave
// correctly with fmt.Print output.
package os

import (
	"errors"
	"io"
	"io/fs"
	"sync/atomic"
	"syscall"
	"time"
)

// File is an open file descriptor.
type File struct {
	fd     int
	name   string
	closed bool
	dir    *dirState // directory reading (os+dir.go), nil until the first ReadDir
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

// Portable analogs of some common system call errors (io/fs's).
var (
	ErrInvalid    = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed

	// ErrDeadlineExceeded is returned for an expired deadline (internal/poll's; package
	// net returns it too).
	ErrDeadlineExceeded error = &deadlineExceededError{}
)

type deadlineExceededError struct{}

func (e *deadlineExceededError) Error() string   { return "i/o timeout" }
func (e *deadlineExceededError) Timeout() bool   { return true }
func (e *deadlineExceededError) Temporary() bool { return true }

func runtimeArgs() []string

// The natives below return an errno (0: success) beside their results. writeStd and
// writeStdString write to fd 0, 1 or 2 (1 and 2 through the runtime's output lock, in
// order with fmt's output).
func writeStd(fd int, b []byte) (n int, errno int)
func writeStdString(fd int, s string) (n int, errno int)
func openFile(name string, flag int, perm uint32) (fd int, errno int)
func closeFd(fd int) int
func readFdErr(fd int, b []byte) (n int, errno int)
func writeFdErr(fd int, b []byte) (n int, errno int)
func seekFd(fd int, offset int64, whence int) (int64, int)
func readFile(name string) ([]byte, int)
func removePath(name string) int
func mkdir(name string, perm uint32) int
func statPath(name string, follow bool) (size int64, mode uint32, sec int64, nsec int64, errno int, dev, ino uint64)
func errnoText(errno int) string
func getwd() (string, int)
func chdir(dir string) int
func setenv(key, value string) int
func unsetenv(key string) int
func environ() []string
func clearenv()
func getgroups() ([]int, int)
func getpagesize() int
func hostname() (string, int)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Seek whence values.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

// ---- errors ----

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// sysErrno is syscall.Errno, which gol's natives build from errnos (unexported: Go's os
// has no such name).
type sysErrno = syscall.Errno

func pathErr(op, path string, errno int) error {
	return &PathError{Op: op, Path: path, Err: sysErrno(errno)}
}

// registerStdoutError tells fmt how to make the error of its failed writes to standard
// output: the *PathError os.Stdout.Write returns.
func registerStdoutError(f func(errno int) error)

func init() {
	registerStdoutError(func(errno int) error { return pathErr("write", Stdout.name, errno) })
}

func underlying(err error) error {
	switch e := err.(type) {
	case *PathError:
		return e.Err
	case *SyscallError:
		return e.Err
	case *LinkError:
		return e.Err
	}
	return err
}

// IsNotExist reports whether err says that a file or directory does not exist.
func IsNotExist(err error) bool {
	err = underlying(err)
	return err == ErrNotExist || err == sysErrno(2)
}

// IsExist reports whether err says that a file or directory already exists.
func IsExist(err error) bool {
	err = underlying(err)
	return err == ErrExist || err == sysErrno(17) || err == sysErrno(39)
}

// IsPermission reports whether err says that permission is denied.
func IsPermission(err error) bool {
	err = underlying(err)
	return err == ErrPermission || err == sysErrno(1) || err == sysErrno(13)
}

// ---- files ----

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile opens the named file with the specified flag and permissions.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, errno := openFile(name, flag, uint32(perm.Perm()))
	if errno != 0 {
		return nil, pathErr("open", name, errno)
	}
	return &File{fd: fd, name: name}, nil
}

// Name returns the name of the file.
func (f *File) Name() string {
	return f.name
}

// Fd returns the file descriptor.
func (f *File) Fd() uintptr {
	return uintptr(f.fd)
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Write writes len(b) bytes to the file.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	var errno int
	if f.fd <= 2 {
		n, errno = writeStd(f.fd, b)
	} else {
		n, errno = writeFdErr(f.fd, b)
	}
	if errno != 0 {
		return n, pathErr("write", f.name, errno)
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.fd <= 2 {
		n, errno := writeStdString(f.fd, s)
		if errno != 0 {
			return n, pathErr("write", f.name, errno)
		}
		return n, nil
	}
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, errno := readFdErr(f.fd, b)
	if errno != 0 {
		return 0, pathErr("read", f.name, errno)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Seek sets the offset for the next Read or Write on file to offset, interpreted
// according to whence: 0 means relative to the origin of the file, 1 means relative to
// the current offset, and 2 means relative to the end.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	ret, errno := seekFd(f.fd, offset, whence)
	if errno != 0 {
		return 0, pathErr("seek", f.name, errno)
	}
	return ret, nil
}

// Close closes the File. The standard files stay open (gol's output buffer uses them).
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if f.fd <= 2 {
		return nil
	}
	if errno := closeFd(f.fd); errno != 0 {
		return pathErr("close", f.name, errno)
	}
	return nil
}

// Sync commits the file's contents to stable storage (a no-op in gol).
func (f *File) Sync() error {
	return f.checkValid("sync")
}

// Stat returns the FileInfo structure describing file.
func (f *File) Stat() (FileInfo, error) {
	if err := f.checkValid("stat"); err != nil {
		return nil, err
	}
	return Stat(f.name)
}

// ReadFile reads the named file and returns its contents.
func ReadFile(name string) ([]byte, error) {
	b, errno := readFile(name)
	if errno != 0 {
		op := "open"
		if errno == 21 { // EISDIR comes from read(2)
			op = "read"
		}
		return nil, pathErr(op, name, errno)
	}
	return b, nil
}

// WriteFile writes data to the named file, creating it if necessary with permissions
// perm (before umask); otherwise it is truncated first.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	if errno := removePath(name); errno != 0 {
		return pathErr("remove", name, errno)
	}
	return nil
}

// RemoveAll removes path and any children it contains. A missing path is not an error.
func RemoveAll(path string) error {
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	entries, rerr := ReadDir(path)
	if rerr != nil {
		return err
	}
	for _, e := range entries {
		if err := RemoveAll(path + "/" + e.Name()); err != nil {
			return err
		}
	}
	return Remove(path)
}

// Mkdir creates a new directory with the specified name and permission bits.
func Mkdir(name string, perm FileMode) error {
	if errno := mkdir(name, uint32(perm.Perm())); errno != 0 {
		return pathErr("mkdir", name, errno)
	}
	return nil
}

// MkdirAll creates a directory named path, along with any necessary parents.
func MkdirAll(path string, perm FileMode) error {
	if fi, err := Stat(path); err == nil {
		if fi.IsDir() {
			return nil
		}
		return pathErr("mkdir", path, 20) // ENOTDIR
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err := Mkdir(path, perm)
	if err != nil {
		if fi, err1 := Lstat(path); err1 == nil && fi.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Getwd returns a rooted path name corresponding to the current directory.
func Getwd() (dir string, err error) {
	dir, errno := getwd()
	if errno != 0 {
		return "", &SyscallError{"getwd", sysErrno(errno)}
	}
	return dir, nil
}

// Chdir changes the current working directory to the named directory.
func Chdir(dir string) error {
	if errno := chdir(dir); errno != 0 {
		return pathErr("chdir", dir, errno)
	}
	return nil
}

// TempDir returns the default directory to use for temporary files.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// MkdirTemp creates a new directory in dir (TempDir() when empty) named from pattern,
// whose last "*" is replaced by a random string, and returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return "", &PathError{Op: "mkdirtemp", Path: dir + string(PathSeparator) + prefix + "*" + suffix, Err: ErrExist}
		}
		if IsNotExist(err) {
			if _, err := Stat(dir); IsNotExist(err) {
				return "", err
			}
		}
		return "", err
	}
}

// CreateTemp creates and opens (read-write) a new file in dir (TempDir() when empty),
// named from pattern as MkdirTemp does.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

var errPatternHasSeparator = errors.New("pattern contains path separator")

func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == PathSeparator {
			return "", "", errPatternHasSeparator
		}
	}
	prefix = pattern
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			prefix, suffix = pattern[:i], pattern[i+1:]
			break
		}
	}
	return prefix, suffix, nil
}

func joinPath(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == PathSeparator {
		return dir + name
	}
	return dir + string(PathSeparator) + name
}

var tempRand uint32

// nextRandom is Go's: the decimal text of a random uint32 (an xorshift seeded from the
// clock and the pid stands in for the runtime's fastrand).
func nextRandom() string {
	r := tempRand
	if r == 0 {
		r = uint32(time.Now().UnixNano()) ^ uint32(Getpid())<<16 | 1
	}
	r ^= r << 13
	r ^= r >> 17
	r ^= r << 5
	tempRand = r
	if r == 0 {
		return "0"
	}
	var b [10]byte
	i := len(b)
	for ; r > 0; r /= 10 {
		i--
		b[i] = byte('0' + r%10)
	}
	return string(b[i:])
}

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error) {
	name, errno := hostname()
	if errno != 0 {
		return "", &SyscallError{"uname", sysErrno(errno)}
	}
	return name, nil
}

// ---- environment and process ----

// Exit causes the program to exit with the given status code at once: deferred
// functions are not run; buffered output is flushed.
func Exit(code int)

// Getenv returns the value of the environment variable named by key ("" if unset).
func Getenv(key string) string

// LookupEnv returns the value of the environment variable and whether it is set.
func LookupEnv(key string) (string, bool)

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{"setenv", sysErrno(22)}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{"setenv", sysErrno(22)}
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return &SyscallError{"setenv", sysErrno(22)}
		}
	}
	if errno := setenv(key, value); errno != 0 {
		return &SyscallError{"setenv", sysErrno(errno)}
	}
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	unsetenv(key)
	return nil
}

// Clearenv deletes all environment variables.
func Clearenv() { clearenv() }

// Getgroups returns the numeric ids of the groups the caller belongs to.
func Getgroups() ([]int, error) {
	gids, errno := getgroups()
	if errno != 0 {
		return nil, NewSyscallError("getgroups", sysErrno(errno))
	}
	return gids, nil
}

// Getpagesize returns the underlying system's memory page size.
func Getpagesize() int { return getpagesize() }

// IsPathSeparator reports whether c is a directory separator character.
func IsPathSeparator(c uint8) bool { return c == PathSeparator }

// SameFile reports whether fi1 and fi2 describe the same file (the same device and inode);
// FileInfos not made by package os describe no file.
func SameFile(fi1, fi2 FileInfo) bool {
	a, ok1 := fi1.(*fileStat)
	b, ok2 := fi2.(*fileStat)
	return ok1 && ok2 && a.dev == b.dev && a.ino == b.ino
}

// Executable returns the path name of the executable that started the current process:
// under gol, gol itself (/proc/self/exe).
func Executable() (string, error) {
	p, err := Readlink("/proc/self/exe")
	if err != nil {
		return "", err
	}
	const deleted = " (deleted)" // the binary was replaced since it started
	if len(p) > len(deleted) && p[len(p)-len(deleted):] == deleted {
		p = p[:len(p)-len(deleted)]
	}
	return p, nil
}

// IsTimeout reports whether err (or the error a *PathError, *LinkError or *SyscallError
// wraps) says it is a timeout.
func IsTimeout(err error) bool {
	switch e := err.(type) {
	case *PathError:
		err = e.Err
	case *LinkError:
		err = e.Err
	case *SyscallError:
		err = e.Err
	}
	t, ok := err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// Environ returns a copy of strings representing the environment, "key=value".
func Environ() []string {
	return environ()
}

// ExpandEnv replaces ${var} or $var in the string according to the values of the
// current environment variables.
func ExpandEnv(s string) string {
	return Expand(s, Getenv)
}

// Expand replaces ${var} or $var in the string based on the mapping function.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := getShellName(s[j+1:])
			if name == "" && w > 0 {
				// Encountered invalid syntax; eat the characters.
			} else if name == "" {
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func getShellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2
				}
				return s[1:i], i + 1
			}
		}
		return "", 1
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}

// Getpid returns the process id of the caller.
func Getpid() int

// ---- file information ----

// The file information types are io/fs's.
type (
	FileMode = fs.FileMode
	FileInfo = fs.FileInfo
	DirEntry = fs.DirEntry
)

const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

type fileStat struct {
	name     string
	size     int64
	mode     FileMode
	modTime  time.Time
	dev, ino uint64 // the file's identity (SameFile)
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return nil }

func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[0:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

func stat(op, name string, follow bool) (FileInfo, error) {
	size, mode, sec, nsec, errno, dev, ino := statPath(name, follow)
	if errno != 0 {
		return nil, pathErr(op, name, errno)
	}
	return &fileStat{basename(name), size, FileMode(mode), time.Unix(sec, nsec), dev, ino}, nil
}

// Stat returns a FileInfo describing the named file.
func Stat(name string) (FileInfo, error) { return stat("stat", name, true) }

// Lstat is like Stat but does not follow a final symbolic link.
func Lstat(name string) (FileInfo, error) { return stat("lstat", name, false) }

type dirEntry struct {
	dir  string
	info FileInfo
}

func (d *dirEntry) Name() string            { return d.info.Name() }
func (d *dirEntry) IsDir() bool             { return d.info.IsDir() }
func (d *dirEntry) Type() FileMode          { return d.info.Mode().Type() }
func (d *dirEntry) Info() (FileInfo, error) { return d.info, nil }

func readDirNames(name string) ([]string, int)

// ReadDir reads the named directory, returning all its directory entries sorted by
// filename.
func ReadDir(name string) ([]DirEntry, error) {
	names, errno := readDirNames(name)
	if errno != 0 {
		return nil, pathErr("open", name, errno)
	}
	var out []DirEntry
	for _, n := range names {
		fi, err := Lstat(name + "/" + n)
		if err != nil {
			continue
		}
		out = append(out, &dirEntry{name, fi})
	}
	return out, nil
}

// UserHomeDir returns the current user's home directory: $HOME on Unix.
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errors.New("$HOME is not defined")
}

// UserConfigDir returns the default root directory to use for user-specific configuration
// data: $XDG_CONFIG_HOME if non-empty, else $HOME/.config.
func UserConfigDir() (string, error) {
	return xdgDir("XDG_CONFIG_HOME", "/.config")
}

// UserCacheDir returns the default root directory to use for user-specific cached data:
// $XDG_CACHE_HOME if non-empty, else $HOME/.cache.
func UserCacheDir() (string, error) {
	return xdgDir("XDG_CACHE_HOME", "/.cache")
}

// xdgDir is $env when set, else $HOME + suffix, with Go 1.23's errors.
func xdgDir(env, suffix string) (string, error) {
	if dir := Getenv(env); dir != "" {
		return dir, nil
	}
	if dir := Getenv("HOME"); dir != "" {
		return dir + suffix, nil
	}
	return "", errors.New("neither $" + env + " nor $HOME are defined")
}

// ---- processes and signals ----

// A Signal represents an operating system signal (syscall.Signal on Unix).
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The only signal values guaranteed to be present in the os package on all systems.
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// ErrProcessDone indicates a Process has finished.
var ErrProcessDone = errors.New("os: process already finished")

// NewSyscallError returns, as an error, a new SyscallError with the given system call name
// and error details; nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// Process stores the information about a process created by StartProcess.
type Process struct {
	Pid  int
	done atomic.Bool // Wait reaped it (Signal may run in another goroutine, as Go's)
}

// ProcAttr holds the attributes that will be applied to a new process started by
// StartProcess.
type ProcAttr struct {
	Dir   string
	Env   []string
	Files []*File
	Sys   *syscall.SysProcAttr
}

// spawn starts name with argv and env in dir (when not ""), the child's fd i being fds[i]
// (-1: closed). It returns the child's pid or an errno.
func spawn(name string, argv []string, env []string, dir string, fds []int) (pid int, errno int)

// wait4 waits for process pid to end (the P is handed off) and returns its wait status.
func wait4(pid int) (status int, errno int)

// pipe returns the read and write ends of a new pipe (close-on-exec).
func pipe() (r int, w int, errno int)

// StartProcess starts a new process with the program, arguments and attributes specified
// by name, argv and attr. The argv slice will become os.Args in the new process.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	env := attr.Env
	if env == nil {
		env = Environ()
	}
	fds := make([]int, len(attr.Files))
	for i, f := range attr.Files {
		fds[i] = -1
		if f != nil && !f.closed {
			fds[i] = f.fd
		}
	}
	// As Go: a bad Dir is reported before the fork, as chdir's error.
	if attr.Dir != "" {
		if _, err := Stat(attr.Dir); err != nil {
			pe := err.(*PathError)
			pe.Op = "chdir"
			return nil, pe
		}
	}
	pid, errno := spawn(name, argv, env, attr.Dir, fds)
	if errno != 0 {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: sysErrno(errno)}
	}
	return &Process{Pid: pid}, nil
}

// FindProcess looks for a running process by its pid. On Unix systems, FindProcess always
// succeeds and returns a Process for the given pid, regardless of whether the process
// exists.
func FindProcess(pid int) (*Process, error) {
	return &Process{Pid: pid}, nil
}

// Signal sends a signal to the Process.
func (p *Process) Signal(sig Signal) error {
	if p.Pid == -1 {
		return errors.New("os: process already released")
	}
	if p.Pid == 0 {
		return errors.New("os: process not initialized")
	}
	if p.done.Load() {
		return ErrProcessDone
	}
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errors.New("os: unsupported signal type")
	}
	if e := syscall.Kill(p.Pid, s); e != nil {
		if e == syscall.ESRCH {
			return ErrProcessDone
		}
		return NewSyscallError("kill", e)
	}
	return nil
}

// Kill causes the Process to exit immediately.
func (p *Process) Kill() error {
	return p.Signal(Kill)
}

// Release releases any resources associated with the Process p.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}

// Wait waits for the Process to exit, and then returns a ProcessState describing its
// status and an error, if any.
func (p *Process) Wait() (*ProcessState, error) {
	if p.Pid == -1 {
		return nil, syscall.EINVAL
	}
	status, errno := wait4(p.Pid)
	if errno != 0 {
		return nil, NewSyscallError("wait", sysErrno(errno))
	}
	p.done.Store(true)
	return &ProcessState{pid: p.Pid, status: syscall.WaitStatus(status)}, nil
}

// ProcessState stores information about a process, as reported by Wait.
type ProcessState struct {
	pid    int
	status syscall.WaitStatus
}

// Pid returns the process id of the exited process.
func (p *ProcessState) Pid() int { return p.pid }

// Exited reports whether the program has exited.
func (p *ProcessState) Exited() bool { return p.status.Exited() }

// Success reports whether the program exited successfully.
func (p *ProcessState) Success() bool { return p.status.ExitStatus() == 0 }

// Sys returns the system-dependent exit information about the process (a
// syscall.WaitStatus).
func (p *ProcessState) Sys() any { return p.status }

// ExitCode returns the exit code of the exited process, or -1 if the process hasn't
// exited or was terminated by a signal.
func (p *ProcessState) ExitCode() int {
	if p == nil {
		return -1
	}
	return p.status.ExitStatus()
}

func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	status := p.status
	res := ""
	switch {
	case status.Exited():
		res = "exit status " + itoa(status.ExitStatus())
	case status.Signaled():
		res = "signal: " + status.Signal().String()
	case status.Stopped():
		res = "stop signal: " + status.StopSignal().String()
		if status.StopSignal() == syscall.SIGTRAP && status.TrapCause() != 0 {
			res += " (trap " + itoa(status.TrapCause()) + ")"
		}
	case status.Continued():
		res = "continued"
	}
	if status.CoreDump() {
		res += " (core dumped)"
	}
	return res
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
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

// Pipe returns a connected pair of Files; reads from r return bytes written to w.
func Pipe() (r *File, w *File, err error) {
	rfd, wfd, errno := pipe()
	if errno != 0 {
		return nil, nil, NewSyscallError("pipe2", sysErrno(errno))
	}
	return NewFile(uintptr(rfd), "|0"), NewFile(uintptr(wfd), "|1"), nil
}

// Getppid returns the process id of the caller's parent.
func Getppid() int { return syscall.Getppid() }

// Getuid returns the numeric user id of the caller.
func Getuid() int { return syscall.Getuid() }

// Geteuid returns the numeric effective user id of the caller.
func Geteuid() int { return syscall.Geteuid() }

// Getgid returns the numeric group id of the caller.
func Getgid() int { return syscall.Getgid() }

// Getegid returns the numeric effective group id of the caller.
func Getegid() int { return syscall.Getegid() }
