// Go 1.24-1.25 additions to package testing (Go 1.23 has none of them, so the expected
// output of this package is go test's plain success line, not a recording).
package go124

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestContext(t *testing.T) {
	ctx := t.Context()
	if ctx.Err() != nil {
		t.Fatal("context canceled during the test")
	}
	t.Cleanup(func() {
		if ctx.Err() == nil {
			t.Error("context not canceled before the cleanups")
		}
	})
}

func TestChdir(t *testing.T) {
	before, _ := os.Getwd()
	t.Run("in", func(t *testing.T) {
		t.Chdir("sub")
		wd, _ := os.Getwd()
		if filepath.Base(wd) != "sub" || os.Getenv("PWD") != wd {
			t.Errorf("wd %s, PWD %s", wd, os.Getenv("PWD"))
		}
	})
	if after, _ := os.Getwd(); after != before {
		t.Errorf("wd not restored: %s", after)
	}
}

func TestChdirParallel(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Parallel after Chdir did not panic")
		}
	}()
	t.Chdir(".")
	t.Parallel()
}

func TestOutput(t *testing.T) {
	fmt.Fprintf(t.Output(), "line one\nline ")
	fmt.Fprintf(t.Output(), "two\n")
}

func BenchmarkLoop(b *testing.B) {
	n := 0
	for b.Loop() {
		n++
	}
	if n != b.N || n == 0 {
		b.Fatalf("Loop ran %d times, N %d", n, b.N)
	}
}

var _ testing.TB = (*testing.T)(nil)
