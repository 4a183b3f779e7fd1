package strs

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReverse(t *testing.T) {
	cases := map[string]string{"abc": "cba", "héllo": "olléh", "": ""}
	for in, want := range cases {
		if got := Reverse(in); got != want {
			t.Errorf("Reverse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParallel(t *testing.T) {
	for _, name := range []string{"a", "b", "c"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			time.Sleep(10 * time.Millisecond)
			if Shout(name) != name+"!" && len(Shout(name)) != 2 {
				t.Error("bad shout")
			}
		})
	}
}

func TestCleanup(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	t.Log("body")
}

func TestTempDir(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != "hi" {
		t.Fatalf("read %q %v", b, err)
	}
}

func TestSetenv(t *testing.T) {
	t.Setenv("STRS_TEST_VAR", "yes")
	if os.Getenv("STRS_TEST_VAR") != "yes" {
		t.Error("Setenv did not set")
	}
}

func TestSkip(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	t.Log("long test ran")
}

func TestName(t *testing.T) {
	t.Run("x y", func(t *testing.T) {
		if t.Name() != "TestName/x_y" {
			t.Errorf("Name() = %q", t.Name())
		}
	})
}
