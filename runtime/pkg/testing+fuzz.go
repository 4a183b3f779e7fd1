// Fuzz tests as go test runs them without -fuzz: each FuzzX runs its seed corpus (F.Add's
// values, then the files of testdata/fuzz/FuzzX in Go's "go test fuzz v1" encoding) as
// subtests named FuzzX/seed#0... and FuzzX/FILE, calling the fuzz function through reflect.

package testing

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// InternalFuzzTarget is a fuzz test of the generated main package.
type InternalFuzzTarget struct {
	Name string
	Fn   func(f *F)
}

// F is a fuzz test's state, passed to Fuzz functions.
type F struct {
	common
	testContext *testContext
	corpus      []corpusEntry
	fuzzCalled  bool
}

type corpusEntry struct {
	Path   string
	Values []any
}

var supportedTypes = map[reflect.Type]bool{
	reflect.TypeOf(([]byte)("")):  true,
	reflect.TypeOf((string)("")):  true,
	reflect.TypeOf((bool)(false)): true,
	reflect.TypeOf((byte)(0)):     true,
	reflect.TypeOf((rune)(0)):     true,
	reflect.TypeOf((float32)(0)):  true,
	reflect.TypeOf((float64)(0)):  true,
	reflect.TypeOf((int)(0)):      true,
	reflect.TypeOf((int8)(0)):     true,
	reflect.TypeOf((int16)(0)):    true,
	reflect.TypeOf((int64)(0)):    true,
	reflect.TypeOf((uint)(0)):     true,
	reflect.TypeOf((uint16)(0)):   true,
	reflect.TypeOf((uint32)(0)):   true,
	reflect.TypeOf((uint64)(0)):   true,
}

// Add adds a seed input (values of the fuzz function's parameter types after *T).
func (f *F) Add(args ...any) {
	var values []any
	for i := range args {
		if t := reflect.TypeOf(args[i]); !supportedTypes[t] {
			panic(fmt.Sprintf("testing: unsupported type to Add %v", t))
		}
		values = append(values, args[i])
	}
	f.corpus = append(f.corpus, corpusEntry{Values: values, Path: fmt.Sprintf("seed#%d", len(f.corpus))})
}

// Helper marks the calling function a helper (as T.Helper).
func (f *F) Helper() {
	pc, _, _, ok := runtime.Caller(1)
	if !ok {
		return
	}
	name := runtime.FuncForPC(pc).Name()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.helperNames == nil {
		f.helperNames = map[string]bool{}
	}
	f.helperNames[name] = true
}

// Fuzz runs ff, a func(*testing.T, ...) of supported parameter types, on each input of
// the seed corpus.
func (f *F) Fuzz(ff any) {
	if f.fuzzCalled {
		panic("testing: F.Fuzz called more than once")
	}
	f.fuzzCalled = true
	fn := reflect.ValueOf(ff)
	fnType := fn.Type()
	if fnType.Kind() != reflect.Func {
		panic("testing: F.Fuzz must receive a function")
	}
	if fnType.NumIn() < 2 || fnType.In(0) != reflect.TypeOf((*T)(nil)) {
		panic("testing: fuzz target must receive at least two arguments, where the first argument is a *T")
	}
	if fnType.NumOut() != 0 {
		panic("testing: fuzz target must not return a value")
	}
	var types []reflect.Type
	for i := 1; i < fnType.NumIn(); i++ {
		t := fnType.In(i)
		if !supportedTypes[t] {
			panic(fmt.Sprintf("testing: unsupported type for fuzzing %v", t))
		}
		types = append(types, t)
	}
	files, err := readCorpus(filepath.Join("testdata", "fuzz", f.name), types)
	if err != nil {
		f.Fatal(err)
	}
	f.corpus = append(f.corpus, files...)
	for _, e := range f.corpus {
		if err := checkEntry(e, types); err != nil {
			f.Fatal(err)
		}
	}
	for _, e := range f.corpus {
		name := fmt.Sprintf("%s/%s", f.name, filepath.Base(e.Path))
		if _, ok, _ := f.testContext.match.fullName(nil, name); ok {
			f.runEntry(fn, e)
		}
	}
}

func checkEntry(e corpusEntry, types []reflect.Type) error {
	if len(e.Values) != len(types) {
		return fmt.Errorf("wrong number of values in corpus entry: %d, want %d", len(e.Values), len(types))
	}
	for i := range types {
		if reflect.TypeOf(e.Values[i]) != types[i] {
			return fmt.Errorf("mismatched types in corpus entry: %v, want %v", reflect.TypeOf(e.Values[i]), types[i])
		}
	}
	return nil
}

func (f *F) runEntry(fn reflect.Value, e corpusEntry) bool {
	if shouldFailFast() {
		return true
	}
	t := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    f.name + "/" + filepath.Base(e.Path),
			parent:  &f.common,
			level:   f.level + 1,
			chatty:  f.chatty,
		},
		context: f.testContext,
	}
	t.w = indenter{&t.common}
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== RUN   %s\n", t.name)
	}
	go tRunner(t, func(t *T) {
		args := []reflect.Value{reflect.ValueOf(t)}
		for _, v := range e.Values {
			args = append(args, reflect.ValueOf(v))
		}
		fn.Call(args)
	})
	<-t.signal
	if t.chatty != nil && t.chatty.json {
		t.chatty.Updatef(f.name, "=== NAME  %s\n", f.name)
	}
	return !t.Failed()
}

// readCorpus reads the files of dir (none is no error), each "go test fuzz v1" followed
// by one value per line: string("..."), []byte("..."), int(5), float64(1.5)...
func readCorpus(dir string, types []reflect.Type) ([]corpusEntry, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil
	}
	var out []corpusEntry
	for _, ent := range entries {
		if ent.IsDir() {
			continue
		}
		path := filepath.Join(dir, ent.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		vals, err := unmarshalCorpus(string(data))
		if err != nil {
			return nil, fmt.Errorf("failed to unmarshal %q: %v", path, err)
		}
		out = append(out, corpusEntry{Path: path, Values: vals})
	}
	return out, nil
}

func unmarshalCorpus(data string) ([]any, error) {
	lines := strings.Split(data, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "go test fuzz v1" {
		return nil, fmt.Errorf("must include version and at least one value")
	}
	var vals []any
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := parseCorpusValue(line)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, fmt.Errorf("must include version and at least one value")
	}
	return vals, nil
}

func parseCorpusValue(line string) (any, error) {
	open := strings.IndexByte(line, '(')
	if open < 0 || !strings.HasSuffix(line, ")") {
		return nil, fmt.Errorf("malformed line %q", line)
	}
	typ, lit := line[:open], line[open+1:len(line)-1]
	unq := func() (string, error) { return strconv.Unquote(lit) }
	char := func() (int64, error) {
		if strings.HasPrefix(lit, "'") {
			s, err := strconv.Unquote(lit)
			if err != nil {
				return 0, err
			}
			r := []rune(s)
			if len(r) != 1 {
				return 0, fmt.Errorf("bad character %s", lit)
			}
			return int64(r[0]), nil
		}
		return strconv.ParseInt(lit, 0, 64)
	}
	switch typ {
	case "string":
		return unq()
	case "[]byte":
		s, err := unq()
		return []byte(s), err
	case "bool":
		return strconv.ParseBool(lit)
	case "rune", "int32":
		n, err := char()
		return rune(n), err
	case "byte", "uint8":
		n, err := char()
		return byte(n), err
	case "int", "int8", "int16", "int64":
		n, err := strconv.ParseInt(lit, 0, 64)
		switch typ {
		case "int":
			return int(n), err
		case "int8":
			return int8(n), err
		case "int16":
			return int16(n), err
		}
		return n, err
	case "uint", "uint16", "uint32", "uint64":
		n, err := strconv.ParseUint(lit, 0, 64)
		switch typ {
		case "uint":
			return uint(n), err
		case "uint16":
			return uint16(n), err
		case "uint32":
			return uint32(n), err
		}
		return n, err
	case "float32", "float64":
		n, err := strconv.ParseFloat(lit, 64)
		if typ == "float32" {
			return float32(n), err
		}
		return n, err
	}
	return nil, fmt.Errorf("unsupported type %s", typ)
}

func fRunner(f *F, fn func(*F)) {
	defer func() {
		f.countFailure()
		err := recover()
		if err == nil {
			f.mu.RLock()
			notCalled := !f.fuzzCalled && !f.skipped && !f.failed
			if !f.finished && !f.skipped && !f.failed {
				err = errNilPanicOrGoexit
			}
			f.mu.RUnlock()
			if notCalled && err == nil {
				f.Error("returned without calling F.Fuzz, F.Fail, or F.Skip")
			}
		}
		if err != nil {
			f.failAndRepanic(err)
		}
		f.duration += time.Since(f.start)
		if len(f.sub) > 0 {
			f.testContext.release()
			close(f.barrier)
			for _, sub := range f.sub {
				<-sub.signal
			}
			if r := f.runCleanup(true); r != nil {
				panic(r)
			}
		}
		f.report()
		f.mu.Lock()
		f.done = true
		f.mu.Unlock()
		f.setRan()
		f.signal <- true
	}()
	defer func() {
		if len(f.sub) == 0 {
			f.runCleanup(false)
		}
	}()
	f.start = time.Now()
	fn(f)
	f.mu.Lock()
	f.finished = true
	f.mu.Unlock()
}

func runFuzzTests(targets []InternalFuzzTarget, deadline time.Time) (ran, ok bool) {
	ok = true
	if len(targets) == 0 {
		return ran, ok
	}
	m := newMatcher(*match, "-test.run", *skip)
	for _, procs := range cpuList {
		runtime.GOMAXPROCS(procs)
		for i := uint(0); i < *count; i++ {
			if shouldFailFast() {
				break
			}
			tctx := newTestContext(*parallel, m)
			tctx.deadline = deadline
			root := common{w: stdoutWriter{}}
			if Verbose() {
				root.chatty = &chattyPrinter{json: *chattyJSON}
			}
			for _, ft := range targets {
				if shouldFailFast() {
					break
				}
				testName, matched, _ := tctx.match.fullName(nil, ft.Name)
				if !matched {
					continue
				}
				f := &F{
					common: common{
						signal:  make(chan bool),
						barrier: make(chan bool),
						name:    testName,
						parent:  &root,
						level:   root.level + 1,
						chatty:  root.chatty,
					},
					testContext: tctx,
				}
				f.w = indenter{&f.common}
				if f.chatty != nil {
					f.chatty.Updatef(f.name, "=== RUN   %s\n", f.name)
				}
				go fRunner(f, ft.Fn)
				<-f.signal
				if f.chatty != nil && f.chatty.json {
					f.chatty.Updatef(f.parent.name, "=== NAME  %s\n", f.parent.name)
				}
				ok = ok && !f.Failed()
				ran = ran || f.ran
			}
			if !ran {
				break
			}
		}
	}
	return ran, ok
}
