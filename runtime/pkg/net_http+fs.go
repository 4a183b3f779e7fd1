// Serving files (Go's fs.go): FileSystem and Dir, FileServer, ServeFile and ServeContent
// with Go's redirects (index.html, trailing slashes), directory listings, Content-Type
// from the extension (mime's built-in table and the system's globs2) or sniffed,
// Last-Modified/If-Modified-Since and single byte ranges.
package http

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A FileSystem implements access to a collection of named files.
type FileSystem interface {
	Open(name string) (File, error)
}

// A File is returned by a FileSystem's Open method and can be served by FileServer.
type File interface {
	io.Closer
	io.Reader
	io.Seeker
	Readdir(count int) ([]fs.FileInfo, error)
	Stat() (fs.FileInfo, error)
}

// A Dir implements FileSystem using the native file system restricted to a directory
// tree; an empty Dir is treated as ".".
type Dir string

// dirFile is an *os.File with Readdir, which gol's os.File lacks.
type dirFile struct {
	*os.File
	name string
}

func (f dirFile) Readdir(count int) ([]fs.FileInfo, error) {
	ents, err := os.ReadDir(f.name)
	if err != nil {
		return nil, err
	}
	var infos []fs.FileInfo
	for _, e := range ents {
		if count > 0 && len(infos) == count {
			break
		}
		if info, err := e.Info(); err == nil {
			infos = append(infos, info)
		}
	}
	return infos, nil
}

// Open implements FileSystem using os.Open, opening files for reading rooted and
// relative to the directory d.
func (d Dir) Open(name string) (File, error) {
	p := path.Clean("/" + name)[1:]
	if p == "" {
		p = "."
	}
	dir := string(d)
	if dir == "" {
		dir = "."
	}
	fullName := filepath.Join(dir, filepath.FromSlash(p))
	f, err := os.Open(fullName)
	if err != nil {
		return nil, mapOpenError(err, fullName, filepath.Separator, os.Stat)
	}
	return dirFile{f, fullName}, nil
}

// mapOpenError turns an ENOTDIR on some path component into ErrNotExist, as Go does:
// [stat] looks paths up in the file system [name] is in, whose separator is [sep].
func mapOpenError(originalErr error, name string, sep rune, stat func(string) (fs.FileInfo, error)) error {
	if errors.Is(originalErr, fs.ErrNotExist) || errors.Is(originalErr, fs.ErrPermission) {
		return originalErr
	}
	parts := strings.Split(name, string(sep))
	for i := range parts {
		if parts[i] == "" {
			continue
		}
		fi, err := stat(strings.Join(parts[:i+1], string(sep)))
		if err != nil {
			return originalErr
		}
		if !fi.IsDir() {
			return fs.ErrNotExist
		}
	}
	return originalErr
}

// FS converts fsys to a FileSystem, for FileServer and NewFileTransport; its files must
// implement io.Seeker to be served, and directories fs.ReadDirFile to be listed.
func FS(fsys fs.FS) FileSystem {
	return ioFS{fsys}
}

type ioFS struct {
	fsys fs.FS
}

func (f ioFS) Open(name string) (File, error) {
	if name == "/" {
		name = "."
	} else {
		name = strings.TrimPrefix(name, "/")
	}
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, mapOpenError(err, name, '/', func(p string) (fs.FileInfo, error) {
			return fs.Stat(f.fsys, p)
		})
	}
	return ioFile{file}, nil
}

// ioFile is an fs.File as a File: Seek and Readdir when the file has what they need.
type ioFile struct {
	file fs.File
}

var errMissingSeek = errors.New("io.File missing Seek method")
var errMissingReadDir = errors.New("io.File directory missing ReadDir method")

func (f ioFile) Close() error               { return f.file.Close() }
func (f ioFile) Read(b []byte) (int, error) { return f.file.Read(b) }
func (f ioFile) Stat() (fs.FileInfo, error) { return f.file.Stat() }

func (f ioFile) Seek(offset int64, whence int) (int64, error) {
	s, ok := f.file.(io.Seeker)
	if !ok {
		return 0, errMissingSeek
	}
	return s.Seek(offset, whence)
}

func (f ioFile) ReadDir(count int) ([]fs.DirEntry, error) {
	d, ok := f.file.(fs.ReadDirFile)
	if !ok {
		return nil, errMissingReadDir
	}
	return d.ReadDir(count)
}

func (f ioFile) Readdir(count int) ([]fs.FileInfo, error) {
	d, ok := f.file.(fs.ReadDirFile)
	if !ok {
		return nil, errMissingReadDir
	}
	var list []fs.FileInfo
	for {
		dirs, err := d.ReadDir(count - len(list))
		for _, dir := range dirs {
			if info, err := dir.Info(); err == nil { // one that vanished is skipped, as os does
				list = append(list, info)
			}
		}
		if err != nil {
			return list, err
		}
		if count < 0 || len(list) >= count {
			return list, nil
		}
	}
}

type fileHandler struct {
	root FileSystem
}

// FileServer returns a handler that serves HTTP requests with the contents of the file
// system rooted at root.
func FileServer(root FileSystem) Handler { return &fileHandler{root} }

// FileServerFS returns a handler that serves HTTP requests with the contents of fsys.
func FileServerFS(root fs.FS) Handler { return FileServer(FS(root)) }

func (f *fileHandler) ServeHTTP(w ResponseWriter, r *Request) {
	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
		r.URL.Path = upath
	}
	serveFile(w, r, f.root, path.Clean(upath), true)
}

// ServeFile replies to the request with the contents of the named file or directory.
func ServeFile(w ResponseWriter, r *Request, name string) {
	if containsDotDot(r.URL.Path) {
		serveError(w, "invalid URL path", StatusBadRequest)
		return
	}
	dir, file := filepath.Split(name)
	serveFile(w, r, Dir(dir), file, false)
}

// ServeFileFS replies to the request with the contents of the named file or directory of
// fsys (refusing, as ServeFile does, a request path with a ".." element).
func ServeFileFS(w ResponseWriter, r *Request, fsys fs.FS, name string) {
	if containsDotDot(r.URL.Path) {
		serveError(w, "invalid URL path", StatusBadRequest)
		return
	}
	serveFile(w, r, FS(fsys), name, false)
}

func containsDotDot(v string) bool {
	if !strings.Contains(v, "..") {
		return false
	}
	for _, ent := range strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '\\' }) {
		if ent == ".." {
			return true
		}
	}
	return false
}

// serveError is Error without the headers that described the content (Go 1.23).
func serveError(w ResponseWriter, text string, code int) {
	h := w.Header()
	for _, k := range []string{"Cache-Control", "Content-Encoding", "Etag", "Last-Modified"} {
		h.Del(k)
	}
	Error(w, text, code)
}

func toHTTPError(err error) (msg string, httpStatus int) {
	if errors.Is(err, fs.ErrNotExist) {
		return "404 page not found", StatusNotFound
	}
	if errors.Is(err, fs.ErrPermission) {
		return "403 Forbidden", StatusForbidden
	}
	return "500 Internal Server Error", StatusInternalServerError
}

func localRedirect(w ResponseWriter, r *Request, newPath string) {
	if q := r.URL.RawQuery; q != "" {
		newPath += "?" + q
	}
	w.Header().Set("Location", newPath)
	w.WriteHeader(StatusMovedPermanently)
}

func serveFile(w ResponseWriter, r *Request, fsys FileSystem, name string, redirect bool) {
	const indexPage = "/index.html"
	if strings.HasSuffix(r.URL.Path, indexPage) {
		localRedirect(w, r, "./")
		return
	}
	f, err := fsys.Open(name)
	if err != nil {
		msg, code := toHTTPError(err)
		serveError(w, msg, code)
		return
	}
	defer f.Close()
	d, err := f.Stat()
	if err != nil {
		msg, code := toHTTPError(err)
		serveError(w, msg, code)
		return
	}
	if redirect {
		url := r.URL.Path
		if d.IsDir() {
			if url[len(url)-1] != '/' {
				localRedirect(w, r, path.Base(url)+"/")
				return
			}
		} else if url[len(url)-1] == '/' {
			base := path.Base(url)
			if base == "/" || base == "." {
				base = ""
			}
			localRedirect(w, r, "../"+base)
			return
		}
	}
	if d.IsDir() {
		url := r.URL.Path
		if url == "" || url[len(url)-1] != '/' {
			localRedirect(w, r, "./")
			return
		}
		if ff, err := fsys.Open(strings.TrimSuffix(name, "/") + indexPage); err == nil {
			defer ff.Close()
			if dd, err := ff.Stat(); err == nil {
				d, f = dd, ff
			}
		}
	}
	if d.IsDir() {
		if r.Method == "GET" || r.Method == "HEAD" {
			if notModified(r, d.ModTime()) {
				writeNotModified(w)
				return
			}
		}
		setLastModified(w, d.ModTime())
		dirList(w, r, f)
		return
	}
	serveContent(w, r, d.Name(), d.ModTime(), d.Size(), f)
}

func dirList(w ResponseWriter, r *Request, f File) {
	dirs, err := f.Readdir(-1)
	if err != nil {
		serveError(w, "Error reading directory", StatusInternalServerError)
		return
	}
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].Name() < dirs[j].Name() })
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html>\n")
	fmt.Fprintf(w, "<meta name=\"viewport\" content=\"width=device-width\">\n")
	fmt.Fprintf(w, "<pre>\n")
	for _, d := range dirs {
		name := d.Name()
		if d.IsDir() {
			name += "/"
		}
		u := url.URL{Path: name}
		fmt.Fprintf(w, "<a href=\"%s\">%s</a>\n", u.String(), htmlReplacer.Replace(name))
	}
	fmt.Fprintf(w, "</pre>\n")
}

// ServeContent replies to the request using the content in the provided ReadSeeker,
// with Content-Type from name's extension or sniffed, Last-Modified from modtime,
// If-Modified-Since and single-range Range requests.
func ServeContent(w ResponseWriter, req *Request, name string, modtime time.Time, content io.ReadSeeker) {
	size, err := content.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = content.Seek(0, io.SeekStart)
	}
	if err != nil {
		serveError(w, "seeker can't seek", StatusInternalServerError)
		return
	}
	serveContent(w, req, name, modtime, size, content)
}

func isZeroTime(t time.Time) bool { return t.IsZero() || t.Equal(time.Unix(0, 0)) }

func setLastModified(w ResponseWriter, modtime time.Time) {
	if !isZeroTime(modtime) {
		w.Header().Set("Last-Modified", modtime.UTC().Format(TimeFormat))
	}
}

// notModified reports whether an If-Modified-Since header makes the reply a 304.
func notModified(r *Request, modtime time.Time) bool {
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || isZeroTime(modtime) || r.Header.Get("If-None-Match") != "" {
		return false
	}
	t, err := ParseTime(ims)
	if err != nil {
		return false
	}
	modtime = modtime.Truncate(time.Second)
	return !modtime.After(t)
}

func writeNotModified(w ResponseWriter) {
	h := w.Header()
	delete(h, "Content-Type")
	delete(h, "Content-Length")
	delete(h, "Content-Encoding")
	if h.Get("Etag") != "" {
		delete(h, "Last-Modified")
	}
	w.WriteHeader(StatusNotModified)
}

func serveContent(w ResponseWriter, r *Request, name string, modtime time.Time, size int64, content io.ReadSeeker) {
	setLastModified(w, modtime)
	if (r.Method == "GET" || r.Method == "HEAD") && notModified(r, modtime) {
		writeNotModified(w)
		return
	}
	code := StatusOK
	if _, haveType := w.Header()["Content-Type"]; !haveType {
		ctype := typeByExtension(filepath.Ext(name))
		if ctype == "" {
			var buf [sniffLen]byte
			n, _ := io.ReadFull(content, buf[:])
			ctype = DetectContentType(buf[:n])
			if _, err := content.Seek(0, io.SeekStart); err != nil {
				serveError(w, "seeker can't seek", StatusInternalServerError)
				return
			}
		}
		w.Header().Set("Content-Type", ctype)
	}
	sendSize := size
	if rh := r.Header.Get("Range"); rh != "" && (r.Method == "GET" || r.Method == "HEAD") {
		start, length, err := parseSingleRange(rh, size)
		if err != nil {
			if err == errNoOverlap {
				w.Header().Set("Content-Range", fmt.Sprintf("bytes */%d", size))
			}
			serveError(w, err.Error(), StatusRequestedRangeNotSatisfiable)
			return
		}
		if length >= 0 {
			if _, err := content.Seek(start, io.SeekStart); err != nil {
				serveError(w, err.Error(), StatusRequestedRangeNotSatisfiable)
				return
			}
			sendSize = length
			code = StatusPartialContent
			w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", start, start+length-1, size))
		}
	}
	w.Header().Set("Accept-Ranges", "bytes")
	if w.Header().Get("Content-Encoding") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(sendSize, 10))
	}
	w.WriteHeader(code)
	if r.Method != "HEAD" {
		io.CopyN(w, content, sendSize)
	}
}

var (
	errInvalidRange = errors.New("invalid range")
	errNoOverlap    = errors.New("invalid range: failed to overlap")
)

// parseSingleRange parses "bytes=a-b", "bytes=a-" or "bytes=-n"; a list of several
// ranges is served whole (length -1), as gol writes no multipart/byteranges.
func parseSingleRange(s string, size int64) (start, length int64, err error) {
	const b = "bytes="
	if !strings.HasPrefix(s, b) {
		return 0, 0, errInvalidRange
	}
	spec := trimString(s[len(b):])
	if strings.Contains(spec, ",") {
		return 0, -1, nil
	}
	first, last, ok := strings.Cut(spec, "-")
	if !ok {
		return 0, 0, errInvalidRange
	}
	first, last = trimString(first), trimString(last)
	if first == "" {
		if last == "" || last[0] == '-' {
			return 0, 0, errInvalidRange
		}
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil {
			return 0, 0, errInvalidRange
		}
		if n == 0 {
			return 0, 0, errNoOverlap
		}
		if n > size {
			n = size
		}
		return size - n, n, nil
	}
	i, err := strconv.ParseInt(first, 10, 64)
	if err != nil || i < 0 {
		return 0, 0, errInvalidRange
	}
	if i >= size {
		return 0, 0, errNoOverlap
	}
	if last == "" {
		return i, size - i, nil
	}
	j, err := strconv.ParseInt(last, 10, 64)
	if err != nil || i > j {
		return 0, 0, errInvalidRange
	}
	if j >= size {
		j = size - 1
	}
	return i, j - i + 1, nil
}

// ParseTime parses a time header (such as the Date: header), trying each of the three
// formats allowed by HTTP/1.1: TimeFormat, time.RFC850, and time.ANSIC.
func ParseTime(text string) (t time.Time, err error) {
	for _, layout := range []string{TimeFormat, time.RFC850, time.ANSIC} {
		t, err = time.Parse(layout, text)
		if err == nil {
			return
		}
	}
	return
}

// mime's built-in types; the system's shared-mime-info globs add the rest, as Go's
// mime package does on Linux.
var builtinMimeTypes = map[string]string{
	".avif": "image/avif", ".css": "text/css; charset=utf-8", ".gif": "image/gif",
	".htm": "text/html; charset=utf-8", ".html": "text/html; charset=utf-8",
	".jpeg": "image/jpeg", ".jpg": "image/jpeg", ".js": "text/javascript; charset=utf-8",
	".json": "application/json", ".mjs": "text/javascript; charset=utf-8",
	".pdf": "application/pdf", ".png": "image/png", ".svg": "image/svg+xml",
	".wasm": "application/wasm", ".webp": "image/webp", ".xml": "text/xml; charset=utf-8",
}

var (
	mimeOnce  sync.Once
	mimeTypes map[string]string // written once under mimeOnce
)

func typeByExtension(ext string) string {
	mimeOnce.Do(loadMimeTypes)
	if t, ok := mimeTypes[ext]; ok {
		return t
	}
	return mimeTypes[strings.ToLower(ext)]
}

func loadMimeTypes() {
	mimeTypes = make(map[string]string)
	for k, v := range builtinMimeTypes {
		mimeTypes[k] = v
	}
	for _, name := range []string{"/usr/local/share/mime/globs2", "/usr/share/mime/globs2"} {
		if loadMimeGlobs(name) {
			return
		}
	}
}

// loadMimeGlobs reads a globs2 file ("weight:type:*.ext"); the first type of an
// extension wins and text types get charset=utf-8.
func loadMimeGlobs(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ":")
		if len(fields) < 3 || len(fields[0]) < 1 || len(fields[2]) < 3 || fields[0][0] == '#' || fields[2][0] != '*' || fields[2][1] != '.' {
			continue
		}
		ext := fields[2][1:]
		if strings.ContainsAny(ext, "?*[") {
			continue
		}
		if _, ok := mimeTypes[ext]; ok {
			continue
		}
		t := fields[1]
		if strings.HasPrefix(t, "text/") && !strings.Contains(t, "charset=") {
			t += "; charset=utf-8"
		}
		mimeTypes[ext] = t
		if lower := strings.ToLower(ext); mimeTypes[lower] == "" {
			mimeTypes[lower] = t
		}
	}
	return true
}
