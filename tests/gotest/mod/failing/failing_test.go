package failing

import "testing"

func check(t *testing.T, x, want int) {
	t.Helper()
	if got := Double(x); got != want {
		t.Errorf("Double(%d) = %d, want %d", x, got, want)
	}
}

func TestDouble(t *testing.T) {
	for x := 0; x < 5; x++ {
		check(t, x, 2*x)
	}
}

func TestFatal(t *testing.T) {
	t.Log("before")
	t.Fatalf("stop at %d", 1)
	t.Log("never")
}

func TestPass(t *testing.T) {
	t.Log("only shown with -v")
}

func TestSubFail(t *testing.T) {
	t.Run("ok", func(t *testing.T) {})
	t.Run("bad", func(t *testing.T) {
		t.Run("deeper", func(t *testing.T) {
			t.Error("deep failure\nsecond line")
		})
	})
	t.Run("ok", func(t *testing.T) {})
}

func ExampleDouble() {
	println := func(x int) { print(x, "\n") }
	_ = println
	fmtPrint(Double(3))
	// Output: 6
}
