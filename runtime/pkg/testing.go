// Package testing runs the tests of `gol test` as Go's testing package does (Go 1.23's
// testing.go, written afresh for gol): T and its methods, subtests with the go command's
// name rewriting, parallel subtests released when their parent's function returns, the
// chatty (-v) printer, cleanups, helpers' file:line, TempDir and Setenv. Benchmarks are in
// testing+bench.go, examples in testing+example.go, -run/-skip in testing+match.go, flags
// and M in testing+main.go.
package testing

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// TB is the interface common to T and B.
type TB interface {
	Chdir(dir string)
	Cleanup(func())
	Context() context.Context
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Output() io.Writer
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	private()
}

// common holds what T and B share. mu guards output, failed, skipped, done, finished,
// sub, cleanups and helperNames; the others are set before the test's goroutine starts
// or only by it.
type common struct {
	mu          sync.RWMutex
	output      []byte
	w           writer // where report() writes: the parent's indenter or stdout
	ran         bool
	failed      bool
	skipped     bool
	done        bool
	finished    bool
	helperNames map[string]bool
	cleanups    []func()
	cleanupName string
	cleanupStarted bool
	hasSub      bool
	isParallel  bool
	isEnvSet    bool
	chatty      *chattyPrinter
	bench       bool
	parent      *common
	level       int
	name        string
	start       time.Time
	duration    time.Duration
	barrier     chan bool
	signal      chan bool
	sub         []*T
	tempDir     string
	tempDirSeq  int
	tempDirErr  error
	ctx         context.Context
	cancelCtx   context.CancelFunc
	outPending  []byte // Output's partial line
}

type writer interface {
	Write(b []byte) (int, error)
}

type stdoutWriter struct{}

func (stdoutWriter) Write(b []byte) (int, error) { return os.Stdout.Write(b) }

// indenter writes into c's output, each line indented by four spaces (a subtest's report
// under its parent's).
type indenter struct{ c *common }

func (w indenter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		end := strings.IndexByte(string(b), '\n')
		if end == -1 {
			end = len(b)
		} else {
			end++
		}
		w.c.output = append(w.c.output, "    "...)
		w.c.output = append(w.c.output, b[:end]...)
		b = b[end:]
	}
	return n, nil
}

// chattyPrinter prints -v output, naming the test a line comes from when it changes.
type chattyPrinter struct {
	mu       sync.Mutex
	lastName string
	json     bool
}

func (p *chattyPrinter) prefix() string {
	if p != nil && p.json {
		return "\x16"
	}
	return ""
}

// Updatef prints a line that names its test.
func (p *chattyPrinter) Updatef(testName, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastName = testName
	fmt.Printf(p.prefix()+format, args...)
}

// Printf prints output of testName that does not name it, after an === NAME line when
// the last line was another test's.
func (p *chattyPrinter) Printf(testName, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lastName == "" {
		p.lastName = testName
	} else if p.lastName != testName {
		fmt.Printf("%s=== NAME  %s\n", p.prefix(), testName)
		p.lastName = testName
	}
	fmt.Printf(format, args...)
}

// T is a test's state, passed to Test functions.
type T struct {
	common
	context *testContext
}

func (c *common) private() {}

// Name returns the test's name (subtests: "TestX/sub").
func (c *common) Name() string { return c.name }

func (c *common) setRan() {
	if c.parent != nil {
		c.parent.setRan()
	}
	c.mu.Lock()
	c.ran = true
	c.mu.Unlock()
}

// Fail marks the test failed and continues it.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.Name() + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test failed.
func (c *common) Failed() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.failed
}

// FailNow marks the test failed and stops it (runtime.Goexit): it must be called from
// the test's goroutine.
func (c *common) FailNow() {
	c.checkFuzzFn("FailNow")
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

func (c *common) checkFuzzFn(name string) {}

// frameSkip returns the file and line of the first frame outside package testing and
// the helpers, skipping [skip] frames. The caller holds c.mu.
func (c *common) frameSkip(skip int) (string, int) {
	pcs := make([]uintptr, 50)
	n := runtime.Callers(skip+2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var first runtime.Frame
	haveFirst := false
	for {
		f, more := frames.Next()
		if f.Function == "testing.tRunner" || f.Function == "testing.(*B).runN" {
			break
		}
		if !haveFirst {
			first, haveFirst = f, true
		}
		if strings.HasPrefix(f.Function, "testing.") {
			if !more {
				break
			}
			continue
		}
		if !c.isHelper(f.Function) {
			return f.File, f.Line
		}
		if !more {
			break
		}
	}
	return first.File, first.Line
}

func (c *common) isHelper(fn string) bool {
	for p := c; p != nil; p = p.parent {
		if p.helperNames[fn] {
			return true
		}
	}
	return false
}

// decorate prefixes s with the caller's file:line and indents it as go test prints logs.
func (c *common) decorate(s string, skip int) string {
	file, line := c.frameSkip(skip)
	if file != "" {
		if i := strings.LastIndexAny(file, `/\`); i >= 0 {
			file = file[i+1:]
		}
	} else {
		file = "???"
	}
	if line == 0 {
		line = 1
	}
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(file + ":" + strconv.Itoa(line) + ": ")
	lines := strings.Split(s, "\n")
	if l := len(lines); l > 1 && lines[l-1] == "" {
		lines = lines[:l-1]
	}
	for i, ln := range lines {
		if i > 0 {
			b.WriteString("\n        ")
		}
		b.WriteString(ln)
	}
	b.WriteByte('\n')
	return b.String()
}

func (c *common) logDepth(s string, depth int) {
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		for p := c.parent; p != nil; p = p.parent {
			p.mu.Lock()
			if !p.done {
				p.output = append(p.output, p.decorate(s, depth+1)...)
				p.mu.Unlock()
				return
			}
			p.mu.Unlock()
		}
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	if c.chatty != nil {
		text := c.decorate(s, depth+1)
		c.mu.Unlock()
		if c.bench {
			fmt.Print(text)
		} else {
			c.chatty.Printf(c.name, "%s", text)
		}
		return
	}
	c.output = append(c.output, c.decorate(s, depth+1)...)
	c.mu.Unlock()
}

func (c *common) log(s string) { c.logDepth(s, 3) }

// Log formats its arguments as fmt.Sprintln and records them in the test's log, shown
// when the test fails or with -v.
func (c *common) Log(args ...any) { c.logDepth(fmt.Sprintln(args...), 2) }

// Logf is Log with fmt.Sprintf's formatting.
func (c *common) Logf(format string, args ...any) { c.logDepth(fmt.Sprintf(format, args...), 2) }

// Error is Log followed by Fail.
func (c *common) Error(args ...any) {
	c.logDepth(fmt.Sprintln(args...), 2)
	c.Fail()
}

// Errorf is Logf followed by Fail.
func (c *common) Errorf(format string, args ...any) {
	c.logDepth(fmt.Sprintf(format, args...), 2)
	c.Fail()
}

// Fatal is Log followed by FailNow.
func (c *common) Fatal(args ...any) {
	c.logDepth(fmt.Sprintln(args...), 2)
	c.FailNow()
}

// Fatalf is Logf followed by FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.logDepth(fmt.Sprintf(format, args...), 2)
	c.FailNow()
}

// Skip is Log followed by SkipNow.
func (c *common) Skip(args ...any) {
	c.logDepth(fmt.Sprintln(args...), 2)
	c.SkipNow()
}

// Skipf is Logf followed by SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.logDepth(fmt.Sprintf(format, args...), 2)
	c.SkipNow()
}

// SkipNow marks the test skipped and stops it (runtime.Goexit).
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.skipped
}

// Helper marks the calling function a helper: its callers' lines are logged instead.
func (c *common) Helper() {
	pc, _, _, ok := runtime.Caller(1)
	if !ok {
		return
	}
	name := runtime.FuncForPC(pc).Name()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.helperNames == nil {
		c.helperNames = map[string]bool{}
	}
	c.helperNames[name] = true
}

// Cleanup registers f to run after the test and its subtests finish (last first).
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleanups = append(c.cleanups, f)
}

// Context returns a context canceled just before the test's cleanups run (Go 1.24).
func (c *common) Context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancelCtx = context.WithCancel(context.Background())
	}
	return c.ctx
}

// Chdir changes the working directory for the test, restored by a cleanup (Go 1.24);
// not in parallel tests.
func (c *common) Chdir(dir string) {
	for p := c; p != nil; p = p.parent {
		if p.isParallel {
			panic(parallelConflict)
		}
	}
	oldwd, err := os.Getwd()
	if err != nil {
		c.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		c.Fatal(err)
	}
	if !strings.HasPrefix(dir, "/") {
		if dir, err = os.Getwd(); err != nil {
			c.Fatal(err)
		}
	}
	c.Setenv("PWD", dir)
	c.isEnvSet = true
	c.Cleanup(func() {
		if err := os.Chdir(oldwd); err != nil {
			panic("testing.Chdir: " + err.Error())
		}
	})
}

// outputWriter is Output's writer: whole lines go to the test's log, indented, without
// a file:line prefix.
type outputWriter struct{ c *common }

func (w outputWriter) Write(b []byte) (int, error) {
	c := w.c
	c.mu.Lock()
	c.outPending = append(c.outPending, b...)
	var lines string
	if i := strings.LastIndexByte(string(c.outPending), '\n'); i >= 0 {
		for _, ln := range strings.SplitAfter(string(c.outPending[:i+1]), "\n") {
			if ln != "" {
				lines += "    " + ln
			}
		}
		c.outPending = append([]byte(nil), c.outPending[i+1:]...)
	}
	if lines != "" && c.chatty == nil {
		c.output = append(c.output, lines...)
	}
	c.mu.Unlock()
	if lines != "" && c.chatty != nil {
		c.chatty.Printf(c.name, "%s", lines)
	}
	return len(b), nil
}

// Output returns a writer to the test's log: its lines are shown as Log's are, without
// the file:line (Go 1.25).
func (c *common) Output() io.Writer { return outputWriter{c} }

// runCleanup runs the cleanups, last first; with catch it returns a cleanup's panic.
func (c *common) runCleanup(catch bool) (panicVal any) {
	c.mu.Lock()
	c.cleanupStarted = true
	cancel := c.cancelCtx
	c.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	if catch {
		defer func() {
			panicVal = recover()
		}()
	}
	for {
		var f func()
		c.mu.Lock()
		if n := len(c.cleanups); n > 0 {
			f = c.cleanups[n-1]
			c.cleanups = c.cleanups[:n-1]
		}
		c.mu.Unlock()
		if f == nil {
			return nil
		}
		f()
	}
}

// TempDir returns a new directory for the test, removed when it finishes.
func (c *common) TempDir() string {
	c.mu.Lock()
	if c.tempDir == "" && c.tempDirErr == nil {
		pattern := c.Name()
		mapper := func(r rune) rune {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
				return r
			}
			if r >= 0x80 {
				return r
			}
			return -1
		}
		pattern = strings.Map(mapper, pattern)
		if len(pattern) > 64 {
			pattern = pattern[:64]
		}
		c.tempDir, c.tempDirErr = os.MkdirTemp("", pattern)
		if c.tempDirErr == nil {
			dir := c.tempDir
			c.mu.Unlock()
			c.Cleanup(func() {
				if err := os.RemoveAll(dir); err != nil {
					c.Errorf("TempDir RemoveAll cleanup: %v", err)
				}
			})
			c.mu.Lock()
		}
	}
	err := c.tempDirErr
	c.mu.Unlock()
	if err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	c.mu.Lock()
	c.tempDirSeq++
	seq := c.tempDirSeq
	c.mu.Unlock()
	dir := fmt.Sprintf("%s%c%03d", c.tempDir, os.PathSeparator, seq)
	if err := os.Mkdir(dir, 0o777); err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	return dir
}

// parallelConflict is Go 1.26's panic for Setenv or Chdir in a parallel test, or Parallel
// after them.
const parallelConflict = "testing: test using t.Setenv, t.Chdir, or cryptotest.SetGlobalRandom can not use t.Parallel"

// Setenv sets an environment variable for the test, restored by a cleanup. A parallel
// test cannot use it.
func (c *common) Setenv(key, value string) {
	if c.isParallel {
		panic(parallelConflict)
	}
	prev, ok := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	c.isEnvSet = true
	if ok {
		c.Cleanup(func() { os.Setenv(key, prev) })
	} else {
		c.Cleanup(func() { os.Unsetenv(key) })
	}
}

// Setenv is common.Setenv, refused in a parallel test or below one.
func (t *T) Setenv(key, value string) {
	for p := &t.common; p != nil; p = p.parent {
		if p.isParallel {
			panic(parallelConflict)
		}
	}
	t.common.Setenv(key, value)
}

// Deadline reports when the test binary will time out (-timeout).
func (t *T) Deadline() (deadline time.Time, ok bool) {
	deadline = t.context.deadline
	return deadline, !deadline.IsZero()
}

// Parallel signals that the test runs in parallel with the other parallel tests of its
// parent, after the parent's function returns.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	if t.isEnvSet {
		panic(parallelConflict)
	}
	t.isParallel = true
	t.duration += time.Since(t.start)
	t.parent.mu.Lock()
	t.parent.sub = append(t.parent.sub, t)
	t.parent.mu.Unlock()
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== PAUSE %s\n", t.name)
	}
	running.Delete(t.name)
	t.signal <- true   // the parent continues
	<-t.parent.barrier // until its function returned
	t.context.waitParallel()
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== CONT  %s\n", t.name)
	}
	running.Store(t.name, time.Now())
	t.start = time.Now()
}

func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// flushToParent writes the report line and the test's output to its parent.
func (c *common) flushToParent(testName, format string, args ...any) {
	p := c.parent
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.output) > 0 {
		format += "%s"
		args = append(args[:len(args):len(args)], c.output)
		c.output = c.output[:0]
	}
	if c.chatty != nil && (p.parent == nil || c.chatty.json) {
		c.chatty.Updatef(testName, format, args...)
	} else {
		fmt.Fprintf(p.w, c.chatty.prefix()+format, args...)
	}
}

func (t *T) report() {
	if t.parent == nil {
		return
	}
	dstr := fmtDuration(t.duration)
	format := "--- %s: %s (%s)\n"
	if t.Failed() {
		t.flushToParent(t.name, format, "FAIL", t.name, dstr)
	} else if t.chatty != nil {
		if t.Skipped() {
			t.flushToParent(t.name, format, "SKIP", t.name, dstr)
		} else {
			t.flushToParent(t.name, format, "PASS", t.name, dstr)
		}
	}
}

// errNilPanicOrGoexit is the panic of a test that called runtime.Goexit or panic(nil).
var errNilPanicOrGoexit = fmt.Errorf("test executed panic(nil) or runtime.Goexit")

func tRunner(t *T, fn func(t *T)) {
	defer func() {
		if t.Failed() {
			numFailedMu.Lock()
			numFailed++
			numFailedMu.Unlock()
		}
		err := recover()
		signal := true
		t.mu.RLock()
		finished := t.finished
		t.mu.RUnlock()
		if !finished && err == nil {
			err = errNilPanicOrGoexit
			for p := t.parent; p != nil; p = p.parent {
				p.mu.RLock()
				finished = p.finished
				p.mu.RUnlock()
				if finished {
					if !t.isParallel {
						t.Errorf("%v: subtest may have called FailNow on a parent test", err)
						err = nil
					}
					signal = false
					break
				}
			}
		}
		if err != nil {
			t.Fail()
			if r := t.runCleanup(true); r != nil {
				t.Logf("cleanup panicked with %v", r)
			}
			for root := &t.common; root.parent != nil; root = root.parent {
				root.mu.Lock()
				root.duration += time.Since(root.start)
				d := root.duration
				root.mu.Unlock()
				root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(d))
			}
			panic(err)
		}
		t.duration += time.Since(t.start)
		if len(t.sub) > 0 {
			t.context.release()
			running.Delete(t.name)
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			start := time.Now()
			running.Store(t.name, start)
			if r := t.runCleanup(true); r != nil {
				t.Fail()
				panic(r)
			}
			t.duration += time.Since(start)
			if !t.isParallel {
				t.context.waitParallel()
			}
		} else if t.isParallel {
			t.context.release()
		}
		t.report()
		t.mu.Lock()
		t.done = true
		t.mu.Unlock()
		if t.parent != nil && !t.hasSub {
			t.setRan()
		}
		running.Delete(t.name)
		t.signal <- signal
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanup(false)
		}
	}()
	t.start = time.Now()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// Run runs f as a subtest of t called name, on its own goroutine, and waits for it to
// finish or to call Parallel. It reports whether f succeeded (or paused).
func (t *T) Run(name string, f func(t *T)) bool {
	t.mu.RLock()
	started := t.cleanupStarted
	t.mu.RUnlock()
	if started {
		panic("testing: t.Run called during t.Cleanup")
	}
	t.hasSub = true
	testName, ok, _ := t.context.match.fullName(&t.common, name)
	if !ok || shouldFailFast() {
		return true
	}
	sub := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    testName,
			parent:  &t.common,
			level:   t.level + 1,
			chatty:  t.chatty,
		},
		context: t.context,
	}
	sub.w = indenter{&sub.common}
	if sub.chatty != nil {
		sub.chatty.Updatef(sub.name, "=== RUN   %s\n", sub.name)
	}
	running.Store(sub.name, time.Now())
	go tRunner(sub, f)
	if !<-sub.signal {
		runtime.Goexit()
	}
	if sub.chatty != nil && sub.chatty.json {
		sub.chatty.Updatef(t.name, "=== NAME  %s\n", t.name)
	}
	return !sub.failed
}

// testContext is shared by the tests of one run: the matcher, and the semaphore of
// -parallel (guarded by mu).
type testContext struct {
	match         *matcher
	deadline      time.Time
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	maxParallel   int
}

func newTestContext(maxParallel int, m *matcher) *testContext {
	return &testContext{
		match:         m,
		startParallel: make(chan bool),
		maxParallel:   maxParallel,
		running:       1, // the main test
	}
}

func (c *testContext) waitParallel() {
	c.mu.Lock()
	if c.running < c.maxParallel {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numWaiting++
	c.mu.Unlock()
	<-c.startParallel
}

func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting == 0 {
		c.running--
		c.mu.Unlock()
		return
	}
	c.numWaiting--
	c.mu.Unlock()
	c.startParallel <- true
}

// runningTests records the tests running and since when (for -timeout's report).
type runningTests struct {
	mu sync.Mutex
	m  map[string]time.Time
}

func (r *runningTests) Store(name string, t time.Time) {
	r.mu.Lock()
	if r.m == nil {
		r.m = map[string]time.Time{}
	}
	r.m[name] = t
	r.mu.Unlock()
}

func (r *runningTests) Delete(name string) {
	r.mu.Lock()
	delete(r.m, name)
	r.mu.Unlock()
}

var running runningTests

var numFailed int
var numFailedMu sync.Mutex

func shouldFailFast() bool {
	numFailedMu.Lock()
	defer numFailedMu.Unlock()
	return *failFast && numFailed > 0
}

// InternalTest is a test of the generated main package.
type InternalTest struct {
	Name string
	F    func(*T)
}

func runTests(tests []InternalTest, deadline time.Time) (ran, ok bool) {
	ok = true
	for _, procs := range cpuList {
		runtime.GOMAXPROCS(procs)
		for i := uint(0); i < *count; i++ {
			if shouldFailFast() {
				break
			}
			if i > 0 && !ran {
				break
			}
			ctx := newTestContext(*parallel, newMatcher(*match, "-test.run", *skip))
			ctx.deadline = deadline
			t := &T{
				common: common{
					signal:  make(chan bool, 1),
					barrier: make(chan bool),
					w:       stdoutWriter{},
				},
				context: ctx,
			}
			if Verbose() {
				t.chatty = &chattyPrinter{json: *chattyJSON}
			}
			tRunner(t, func(t *T) {
				for _, test := range tests {
					t.Run(test.Name, test.F)
				}
			})
			<-t.signal
			ok = ok && !t.Failed()
			ran = ran || t.ran
		}
	}
	return ran, ok
}
