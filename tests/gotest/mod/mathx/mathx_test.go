package mathx

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	fmt.Println("setup")
	code := m.Run()
	fmt.Println("teardown")
	os.Exit(code)
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name string
		a, b int
		want int
	}{
		{"zeros", 0, 0, 0},
		{"one plus one", 1, 1, 2},
		{"negative", -2, 1, -1},
		{"negative", -5, 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Add(tt.a, tt.b); got != tt.want {
				t.Errorf("Add(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestAbs(t *testing.T) {
	if abs(-3) != 3 {
		t.Fatal("abs(-3) != 3")
	}
	t.Log("abs works")
}

func TestDiv(t *testing.T) {
	if _, err := Div(1, 0); err == nil {
		t.Error("want an error")
	} else {
		t.Logf("got %v", err)
	}
	q, err := Div(7, 2)
	if err != nil || q != 3 {
		t.Errorf("Div(7, 2) = %d, %v", q, err)
	}
}
