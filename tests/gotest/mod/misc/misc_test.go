package misc

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func helperOuter(t *testing.T, msg string) {
	t.Helper()
	helperInner(t, msg)
}

func helperInner(t *testing.T, msg string) {
	t.Helper()
	t.Log(msg)
}

func notHelper(t *testing.T) {
	t.Log("from notHelper")
}

func TestHelpers(t *testing.T) {
	helperOuter(t, "nested helper")
	notHelper(t)
	func() {
		t.Helper()
		t.Log("anonymous helper")
	}()
}

func TestParallelTop1(t *testing.T) {
	t.Parallel()
	time.Sleep(20 * time.Millisecond)
	t.Log("top1 done")
}

func TestCleanupOrder(t *testing.T) {
	t.Cleanup(func() { fmt.Println("parent cleanup") })
	t.Run("child", func(t *testing.T) {
		t.Cleanup(func() { fmt.Println("child cleanup") })
		fmt.Println("child body")
	})
	fmt.Println("parent body")
}

func TestParallelCleanup(t *testing.T) {
	t.Cleanup(func() { fmt.Println("cleanup after parallel subtests") })
	for i := 0; i < 2; i++ {
		t.Run(fmt.Sprint("p", i), func(t *testing.T) {
			t.Parallel()
		})
	}
	fmt.Println("parent returns first")
}

func TestSkipSub(t *testing.T) {
	t.Run("skipped", func(t *testing.T) {
		t.Skipf("skip %d", 7)
	})
	t.Run("runs", func(t *testing.T) {
		if t.Skipped() {
			t.Error("not skipped")
		}
	})
}

func TestRunResult(t *testing.T) {
	ok := t.Run("fails", func(t *testing.T) { t.Fail() })
	t.Logf("Run returned %v, Failed %v", ok, t.Failed())
}

func TestNames(t *testing.T) {
	for _, n := range []string{"a b", "a b", "tab\there", "", "", "x/y", "a_b"} {
		t.Run(n, func(t *testing.T) { t.Log(t.Name()) })
	}
}

func TestFatalInGoroutine(t *testing.T) {
	done := make(chan bool)
	go func() {
		defer close(done)
		t.Fatal("fatal in goroutine")
	}()
	<-done
	t.Log("test goroutine continues")
}

func TestErrorValues(t *testing.T) {
	err := errors.New("boom")
	t.Log("values:", 1, 2.5, err, []int{1}, nil)
	t.Logf("%v|%q", err, "s")
	t.Log(strings.Repeat("x", 3) + "\n\nafter blank")
}

func TestEnv(t *testing.T) {
	t.Setenv("MISC_X", "1")
	t.Run("sub", func(t *testing.T) {
		if os.Getenv("MISC_X") != "1" {
			t.Error("env lost")
		}
	})
}

func TestSetenvParallel(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		defer func() {
			t.Log("recovered:", recover() != nil) // Go 1.26 words it differently from 1.23
		}()
		t.Parallel()
		t.Setenv("A", "b")
	})
}
