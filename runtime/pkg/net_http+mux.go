// ServeMux with Go 1.22 patterns ("[METHOD ][HOST]/[PATH]", {name}, {name...}, {$}):
// parsing with Go's error texts, the conflict check at registration (two patterns that
// match some request with neither more specific panic), and matching through a tree keyed
// by host, then method, then path segments, where literals beat wildcards, as Go's
// routing tree does. Redirects /dir to /dir/ and unclean paths; 405 with Allow.
package http

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// ServeMux is an HTTP request multiplexer: it matches each request against its
// registered patterns and calls the handler of the most specific one.
type ServeMux struct {
	mu       sync.RWMutex
	tree     routingNode // guarded by: mu
	patterns []*pattern  // guarded by: mu
}

// NewServeMux allocates and returns a new ServeMux.
func NewServeMux() *ServeMux { return &ServeMux{} }

// DefaultServeMux is the default ServeMux used by Serve when the handler is nil.
var DefaultServeMux = &defaultServeMux

var defaultServeMux ServeMux

type pattern struct {
	str      string
	method   string
	host     string
	segments []segment
	loc      string
}

func (p *pattern) String() string { return p.str }

func (p *pattern) lastSegment() segment { return p.segments[len(p.segments)-1] }

// segment: a literal (s), a wildcard (wild, s its name), a multi wildcard (multi), or
// "/" for a trailing {$}.
type segment struct {
	s     string
	wild  bool
	multi bool
}

type routingNode struct {
	pattern    *pattern
	handler    Handler
	children   map[string]*routingNode
	emptyChild *routingNode
	multiChild *routingNode
}

func parsePattern(s string) (_ *pattern, err error) {
	if len(s) == 0 {
		return nil, errors.New("empty pattern")
	}
	off := 0
	defer func() {
		if err != nil {
			err = fmt.Errorf("at offset %d: %w", off, err)
		}
	}()
	method, rest, found := "", s, false
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		method, rest, found = s[:i], strings.TrimLeft(s[i+1:], " \t"), true
	}
	if method != "" && !validMethod(method) {
		return nil, fmt.Errorf("invalid method %q", method)
	}
	p := &pattern{str: s, method: method}
	if found {
		off = len(method) + 1
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return nil, errors.New("host/path missing /")
	}
	p.host = rest[:i]
	rest = rest[i:]
	if j := strings.IndexByte(p.host, '{'); j >= 0 {
		off += j
		return nil, errors.New("host contains '{' (missing initial '/'?)")
	}
	off += i
	if method != "" && method != "CONNECT" && rest != cleanPath(rest) {
		return nil, errors.New("non-CONNECT pattern with unclean path can never match")
	}
	return p, p.parseSegments(s, rest, &off)
}

func (p *pattern) parseSegments(s, rest string, off *int) error {
	seen := map[string]bool{}
	for len(rest) > 0 {
		rest = rest[1:]
		*off = len(s) - len(rest)
		if len(rest) == 0 {
			p.segments = append(p.segments, segment{wild: true, multi: true})
			break
		}
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			i = len(rest)
		}
		var seg string
		seg, rest = rest[:i], rest[i:]
		if i := strings.IndexByte(seg, '{'); i < 0 {
			p.segments = append(p.segments, segment{s: pathUnescape(seg)})
			continue
		} else if i != 0 {
			return errors.New("bad wildcard segment (must start with '{')")
		}
		if seg[len(seg)-1] != '}' {
			return errors.New("bad wildcard segment (must end with '}')")
		}
		name := seg[1 : len(seg)-1]
		if name == "$" {
			if len(rest) != 0 {
				return errors.New("{$} not at end")
			}
			p.segments = append(p.segments, segment{s: "/"})
			break
		}
		name, multi := strings.CutSuffix(name, "...")
		if multi && len(rest) != 0 {
			return errors.New("{...} wildcard not at end")
		}
		if name == "" {
			return errors.New("empty wildcard")
		}
		if !isValidWildcardName(name) {
			return fmt.Errorf("bad wildcard name %q", name)
		}
		if seen[name] {
			return fmt.Errorf("duplicate wildcard name %q", name)
		}
		seen[name] = true
		p.segments = append(p.segments, segment{s: name, wild: true, multi: multi})
	}
	return nil
}

func isValidWildcardName(s string) bool {
	for i, c := range s {
		if !unicode.IsLetter(c) && c != '_' && (i == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

func pathUnescape(p string) string {
	u, err := url.PathUnescape(p)
	if err != nil {
		return p
	}
	return u
}

// cleanPath returns the canonical path for p, eliminating . and .. elements and keeping
// a trailing slash.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		if len(p) == len(np)+1 && strings.HasPrefix(p, np) {
			np = p
		} else {
			np += "/"
		}
	}
	return np
}

// Handle registers the handler for the given pattern; it panics if the pattern is
// invalid or conflicts with one already registered.
func (mux *ServeMux) Handle(pattern string, handler Handler) { mux.register(pattern, handler) }

// HandleFunc registers the handler function for the given pattern.
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	if handler == nil {
		panic("http: nil handler")
	}
	mux.register(pattern, HandlerFunc(handler))
}

// Handle registers the handler for the given pattern in DefaultServeMux.
func Handle(pattern string, handler Handler) { DefaultServeMux.register(pattern, handler) }

// HandleFunc registers the handler function for the given pattern in DefaultServeMux.
func HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	if handler == nil {
		panic("http: nil handler")
	}
	DefaultServeMux.register(pattern, HandlerFunc(handler))
}

func (mux *ServeMux) register(pattern string, handler Handler) {
	if err := mux.registerErr(pattern, handler); err != nil {
		panic(err)
	}
}

func (mux *ServeMux) registerErr(patstr string, handler Handler) error {
	if patstr == "" {
		return errors.New("http: invalid pattern")
	}
	if handler == nil {
		return errors.New("http: nil handler")
	}
	if f, ok := handler.(HandlerFunc); ok && f == nil {
		return errors.New("http: nil handler")
	}
	pat, err := parsePattern(patstr)
	if err != nil {
		return fmt.Errorf("parsing %q: %w", patstr, err)
	}
	if _, file, line, ok := runtime.Caller(3); ok {
		pat.loc = fmt.Sprintf("%s:%d", file, line)
	} else {
		pat.loc = "unknown location"
	}
	mux.mu.Lock()
	defer mux.mu.Unlock()
	for _, pat2 := range mux.patterns {
		if pat.conflictsWith(pat2) {
			return fmt.Errorf("pattern %q (registered at %s) conflicts with pattern %q (registered at %s):\n%s",
				pat, pat.loc, pat2, pat2.loc, describeConflict(pat, pat2))
		}
	}
	mux.tree.addPattern(pat, handler)
	mux.patterns = append(mux.patterns, pat)
	return nil
}

func (n *routingNode) addChild(key string) *routingNode {
	if key == "" {
		if n.emptyChild == nil {
			n.emptyChild = &routingNode{}
		}
		return n.emptyChild
	}
	if c := n.children[key]; c != nil {
		return c
	}
	if n.children == nil {
		n.children = map[string]*routingNode{}
	}
	c := &routingNode{}
	n.children[key] = c
	return c
}

func (n *routingNode) findChild(key string) *routingNode {
	if n == nil {
		return nil
	}
	if key == "" {
		return n.emptyChild
	}
	return n.children[key]
}

func (n *routingNode) addPattern(p *pattern, h Handler) {
	n = n.addChild(p.host).addChild(p.method)
	for _, seg := range p.segments {
		if seg.multi {
			n.multiChild = &routingNode{}
			n = n.multiChild
			break
		}
		if seg.wild {
			n = n.addChild("")
		} else {
			n = n.addChild(seg.s)
		}
	}
	n.pattern, n.handler = p, h
}

func (n *routingNode) match(host, method, path string) (*routingNode, []string) {
	if host != "" {
		if l, m := n.findChild(host).matchMethodAndPath(method, path); l != nil {
			return l, m
		}
	}
	return n.emptyChild.matchMethodAndPath(method, path)
}

func (n *routingNode) matchMethodAndPath(method, path string) (*routingNode, []string) {
	if n == nil {
		return nil, nil
	}
	if l, m := n.findChild(method).matchPath(path, nil); l != nil {
		return l, m
	}
	if method == "HEAD" {
		if l, m := n.findChild("GET").matchPath(path, nil); l != nil {
			return l, m
		}
	}
	return n.emptyChild.matchPath(path, nil)
}

// matchPath matches the rest of a path: a literal child first, then a single wildcard,
// then a multi wildcard, collecting wildcard values.
func (n *routingNode) matchPath(path string, matches []string) (*routingNode, []string) {
	if n == nil {
		return nil, nil
	}
	if path == "" {
		if n.pattern == nil {
			return nil, nil
		}
		return n, matches
	}
	seg, rest := firstSegment(path)
	if l, m := n.findChild(seg).matchPath(rest, matches); l != nil {
		return l, m
	}
	if seg != "/" {
		if l, m := n.emptyChild.matchPath(rest, append(matches, seg)); l != nil {
			return l, m
		}
	}
	if c := n.multiChild; c != nil {
		if c.pattern.lastSegment().s != "" {
			matches = append(matches, pathUnescape(path[1:]))
		}
		return c, matches
	}
	return nil, nil
}

func firstSegment(path string) (seg, rest string) {
	if path == "/" {
		return "/", ""
	}
	path = path[1:]
	i := strings.IndexByte(path, '/')
	if i < 0 {
		i = len(path)
	}
	return pathUnescape(path[:i]), path[i:]
}

func (n *routingNode) matchingMethods(host, path string, set map[string]bool) {
	if host != "" {
		n.findChild(host).matchingMethodsPath(path, set)
	}
	n.emptyChild.matchingMethodsPath(path, set)
	if set["GET"] {
		set["HEAD"] = true
	}
}

func (n *routingNode) matchingMethodsPath(path string, set map[string]bool) {
	if n == nil {
		return
	}
	for method, c := range n.children {
		if l, _ := c.matchPath(path, nil); l != nil {
			set[method] = true
		}
	}
}

// exactMatch reports whether node n matched path without a multi wildcard taking a
// non-empty part of it.
func exactMatch(n *routingNode, path string) bool {
	if n == nil {
		return false
	}
	if !n.pattern.lastSegment().multi {
		return true
	}
	if len(path) > 0 && path[len(path)-1] != '/' {
		return false
	}
	return len(n.pattern.segments) == strings.Count(path, "/")
}

// Handler returns the handler to use for the given request and the pattern that
// matched (a redirect or 404/405 handler when none does).
func (mux *ServeMux) Handler(r *Request) (h Handler, pattern string) {
	h, pattern, _, _ = mux.findHandler(r)
	return
}

func (mux *ServeMux) findHandler(r *Request) (h Handler, patStr string, _ *pattern, matches []string) {
	var n *routingNode
	host := r.URL.Host
	escapedPath := r.URL.EscapedPath()
	p := escapedPath
	if r.Method == "CONNECT" {
		if _, _, u := mux.matchOrRedirect(host, r.Method, p, r.URL); u != nil {
			return RedirectHandler(u.String(), StatusMovedPermanently), u.Path, nil, nil
		}
		n, matches, _ = mux.matchOrRedirect(r.Host, r.Method, p, nil)
	} else {
		host = stripHostPort(r.Host)
		p = cleanPath(p)
		var u *url.URL
		n, matches, u = mux.matchOrRedirect(host, r.Method, p, r.URL)
		if u != nil {
			return RedirectHandler(u.String(), StatusMovedPermanently), u.Path, nil, nil
		}
		if p != escapedPath {
			patStr := ""
			if n != nil {
				patStr = n.pattern.String()
			}
			u := &url.URL{Path: p, RawQuery: r.URL.RawQuery}
			return RedirectHandler(u.String(), StatusMovedPermanently), patStr, nil, nil
		}
	}
	if n == nil {
		if allowed := mux.matchingMethods(host, p); len(allowed) > 0 {
			return HandlerFunc(func(w ResponseWriter, r *Request) {
				w.Header().Set("Allow", strings.Join(allowed, ", "))
				Error(w, StatusText(StatusMethodNotAllowed), StatusMethodNotAllowed)
			}), "", nil, nil
		}
		return NotFoundHandler(), "", nil, nil
	}
	return n.handler, n.pattern.String(), n.pattern, matches
}

func (mux *ServeMux) matchOrRedirect(host, method, path string, u *url.URL) (*routingNode, []string, *url.URL) {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	n, matches := mux.tree.match(host, method, path)
	if !exactMatch(n, path) && u != nil && !strings.HasSuffix(path, "/") {
		path += "/"
		n2, _ := mux.tree.match(host, method, path)
		if exactMatch(n2, path) {
			return nil, nil, &url.URL{Path: cleanPath(u.Path) + "/", RawQuery: u.RawQuery}
		}
	}
	return n, matches, nil
}

func (mux *ServeMux) matchingMethods(host, path string) []string {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	ms := map[string]bool{}
	mux.tree.matchingMethods(host, path, ms)
	if !strings.HasSuffix(path, "/") {
		mux.tree.matchingMethods(host, path+"/", ms)
	}
	keys := make([]string, 0, len(ms))
	for k := range ms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ServeHTTP dispatches the request to the handler whose pattern most closely matches
// the request URL.
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request) {
	if r.RequestURI == "*" {
		if r.ProtoAtLeast(1, 1) {
			w.Header().Set("Connection", "close")
		}
		w.WriteHeader(StatusBadRequest)
		return
	}
	var h Handler
	h, r.Pattern, r.pat, r.matches = mux.findHandler(r)
	h.ServeHTTP(w, r)
}

// stripHostPort returns h without any trailing ":<port>".
func stripHostPort(h string) string {
	if !strings.Contains(h, ":") {
		return h
	}
	if strings.HasPrefix(h, "[") {
		if i := strings.LastIndex(h, "]"); i > 0 && (i == len(h)-1 || h[i+1] == ':') {
			return h[1:i]
		}
		return h
	}
	if strings.Count(h, ":") != 1 {
		return h
	}
	return h[:strings.IndexByte(h, ':')]
}
