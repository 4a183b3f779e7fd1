// Examples: each ExampleX with an Output comment runs with its standard output captured
// (natives of testing.c) and compared with the comment as go test does, lines sorted for
// "Unordered output".

package testing

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// InternalExample is an example of the generated main package.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

// captureStart sends standard output to a buffer (os.Stdout and fmt alike).
func captureStart()

// captureStop ends the capture and returns what was written.
func captureStop() string

func runExamples(examples []InternalExample) (ran, ok bool) {
	ok = true
	m := newMatcher(*match, "-test.run", *skip)
	for _, eg := range examples {
		_, matched, _ := m.fullName(nil, eg.Name)
		if !matched {
			continue
		}
		ran = true
		if !runExample(eg) {
			ok = false
		}
	}
	return ran, ok
}

func runExample(eg InternalExample) (ok bool) {
	if *chatty {
		fmt.Printf("%s=== RUN   %s\n", chattyPrefix(), eg.Name)
	}
	captureStart()
	finished := false
	start := time.Now()
	defer func() {
		spent := time.Since(start)
		out := captureStop()
		err := recover()
		ok = eg.processRunResult(out, spent, finished, err)
	}()
	eg.F()
	finished = true
	return
}

func sortLines(output string) string {
	lines := strings.Split(output, "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func (eg *InternalExample) processRunResult(stdout string, spent time.Duration, finished bool, recovered any) (passed bool) {
	passed = true
	dstr := fmtDuration(spent)
	var fail string
	got := strings.TrimSpace(stdout)
	want := strings.TrimSpace(eg.Output)
	if eg.Unordered {
		if sortLines(got) != sortLines(want) && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", stdout, eg.Output)
		}
	} else {
		if got != want && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
		}
	}
	if fail != "" || !finished || recovered != nil {
		fmt.Printf("%s--- FAIL: %s (%s)\n%s", chattyPrefix(), eg.Name, dstr, fail)
		passed = false
	} else if *chatty {
		fmt.Printf("%s--- PASS: %s (%s)\n", chattyPrefix(), eg.Name, dstr)
	}
	if recovered != nil {
		panic(recovered)
	} else if !finished {
		panic(errNilPanicOrGoexit)
	}
	return
}
