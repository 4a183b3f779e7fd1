// The test binary's flags (-test.v, -test.run... registered on flag.CommandLine as Go's
// testing.Init does), M and MainStart (what the generated main package calls), the
// -timeout alarm, -shuffle and -cpu.

package testing

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	initRan          bool
	short            *bool
	failFast         *bool
	chatty           = new(bool) // -test.v: true for "true" and "test2json"
	chattyJSON       = new(bool) // -test.v=test2json: framing lines marked for test2json
	count            *uint
	match            *string
	skip             *string
	matchBenchmarks  *string
	benchmarkMemory  *bool
	benchTime        = durationOrCountFlag{d: time.Second}
	timeout          *time.Duration
	cpuListStr       *string
	parallel         *int
	shuffle          *string
	testlog          *string
	cpuList          []int
)

// Init registers the testing flags; the generated main calls it through MainStart.
func Init() {
	if initRan {
		return
	}
	initRan = true
	short = flag.Bool("test.short", false, "run smaller test suite to save time")
	failFast = flag.Bool("test.failfast", false, "do not start new tests after the first test failure")
	flag.Var(chattyFlag{}, "test.v", "verbose: print additional output")
	count = flag.Uint("test.count", 1, "run tests and benchmarks `n` times")
	match = flag.String("test.run", "", "run only tests and examples matching `regexp`")
	skip = flag.String("test.skip", "", "do not list or run tests matching `regexp`")
	matchBenchmarks = flag.String("test.bench", "", "run only benchmarks matching `regexp`")
	benchmarkMemory = flag.Bool("test.benchmem", false, "print memory allocations for benchmarks")
	flag.Var(&benchTime, "test.benchtime", "run each benchmark for duration `d` or N times if `d` is of the form Nx")
	timeout = flag.Duration("test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	cpuListStr = flag.String("test.cpu", "", "comma-separated `list` of cpu counts to run each test with")
	parallel = flag.Int("test.parallel", runtime.GOMAXPROCS(0), "run at most `n` tests in parallel")
	shuffle = flag.String("test.shuffle", "off", "randomize the execution order of tests and benchmarks")
	testlog = flag.String("test.list", "", "list tests, examples, and benchmarks matching `regexp` then exit")
}

// chattyFlag is -test.v: a bool, or "test2json" (what go test -json passes).
type chattyFlag struct{}

func (chattyFlag) IsBoolFlag() bool { return true }

func (chattyFlag) String() string {
	if *chattyJSON {
		return "test2json"
	}
	return strconv.FormatBool(*chatty)
}

func (chattyFlag) Set(arg string) error {
	if arg == "test2json" {
		*chatty, *chattyJSON = true, true
		return nil
	}
	b, err := strconv.ParseBool(arg)
	if err != nil {
		return fmt.Errorf("invalid flag argument %q", arg)
	}
	*chatty, *chattyJSON = b, false
	return nil
}

// durationOrCountFlag is -benchtime: a duration, or a count written Nx.
type durationOrCountFlag struct {
	d time.Duration
	n int
}

func (f *durationOrCountFlag) String() string {
	if f.n > 0 {
		return fmt.Sprintf("%dx", f.n)
	}
	return f.d.String()
}

func (f *durationOrCountFlag) Set(s string) error {
	if strings.HasSuffix(s, "x") {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 0)
		if err != nil || n < 0 {
			return fmt.Errorf("invalid count")
		}
		*f = durationOrCountFlag{n: int(n)}
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return fmt.Errorf("invalid duration")
	}
	*f = durationOrCountFlag{d: d}
	return nil
}

// Short reports whether -test.short is set.
func Short() bool {
	if short == nil {
		panic("testing: Short called before Init")
	}
	return *short
}

// Verbose reports whether -test.v is set.
func Verbose() bool {
	if chatty == nil {
		panic("testing: Verbose called before Init")
	}
	return *chatty
}

// Testing reports whether the program is a test binary.
func Testing() bool { return initRan }

// CoverMode reports the coverage mode: gol has none.
func CoverMode() string { return "" }

var (
	reCache   = map[string]*regexp.Regexp{}
	reCacheMu sync.Mutex
)

func matchString(pat, str string) (bool, error) {
	reCacheMu.Lock()
	re, ok := reCache[pat]
	reCacheMu.Unlock()
	if !ok {
		var err error
		re, err = regexp.Compile(pat)
		if err != nil {
			return false, err
		}
		reCacheMu.Lock()
		reCache[pat] = re
		reCacheMu.Unlock()
	}
	return re.MatchString(str), nil
}

// testDeps is what the generated main passes (testing/internal/testdeps.TestDeps).
type testDeps interface {
	ImportPath() string
}

// M is the state of a test binary, given to TestMain.
type M struct {
	deps       testDeps
	tests      []InternalTest
	fuzzTargets []InternalFuzzTarget
	benchmarks []InternalBenchmark
	examples   []InternalExample
	timer      *time.Timer
	numRun     int
	exitCode   int
}

// MainStart is called by the generated main package.
func MainStart(deps testDeps, tests []InternalTest, benchmarks []InternalBenchmark, fuzzTargets []InternalFuzzTarget, examples []InternalExample) *M {
	Init()
	return &M{deps: deps, tests: tests, benchmarks: benchmarks, fuzzTargets: fuzzTargets, examples: examples}
}

func parseCpuList() {
	cpuList = nil
	for _, val := range strings.Split(*cpuListStr, ",") {
		val = strings.TrimSpace(val)
		if val == "" {
			continue
		}
		cpu, err := strconv.Atoi(val)
		if err != nil || cpu <= 0 {
			fmt.Fprintf(os.Stderr, "testing: invalid value %q for -test.cpu\n", val)
			os.Exit(1)
		}
		cpuList = append(cpuList, cpu)
	}
	if cpuList == nil {
		cpuList = append(cpuList, runtime.GOMAXPROCS(-1))
	}
}

// Run runs the tests, examples and benchmarks and returns the exit code for os.Exit.
func (m *M) Run() (code int) {
	defer func() { code = m.exitCode }()
	m.numRun++
	if !flag.Parsed() {
		flag.Parse()
	}
	if *parallel < 1 {
		fmt.Fprintln(os.Stderr, "testing: -parallel can only be given a positive integer")
		flag.Usage()
		m.exitCode = 2
		return
	}
	if *testlog != "" {
		listTests(m)
		m.exitCode = 0
		return
	}
	if *shuffle != "off" {
		var seed int64
		if *shuffle == "on" {
			seed = time.Now().UnixNano()
		} else {
			n, err := strconv.ParseInt(*shuffle, 10, 64)
			if err != nil {
				fmt.Fprintln(os.Stderr, `testing: -shuffle should be "off", "on", or a valid integer:`, err)
				m.exitCode = 2
				return
			}
			seed = n
		}
		fmt.Println("-test.shuffle", seed)
		rng := rand.New(rand.NewSource(seed))
		rng.Shuffle(len(m.tests), func(i, j int) { m.tests[i], m.tests[j] = m.tests[j], m.tests[i] })
		rng.Shuffle(len(m.benchmarks), func(i, j int) { m.benchmarks[i], m.benchmarks[j] = m.benchmarks[j], m.benchmarks[i] })
	}
	parseCpuList()
	deadline := m.startAlarm()
	testRan, testOk := runTests(m.tests, deadline)
	fuzzRan, fuzzOk := runFuzzTests(m.fuzzTargets, deadline)
	exampleRan, exampleOk := runExamples(m.examples)
	m.stopAlarm()
	if !testRan && !exampleRan && !fuzzRan && *matchBenchmarks == "" {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if !testOk || !exampleOk || !fuzzOk || !runBenchmarks(m.deps.ImportPath(), m.benchmarks) {
		fmt.Print(chattyPrefix(), "FAIL\n")
		m.exitCode = 1
		return
	}
	fmt.Print(chattyPrefix(), "PASS\n")
	m.exitCode = 0
	return
}

func chattyPrefix() string {
	if *chattyJSON {
		return "\x16"
	}
	return ""
}

func listTests(m *M) {
	for _, t := range m.tests {
		if ok, _ := matchString(*testlog, t.Name); ok {
			fmt.Println(t.Name)
		}
	}
	for _, f := range m.fuzzTargets {
		if ok, _ := matchString(*testlog, f.Name); ok {
			fmt.Println(f.Name)
		}
	}
	for _, b := range m.benchmarks {
		if ok, _ := matchString(*testlog, b.Name); ok {
			fmt.Println(b.Name)
		}
	}
	for _, e := range m.examples {
		if ok, _ := matchString(*testlog, e.Name); ok {
			fmt.Println(e.Name)
		}
	}
}

// startAlarm arms -timeout: on expiry the binary panics naming the running tests.
func (m *M) startAlarm() time.Time {
	if *timeout <= 0 {
		return time.Time{}
	}
	deadline := time.Now().Add(*timeout)
	m.timer = time.AfterFunc(*timeout, func() {
		debugTimeout(*timeout)
	})
	return deadline
}

func debugTimeout(d time.Duration) {
	running.mu.Lock()
	var names []string
	for name, start := range running.m {
		names = append(names, fmt.Sprintf("\t\t%s (%v)", name, time.Since(start).Round(time.Second)))
	}
	running.mu.Unlock()
	sort.Strings(names)
	msg := fmt.Sprintf("test timed out after %v", d)
	if len(names) > 0 {
		msg += "\n\trunning tests:\n" + strings.Join(names, "\n")
	}
	panic(msg)
}

func (m *M) stopAlarm() {
	if m.timer != nil {
		m.timer.Stop()
	}
}
