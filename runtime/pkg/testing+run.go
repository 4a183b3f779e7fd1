// Running tests (Go's testing.go): tRunner, T.Run and T.Parallel with Go's
// synchronisation (a subtest's goroutine signals its parent when it ends or pauses;
// parallel subtests wait on their parent's barrier, then on -parallel's semaphore), the
// reports (--- PASS/FAIL lines flushed to the parent), -failfast and the top-level loop
// over -cpu and -count.

package testing

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

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
	t.checkRaces()
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
	t.mu.Lock()
	t.lastRaceErrors = raceErrors()
	t.mu.Unlock()
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

// report writes the "--- FAIL/SKIP/PASS" line of a test or fuzz target to its parent
// (PASS and SKIP only with -test.v).
func (c *common) report() {
	if c.parent == nil {
		return
	}
	dstr := fmtDuration(c.duration)
	format := "--- %s: %s (%s)\n"
	if c.Failed() {
		c.flushToParent(c.name, format, "FAIL", c.name, dstr)
	} else if c.chatty != nil {
		if c.Skipped() {
			c.flushToParent(c.name, format, "SKIP", c.name, dstr)
		} else {
			c.flushToParent(c.name, format, "PASS", c.name, dstr)
		}
	}
}

// countFailure adds a failed test or fuzz target to the count the run's summary reports.
func (c *common) countFailure() {
	if c.Failed() {
		numFailedMu.Lock()
		numFailed++
		numFailedMu.Unlock()
	}
}

// failAndRepanic ends a test or fuzz target whose function panicked (or stopped without
// finishing, err = errNilPanicOrGoexit): it fails, runs its cleanups, reports "--- FAIL"
// for itself and every ancestor (the panic ends the program before they report), and
// panics again with err.
func (c *common) failAndRepanic(err any) {
	c.Fail()
	if r := c.runCleanup(true); r != nil {
		c.Logf("cleanup panicked with %v", r)
	}
	for root := c; root.parent != nil; root = root.parent {
		root.mu.Lock()
		root.duration += time.Since(root.start)
		d := root.duration
		root.mu.Unlock()
		root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(d))
	}
	panic(err)
}

// errNilPanicOrGoexit is the panic of a test that called runtime.Goexit or panic(nil).
var errNilPanicOrGoexit = fmt.Errorf("test executed panic(nil) or runtime.Goexit")

func tRunner(t *T, fn func(t *T)) {
	defer func() {
		t.countFailure()
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
			t.failAndRepanic(err)
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
			t.checkRaces()
			if !t.isParallel {
				t.context.waitParallel()
			}
		} else if t.isParallel {
			t.context.release()
		}
		if len(t.sub) == 0 {
			t.checkRaces()
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
	t.resetRaces()
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
