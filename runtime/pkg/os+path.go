// Renaming and linking files, permissions, owners, times and sizes (Rename, Link, Symlink,
// Readlink, Chmod, Chown, Chtimes, Truncate, with Go's *LinkError), and a File's positioned
// reads and writes (ReadAt, WriteAt), Truncate, Chmod and Chown. Natives in os_path.c.
package os

import (
	"errors"
	"io"
	"syscall"
	"time"
)

func chownPath(name string, uid, gid int, follow bool) int
func fchownFd(fd, uid, gid int) int
func chtimesPath(name string, asec, ansec int64, aset bool, msec, mnsec int64, mset bool) int

func renamePath(oldpath, newpath string) int
func chmodPath(name string, mode uint32) int
func truncatePath(name string, size int64) int
func symlinkPath(oldname, newname string) int
func linkPath(oldname, newname string) int
func readlinkPath(name string) (string, int)
func ftruncateFd(fd int, size int64) int
func fchmodFd(fd int, mode uint32) int
func preadFd(fd int, b []byte, off int64) (int, int)
func pwriteFd(fd int, b []byte, off int64) (int, int)

// LinkError records an error during a link or symlink or rename system call and the
// paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }

func (e *LinkError) Unwrap() error { return e.Err }

// Rename renames (moves) oldpath to newpath. If newpath already exists and is not a
// directory, Rename replaces it.
func Rename(oldpath, newpath string) error {
	if fi, err := Lstat(newpath); err == nil && fi.IsDir() {
		// rename(2) would replace an empty directory; Go refuses, as on other systems.
		if _, err := Lstat(oldpath); err != nil {
			if pe, ok := err.(*PathError); ok {
				err = pe.Err
			}
			return &LinkError{"rename", oldpath, newpath, err}
		}
		return &LinkError{"rename", oldpath, newpath, syscall.EEXIST}
	}
	if errno := renamePath(oldpath, newpath); errno != 0 {
		return &LinkError{"rename", oldpath, newpath, sysErrno(errno)}
	}
	return nil
}

// Link creates newname as a hard link to the oldname file.
func Link(oldname, newname string) error {
	if errno := linkPath(oldname, newname); errno != 0 {
		return &LinkError{"link", oldname, newname, sysErrno(errno)}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname.
func Symlink(oldname, newname string) error {
	if errno := symlinkPath(oldname, newname); errno != 0 {
		return &LinkError{"symlink", oldname, newname, sysErrno(errno)}
	}
	return nil
}

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	s, errno := readlinkPath(name)
	if errno != 0 {
		return "", pathErr("readlink", name, errno)
	}
	return s, nil
}

// Chmod changes the mode of the named file to mode (its permission bits, setuid, setgid
// and sticky).
func Chmod(name string, mode FileMode) error {
	if errno := chmodPath(name, syscallMode(mode)); errno != 0 {
		return pathErr("chmod", name, errno)
	}
	return nil
}

// syscallMode returns the syscall-specific mode bits from Go's portable mode bits.
func syscallMode(i FileMode) uint32 {
	o := uint32(i.Perm())
	if i&ModeSetuid != 0 {
		o |= 04000
	}
	if i&ModeSetgid != 0 {
		o |= 02000
	}
	if i&ModeSticky != 0 {
		o |= 01000
	}
	return o
}

// Chown changes the numeric uid and gid of the named file (a symbolic link's target); -1
// leaves a value unchanged.
func Chown(name string, uid, gid int) error {
	if errno := chownPath(name, uid, gid, true); errno != 0 {
		return pathErr("chown", name, errno)
	}
	return nil
}

// Lchown is Chown of a symbolic link itself.
func Lchown(name string, uid, gid int) error {
	if errno := chownPath(name, uid, gid, false); errno != 0 {
		return pathErr("lchown", name, errno)
	}
	return nil
}

// Chtimes changes the access and modification times of the named file; a zero time.Time
// leaves that time unchanged.
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	if errno := chtimesPath(name, atime.Unix(), int64(atime.Nanosecond()), !atime.IsZero(),
		mtime.Unix(), int64(mtime.Nanosecond()), !mtime.IsZero()); errno != 0 {
		return pathErr("chtimes", name, errno)
	}
	return nil
}

// Truncate changes the size of the named file.
func Truncate(name string, size int64) error {
	if errno := truncatePath(name, size); errno != 0 {
		return pathErr("truncate", name, errno)
	}
	return nil
}

// Chmod changes the mode of the file to mode.
func (f *File) Chmod(mode FileMode) error {
	if err := f.checkValid("chmod"); err != nil {
		return err
	}
	if errno := fchmodFd(f.fd, syscallMode(mode)); errno != 0 {
		return pathErr("chmod", f.name, errno)
	}
	return nil
}

// Chown changes the numeric uid and gid of the file.
func (f *File) Chown(uid, gid int) error {
	if err := f.checkValid("chown"); err != nil {
		return err
	}
	if errno := fchownFd(f.fd, uid, gid); errno != 0 {
		return pathErr("chown", f.name, errno)
	}
	return nil
}

// Truncate changes the size of the file. It does not change the I/O offset.
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if errno := ftruncateFd(f.fd, size); errno != 0 {
		return pathErr("truncate", f.name, errno)
	}
	return nil
}

// ReadAt reads len(b) bytes from the File starting at byte offset off. It returns the
// number of bytes read and the error, if any: io.EOF when fewer than len(b) bytes remain.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := preadFd(f.fd, b, off)
		if errno != 0 {
			err = pathErr("read", f.name, errno)
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

// WriteAt writes len(b) bytes to the File starting at byte offset off.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := pwriteFd(f.fd, b, off)
		if errno != 0 {
			err = pathErr("write", f.name, errno)
			break
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}
