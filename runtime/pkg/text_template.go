// Package template implements Go's text/template for gol. This file has the Template API
// (New, Parse, Funcs, Option, Execute, ExecuteTemplate, Lookup, Templates, Clone, Delims,
// ParseFiles); the lexer and parser of text/template/parse (kept internal here) are in
// text_template+lex.go and +parse.go, execution over reflect in +exec.go, the builtin
// functions in +funcs.go.
package template

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"unicode"
)


// FuncMap is the type of the map defining the mapping from names to functions.
type FuncMap map[string]any

type missingKeyAction int

const (
	mapInvalid missingKeyAction = iota
	mapZeroValue
	mapError
)

type common struct {
	tmpl       map[string]*Template
	parseFuncs FuncMap
	execFuncs  map[string]reflect.Value
	missingKey missingKeyAction
}

// Template is the representation of a parsed template.
type Template struct {
	name       string
	tree       *tree
	common     *common
	leftDelim  string
	rightDelim string
}

// New allocates a new, undefined template with the given name.
func New(name string) *Template {
	t := &Template{name: name}
	t.init()
	return t
}

func (t *Template) init() {
	if t.common == nil {
		t.common = &common{tmpl: map[string]*Template{}, parseFuncs: FuncMap{}, execFuncs: map[string]reflect.Value{}}
	}
}

// Name returns the name of the template.
func (t *Template) Name() string { return t.name }

// New allocates a new, undefined template associated with the given one and with the same
// delimiters.
func (t *Template) New(name string) *Template {
	t.init()
	return &Template{name: name, common: t.common, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
}

// Must is a helper that wraps a call to a function returning (*Template, error) and panics
// if the error is non-nil.
func Must(t *Template, err error) *Template {
	if err != nil {
		panic(err)
	}
	return t
}

// Delims sets the action delimiters to the specified strings.
func (t *Template) Delims(left, right string) *Template {
	t.init()
	t.leftDelim = left
	t.rightDelim = right
	return t
}

// Funcs adds the elements of the argument map to the template's function map. It panics
// if a value in the map is not a function with appropriate return type.
func (t *Template) Funcs(funcMap FuncMap) *Template {
	t.init()
	for name, fn := range funcMap {
		if !goodName(name) {
			panic(fmt.Errorf("function name %q is not a valid identifier", name))
		}
		v := reflect.ValueOf(fn)
		if v.Kind() != reflect.Func {
			panic("value for " + name + " not a function")
		}
		if err := goodFunc(name, v.Type()); err != nil {
			panic(err)
		}
		t.common.parseFuncs[name] = fn
		t.common.execFuncs[name] = v
	}
	return t
}

func goodName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_':
		case i == 0 && !unicode.IsLetter(r):
			return false
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			return false
		}
	}
	return true
}

// Option sets options for the template: "missingkey=default", "missingkey=invalid",
// "missingkey=zero" or "missingkey=error".
func (t *Template) Option(opt ...string) *Template {
	t.init()
	for _, s := range opt {
		key, value, ok := strings.Cut(s, "=")
		if !ok || key != "missingkey" {
			panic("unrecognized option: " + s)
		}
		switch value {
		case "invalid", "default":
			t.common.missingKey = mapInvalid
		case "zero":
			t.common.missingKey = mapZeroValue
		case "error":
			t.common.missingKey = mapError
		default:
			panic("unrecognized option: " + s)
		}
	}
	return t
}

// Lookup returns the template with the given name that is associated with t.
func (t *Template) Lookup(name string) *Template {
	if t.common == nil {
		return nil
	}
	return t.common.tmpl[name]
}

// Templates returns a slice of defined templates associated with t.
func (t *Template) Templates() []*Template {
	if t.common == nil {
		return nil
	}
	var m []*Template
	for _, v := range t.common.tmpl {
		m = append(m, v)
	}
	return m
}

// DefinedTemplates returns a string listing the defined templates, prefixed by the string
// "; defined templates are: ".
func (t *Template) DefinedTemplates() string {
	if t.common == nil {
		return ""
	}
	var names []string
	for name, tmpl := range t.common.tmpl {
		if tmpl.tree == nil || tmpl.tree.root == nil {
			continue
		}
		names = append(names, fmt.Sprintf("%q", name))
	}
	if len(names) == 0 {
		return ""
	}
	return "; defined templates are: " + strings.Join(names, ", ")
}

// Clone returns a duplicate of the template, including all associated templates.
func (t *Template) Clone() (*Template, error) {
	nt := &Template{name: t.name, tree: t.tree, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
	nt.init()
	if t.common == nil {
		return nt, nil
	}
	for k, v := range t.common.tmpl {
		if k == t.name {
			nt.common.tmpl[t.name] = nt
			continue
		}
		tmpl := &Template{name: v.name, tree: v.tree, common: nt.common, leftDelim: v.leftDelim, rightDelim: v.rightDelim}
		nt.common.tmpl[k] = tmpl
	}
	for k, v := range t.common.parseFuncs {
		nt.common.parseFuncs[k] = v
	}
	for k, v := range t.common.execFuncs {
		nt.common.execFuncs[k] = v
	}
	nt.common.missingKey = t.common.missingKey
	return nt, nil
}

// Parse parses text as a template body for t. Named template definitions ({{define ...}}
// or {{block ...}}) become associated templates.
func (t *Template) Parse(text string) (*Template, error) {
	t.init()
	trees, err := parseTrees(t.name, text, t.leftDelim, t.rightDelim, t.common.parseFuncs, builtinNames)
	if err != nil {
		return nil, err
	}
	for name, tr := range trees {
		nt := t
		if name != t.name {
			nt = t.New(name)
		}
		if t.associate(nt, tr) || nt.tree == nil {
			nt.tree = tr
		}
	}
	return t, nil
}

// associate installs nt in the template set, unless it would replace a template that has
// a body by an empty one.
func (t *Template) associate(nt *Template, tr *tree) bool {
	if old := t.common.tmpl[nt.name]; old != nil && isEmptyTree(tr.root) && old.tree != nil {
		return false
	}
	t.common.tmpl[nt.name] = nt
	return true
}

// ParseFiles creates a new Template and parses the template definitions from the named
// files. The returned template's name will have the base name of the first file.
func ParseFiles(filenames ...string) (*Template, error) {
	return parseFiles(nil, readFileOS, filenames...)
}

// ParseFiles parses the named files and associates the resulting templates with t.
func (t *Template) ParseFiles(filenames ...string) (*Template, error) {
	t.init()
	return parseFiles(t, readFileOS, filenames...)
}

// ParseGlob is ParseFiles of the files filepath.Glob(pattern) lists (at least one).
func ParseGlob(pattern string) (*Template, error) {
	return parseGlob(nil, pattern)
}

// ParseGlob parses the files that match pattern and associates them with t.
func (t *Template) ParseGlob(pattern string) (*Template, error) {
	t.init()
	return parseGlob(t, pattern)
}

func parseGlob(t *Template, pattern string) (*Template, error) {
	filenames, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: pattern matches no files: %#q", pattern)
	}
	return parseFiles(t, readFileOS, filenames...)
}

// ParseFS is ParseGlob over the file system fsys, with fs.Glob's patterns, each of which
// must match at least one file.
func ParseFS(fsys fs.FS, patterns ...string) (*Template, error) {
	return parseFS(nil, fsys, patterns)
}

// ParseFS parses the files of fsys that match the patterns and associates them with t.
func (t *Template) ParseFS(fsys fs.FS, patterns ...string) (*Template, error) {
	t.init()
	return parseFS(t, fsys, patterns)
}

func parseFS(t *Template, fsys fs.FS, patterns []string) (*Template, error) {
	var filenames []string
	for _, pattern := range patterns {
		list, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("template: pattern matches no files: %#q", pattern)
		}
		filenames = append(filenames, list...)
	}
	return parseFiles(t, func(file string) (string, []byte, error) {
		b, err := fs.ReadFile(fsys, file)
		return path.Base(file), b, err
	}, filenames...)
}

func readFileOS(file string) (string, []byte, error) {
	b, err := os.ReadFile(file)
	return filepath.Base(file), b, err
}

// parseFiles parses each file [readFile] returns (the template's name and text).
func parseFiles(t *Template, readFile func(string) (string, []byte, error),
	filenames ...string) (*Template, error) {
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: no files named in call to ParseFiles")
	}
	for _, filename := range filenames {
		name, b, err := readFile(filename)
		if err != nil {
			return nil, err
		}
		var tmpl *Template
		if t == nil {
			t = New(name)
		}
		if name == t.Name() {
			tmpl = t
		} else {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(string(b)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// An ExecError is the custom error type returned when Execute has an error evaluating its
// template.
type ExecError struct {
	Name string
	Err  error
}

func (e ExecError) Error() string { return e.Err.Error() }

func (e ExecError) Unwrap() error { return e.Err }

// Execute applies a parsed template to the specified data object, writing the output to wr.
func (t *Template) Execute(wr io.Writer, data any) error {
	return t.execute(wr, data)
}

// ExecuteTemplate applies the template associated with t that has the given name.
func (t *Template) ExecuteTemplate(wr io.Writer, name string, data any) error {
	tmpl := t.Lookup(name)
	if tmpl == nil {
		return fmt.Errorf("template: no template %q associated with template %q", name, t.name)
	}
	return tmpl.Execute(wr, data)
}

type writeError struct{ err error }

func (t *Template) execute(wr io.Writer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case ExecError:
				err = e
			case writeError:
				err = e.err
			default:
				panic(r)
			}
		}
	}()
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &state{tmpl: t, wr: wr, vars: []variable{{"$", value}}}
	if t.tree == nil || t.tree.root == nil {
		s.errorf("%q is an incomplete or empty template", t.Name())
	}
	s.walk(value, t.tree.root)
	return nil
}
