// Package embed provides access to files embedded in the running Go program by
// //go:embed directives. Go's embed.go written again: gol's loader (src/embed.c) reads the
// files and the checker (src/check_embed.c) initializes an FS with two strings, an index
// of "name\x00offset length\n" lines (length -1 for a directory, names as Go's: "a/",
// "a/b.txt", sorted by directory, then base name) and the files' contents end to end.
package embed

import (
	"errors"
	"io"
	"io/fs"
	"time"
)

// An FS is a read-only collection of files, usually initialized with a //go:embed
// directive. The zero FS is empty. FS implements fs.FS, fs.ReadDirFS and fs.ReadFileFS.
type FS struct {
	index string
	blob  string
}

// A file is a single file or directory in the FS.
type file struct {
	name string // "a/b.txt", or "a/" for a directory
	data string
}

// files decodes the index.
func (f FS) files() []file {
	var out []file
	s := f.index
	for len(s) > 0 {
		i := 0
		for s[i] != 0 {
			i++
		}
		name := s[:i]
		s = s[i+1:]
		off, n := 0, 0
		for s[0] != ' ' {
			off = off*10 + int(s[0]-'0')
			s = s[1:]
		}
		s = s[1:]
		if s[0] == '-' {
			n = -1
			s = s[2:]
		} else {
			for s[0] != '\n' {
				n = n*10 + int(s[0]-'0')
				s = s[1:]
			}
		}
		s = s[1:]
		fl := file{name: name}
		if n > 0 {
			fl.data = f.blob[off : off+n]
		}
		out = append(out, fl)
	}
	return out
}

// split splits the name into dir and elem as described in the comment in the FS struct
// above. isDir reports whether the final trailing slash was present, indicating that
// name is a directory.
func split(name string) (dir, elem string, isDir bool) {
	name, isDir = trimSlash(name)
	i := len(name) - 1
	for i >= 0 && name[i] != '/' {
		i--
	}
	if i < 0 {
		return ".", name, isDir
	}
	return name[:i], name[i+1:], isDir
}

func trimSlash(name string) (string, bool) {
	if len(name) > 0 && name[len(name)-1] == '/' {
		return name[:len(name)-1], true
	}
	return name, false
}

var (
	_ fs.ReadDirFile = (*openDir)(nil)
	_ fs.ReadDirFS   = FS{}
	_ fs.ReadFileFS  = FS{}
)

func (f *file) Name() string               { _, elem, _ := split(f.name); return elem }
func (f *file) Size() int64                { return int64(len(f.data)) }
func (f *file) ModTime() time.Time         { return time.Time{} }
func (f *file) IsDir() bool                { _, _, isDir := split(f.name); return isDir }
func (f *file) Sys() any                   { return nil }
func (f *file) Type() fs.FileMode          { return f.Mode().Type() }
func (f *file) Info() (fs.FileInfo, error) { return f, nil }

func (f *file) Mode() fs.FileMode {
	if f.IsDir() {
		return fs.ModeDir | 0555
	}
	return 0444
}

func (f *file) String() string { return fs.FormatFileInfo(f) }

// dotFile is a file for the root directory, which is omitted from the files list.
var dotFile = &file{name: "./"}

// lookup returns the named file, or nil if it is not present.
func (f FS) lookup(name string) *file {
	if !fs.ValidPath(name) {
		return nil
	}
	if name == "." {
		return dotFile
	}
	files := f.files()
	for i := range files {
		if n, _ := trimSlash(files[i].name); n == name {
			return &files[i]
		}
	}
	return nil
}

// readDir returns the list of files corresponding to the directory dir.
func (f FS) readDir(dir string) []file {
	var list []file
	for _, fl := range f.files() {
		if d, _, _ := split(fl.name); d == dir {
			list = append(list, fl)
		}
	}
	return list
}

// Open opens the named file for reading and returns it as an fs.File. The returned file
// implements io.Seeker and io.ReaderAt when the file is not a directory.
func (f FS) Open(name string) (fs.File, error) {
	file := f.lookup(name)
	if file == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if file.IsDir() {
		return &openDir{file, f.readDir(name), 0}, nil
	}
	return &openFile{file, 0}, nil
}

// ReadDir reads and returns the entire named directory.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	dir, ok := file.(*openDir)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a directory")}
	}
	list := make([]fs.DirEntry, len(dir.files))
	for i := range list {
		list[i] = &dir.files[i]
	}
	return list, nil
}

// ReadFile reads and returns the content of the named file.
func (f FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	ofile, ok := file.(*openFile)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	return []byte(ofile.f.data), nil
}

// An openFile is a regular file open for reading.
type openFile struct {
	f      *file // the file itself
	offset int64 // current read offset
}

var (
	_ io.Seeker   = (*openFile)(nil)
	_ io.ReaderAt = (*openFile)(nil)
)

func (f *openFile) Close() error               { return nil }
func (f *openFile) Stat() (fs.FileInfo, error) { return f.f, nil }

func (f *openFile) Read(b []byte) (int, error) {
	if f.offset >= int64(len(f.f.data)) {
		return 0, io.EOF
	}
	if f.offset < 0 {
		return 0, &fs.PathError{Op: "read", Path: f.f.name, Err: fs.ErrInvalid}
	}
	n := copy(b, f.f.data[f.offset:])
	f.offset += int64(n)
	return n, nil
}

func (f *openFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case 0:
		// offset += 0
	case 1:
		offset += f.offset
	case 2:
		offset += int64(len(f.f.data))
	}
	if offset < 0 || offset > int64(len(f.f.data)) {
		return 0, &fs.PathError{Op: "seek", Path: f.f.name, Err: fs.ErrInvalid}
	}
	f.offset = offset
	return offset, nil
}

func (f *openFile) ReadAt(b []byte, offset int64) (int, error) {
	if offset < 0 || offset > int64(len(f.f.data)) {
		return 0, &fs.PathError{Op: "read", Path: f.f.name, Err: fs.ErrInvalid}
	}
	n := copy(b, f.f.data[offset:])
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// An openDir is a directory open for reading.
type openDir struct {
	f      *file  // the directory file itself
	files  []file // the directory contents
	offset int    // the read offset, an index into the files slice
}

func (d *openDir) Close() error               { return nil }
func (d *openDir) Stat() (fs.FileInfo, error) { return d.f, nil }

func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.f.name, Err: errors.New("is a directory")}
}

func (d *openDir) ReadDir(count int) ([]fs.DirEntry, error) {
	n := len(d.files) - d.offset
	if n == 0 {
		if count <= 0 {
			return nil, nil
		}
		return nil, io.EOF
	}
	if count > 0 && n > count {
		n = count
	}
	list := make([]fs.DirEntry, n)
	for i := range list {
		list[i] = &d.files[d.offset+i]
	}
	d.offset += n
	return list, nil
}
