// Reading a directory through an open *File: ReadDir, Readdir and Readdirnames with Go's
// n > 0 / n <= 0 rules (io.EOF at the end only when n > 0). The names are read once, on
// the first call, and handed out in sorted order (Go: the directory's own order). Also
// the String method of os.ReadDir's entries (fs.FormatDirEntry, Go 1.21).
package os

import (
	"errors"
	"io"
	"io/fs"
)

// errFileClosing is internal/poll's ErrFileClosing, what directory reads of a closed File
// report.
var errFileClosing = errors.New("use of closed file")

type dirState struct {
	names []string // entries not yet returned
}

func (d *dirEntry) String() string { return fs.FormatDirEntry(d) }

// nextNames returns up to n (all when n <= 0) of the directory's remaining names.
func (f *File) nextNames(n int) ([]string, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: errFileClosing}
	}
	if f.dir == nil {
		names, errno := readDirNames(f.name)
		if errno != 0 {
			return nil, pathErr("readdirent", f.name, errno)
		}
		f.dir = &dirState{names: names}
	}
	rest := f.dir.names
	if n <= 0 || n > len(rest) {
		n = len(rest)
	}
	f.dir.names = rest[n:]
	return rest[:n], nil
}

// ReadDir reads the contents of the directory associated with the file f and returns a
// slice of DirEntry values: at most n when n > 0 (io.EOF at the end of the directory),
// all the rest when n <= 0.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	names, err := f.nextNames(n)
	if err != nil {
		return nil, err
	}
	out := []DirEntry{}
	for _, name := range names {
		fi, err := Lstat(f.name + "/" + name)
		if err != nil {
			continue // removed since the names were read
		}
		out = append(out, &dirEntry{f.name, fi})
	}
	if n > 0 && len(out) == 0 {
		return out, io.EOF
	}
	return out, nil
}

// Readdir reads the contents of the directory associated with file and returns a slice
// of FileInfo values, as would be returned by Lstat, with ReadDir's rules for n.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	names, err := f.nextNames(n)
	if err != nil {
		return nil, err
	}
	out := []FileInfo{}
	for _, name := range names {
		fi, err := Lstat(f.name + "/" + name)
		if err != nil {
			continue
		}
		out = append(out, fi)
	}
	if n > 0 && len(out) == 0 {
		return out, io.EOF
	}
	return out, nil
}

// Readdirnames reads the contents of the directory associated with file and returns a
// slice of names of files in the directory, with ReadDir's rules for n.
func (f *File) Readdirnames(n int) (names []string, err error) {
	names, err = f.nextNames(n)
	if err != nil {
		return nil, err
	}
	if names == nil {
		names = []string{}
	}
	if n > 0 && len(names) == 0 {
		return names, io.EOF
	}
	return names, nil
}
